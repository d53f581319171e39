/**
 * What services throw when a request cannot be served: a code of the error catalogue
 * (contract/errors.ts) with its params. Services never speak HTTP; app.ts's onError answers a
 * DomainError with the catalogue's status and both sentences, plus any `extra` members (e.g. a
 * stale save's `currentVersion`, a refused import's `problems`).
 */

import {
  ERROR_CATALOGUE,
  renderError,
  type ErrorBody,
  type ErrorCode,
  type ErrorParams,
} from '../../contract/errors.js';

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  /** Members answered beside the error (never overriding `error`, `errorZh`, `code`, `params`). */
  readonly extra: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, params: ErrorParams = {}, extra: Readonly<Record<string, unknown>> = {}) {
    super(renderError(code, params, 'en'));
    this.name = 'DomainError';
    this.code = code;
    this.params = params;
    this.extra = extra;
  }

  /** The HTTP status the catalogue gives this code. */
  get status(): number {
    return ERROR_CATALOGUE[this.code].status;
  }

  /** The Chinese sentence. */
  get messageZh(): string {
    return renderError(this.code, this.params, 'zh');
  }

  /** The answer's body. */
  body(): ErrorBody & Record<string, unknown> {
    return {
      ...this.extra,
      error: this.message,
      errorZh: this.messageZh,
      code: this.code,
      params: { ...this.params },
    };
  }
}

/** True when `error` is a DomainError with one of `codes` (any code when none are given). */
export function isDomainError(error: unknown, ...codes: ErrorCode[]): error is DomainError {
  return error instanceof DomainError && (codes.length === 0 || codes.includes(error.code));
}
