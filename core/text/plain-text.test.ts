import { describe, expect, it } from 'vitest';
import { findNul, findTooDeep, plainText } from './plain-text.js';

describe('plainText', () => {
  it('accepts any text without NUL, Chinese included, and refuses one with NUL in both languages', () => {
    const schema = plainText().min(1).max(20);
    expect(schema.parse('社区 A-1')).toBe('社区 A-1');
    const refused = schema.safeParse('a\u0000b');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({
      message: 'must not contain the NUL character (\\u0000)',
      params: { zh: '不能包含 NUL 字符（\\u0000）' },
    });
    expect(schema.safeParse('').success).toBe(false);
  });
});

describe('findNul', () => {
  it('names the path of the first string or key holding NUL, and null when there is none', () => {
    expect(findNul({ name: 'ok', edits: [{ op: 'x' }, { ids: ['a', 'b\u0000'] }] })).toEqual([
      'edits',
      1,
      'ids',
      1,
    ]);
    expect(findNul({ ['k\u0000']: 1 })).toEqual(['k\\u0000']);
    expect(findNul({ a: [1, null, true, 'text'] })).toBeNull();
    expect(findNul('\u0000')).toEqual([]);
  });
});

describe('findTooDeep', () => {
  it('names the first list or object nested past the limit, at any depth, without recursing', () => {
    expect(findTooDeep({ a: [[1]], b: { c: [] } }, 3)).toBeNull();
    expect(findTooDeep({ a: [[1]], b: { c: [[[]]] } }, 3)).toEqual(['b', 'c', 0]);
    const deep = JSON.parse(`{"deep":${'['.repeat(20_000)}${']'.repeat(20_000)}}`);
    expect(findTooDeep(deep, 64)).toEqual(['deep', ...Array.from({ length: 63 }, () => 0)]);
    expect(findNul(deep)).toBeNull();
    expect(findNul([deep, 'x\u0000'])).toEqual([1]);
  });
});
