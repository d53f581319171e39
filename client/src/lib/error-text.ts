/**
 * The one place a failed API call becomes a sentence for the planner. The server answers refusals
 * in one shape (contract/errors.ts: `error` in English, `errorZh`, a stable `code` and its
 * `params`): a known code is rendered from the shared catalogue in the interface's language, so a
 * refusal reads in Chinese in the Chinese interface whichever route gave it. Answers from before
 * the catalogue knew their code fall back to the server's own Chinese or English text, and a call
 * that got no explanation at all (network down, a proxy's bare 502) to a short generic sentence.
 */
import { isErrorCode, renderError, type ErrorParams } from '../../../contract/errors';
import type { ApiError } from './api';

/** What the server said about a refusal, read from its answer (each member may be missing). */
export interface Refusal {
  error: string | null;
  errorZh: string | null;
  code: string | null;
  params: ErrorParams;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** The refusal in an error answer's body, or null when the body is not a JSON object. */
export function refusalOf(body: unknown): Refusal | null {
  if (!body || typeof body !== 'object') return null;
  const answer = body as Record<string, unknown>;
  const params = answer.params && typeof answer.params === 'object' ? (answer.params as ErrorParams) : {};
  return { error: text(answer.error), errorZh: text(answer.errorZh), code: text(answer.code), params };
}

/** The generic sentences, as message keys of the shell's table (app/app.i18n.ts). */
export type GenericErrorKey = 'error.unreachable' | 'error.unexplained';

/**
 * The sentence of a failed call in `language`: the catalogue's, else the server's text in that
 * language (its English when it gave no Chinese), else `generic(key)`.
 */
export function errorText(
  error: ApiError,
  language: 'zh' | 'en',
  generic: (key: GenericErrorKey) => string,
): string {
  const refusal = refusalOf(error.body);
  if (refusal) {
    if (isErrorCode(refusal.code)) return renderError(refusal.code, refusal.params, language);
    const said = language === 'zh' ? (refusal.errorZh ?? refusal.error) : (refusal.error ?? refusal.errorZh);
    if (said) return said;
  }
  return generic(error.status === null ? 'error.unreachable' : 'error.unexplained');
}
