import { describe, expect, it } from 'vitest';
import type { ApiError } from './api';
import { errorText, refusalOf } from './error-text';

function failure(status: number | null, body?: unknown): ApiError {
  return { status, message: 'technical', path: '/api/x', aborted: false, body };
}

const generic = (key: string) => `<${key}>`;

describe('errorText', () => {
  it('renders a known code from the catalogue in the interface language', () => {
    const error = failure(404, {
      error: 'no region "x"',
      errorZh: '没有区域“x”',
      code: 'region.not-found',
      params: { regionId: 'x' },
    });
    expect(errorText(error, 'zh', generic)).toBe('没有区域“x”');
    expect(errorText(error, 'en', generic)).toBe('no region "x"');
  });

  it('uses the server’s own sentences for a code the catalogue does not know', () => {
    const error = failure(422, {
      error: 'a Shapefile needs its .dbf',
      errorZh: 'Shapefile 需要配套的 .dbf',
      code: 'import.unknown-code',
      params: {},
    });
    expect(errorText(error, 'zh', generic)).toBe('Shapefile 需要配套的 .dbf');
    expect(errorText(error, 'en', generic)).toBe('a Shapefile needs its .dbf');
  });

  it('falls back to the English sentence when the server gave no Chinese', () => {
    expect(errorText(failure(400, { error: 'origins[0] lies outside the region' }), 'zh', generic)).toBe(
      'origins[0] lies outside the region',
    );
  });

  it('says something short when the call got no explanation', () => {
    expect(errorText(failure(null), 'zh', generic)).toBe('<error.unreachable>');
    expect(errorText(failure(502, undefined), 'en', generic)).toBe('<error.unexplained>');
    expect(errorText(failure(500, { error: '  ' }), 'en', generic)).toBe('<error.unexplained>');
  });
});

describe('refusalOf', () => {
  it('reads the members it finds and ignores the rest', () => {
    expect(refusalOf({ error: 'e', params: { n: 1 }, currentVersion: 3 })).toEqual({
      error: 'e',
      errorZh: null,
      code: null,
      params: { n: 1 },
    });
    expect(refusalOf('not an object')).toBeNull();
  });
});
