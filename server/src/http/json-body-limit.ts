/**
 * The limit on a JSON body: a 39 MB outline once froze the embedded server for 36 s and landed in
 * the edit log. Uploads (multipart) have their own, larger limit (routes/imports.ts).
 */

import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DomainError } from '../domain-error.js';

const BYTES_PER_MEGABYTE = 1024 * 1024;

/** Refuses a non-multipart body longer than `maxBytes` with the catalogue's 413, before it is parsed. */
export function jsonBodyLimit(maxBytes: number): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new DomainError('request.too-large', {
        limitMegabytes: Math.round((maxBytes / BYTES_PER_MEGABYTE) * 100) / 100,
      });
    },
  });
  return async (c, next) => {
    const contentType = c.req.header('content-type') ?? '';
    if (contentType.startsWith('multipart/form-data')) return next();
    return limit(c, next);
  };
}
