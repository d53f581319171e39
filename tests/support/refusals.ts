import { expect } from 'vitest';

/**
 * What a refusal answers: the English sentence (`error`, matched exactly or by a pattern), its
 * Chinese twin, the catalogue code (any, unless given) and the params it names.
 */
export function refusalBody(error: string | RegExp, code?: string) {
  return {
    error: typeof error === 'string' ? error : expect.stringMatching(error),
    errorZh: expect.stringMatching(/\S/),
    code: code ?? expect.stringMatching(/^[a-z]+\.[a-z0-9-]+$/),
    params: expect.any(Object),
  };
}
