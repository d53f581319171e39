import { describe, expect, it } from 'vitest';
import { LANGUAGES, MESSAGE_TABLES, translate } from './i18n';

describe('translate', () => {
  it('speaks Chinese and English and fills placeholders', () => {
    expect(translate('zh', 'layers.title')).toBe('图层');
    expect(translate('en', 'layers.title')).toBe('Layers');
    expect(translate('zh', 'tier.minutes', { n: 15 })).toBe('15 分钟');
  });
});

describe('the message tables', () => {
  it('give every key in both languages, with the same placeholders', () => {
    for (const table of MESSAGE_TABLES) {
      const zhKeys = Object.keys(table.zh).sort();
      expect(Object.keys(table.en).sort()).toEqual(zhKeys);
      for (const key of zhKeys) {
        const zh = (table.zh as Record<string, string>)[key];
        const en = (table.en as Record<string, string>)[key];
        for (const text of [zh, en]) expect(text.trim(), key).not.toBe('');
        const placeholders = (text: string) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();
        expect(placeholders(en), key).toEqual(placeholders(zh));
      }
    }
  });

  it('define each key once, in one feature’s table', () => {
    const seen = new Map<string, number>();
    MESSAGE_TABLES.forEach((table, index) => {
      for (const key of Object.keys(table.zh)) {
        expect(seen.has(key), `${key} is in tables ${seen.get(key)} and ${index}`).toBe(false);
        seen.set(key, index);
      }
    });
    expect(LANGUAGES).toEqual(['zh', 'en']);
  });
});
