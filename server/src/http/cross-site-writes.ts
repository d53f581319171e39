/**
 * Refuses writes a page of another site makes in a visitor's browser (CSRF). Until accounts and
 * their tokens exist, a browser's own word is the defence: a write whose `Origin` is not the app's
 * own origin, or that the browser marks `Sec-Fetch-Site: cross-site`, answers 403. Requests without
 * either header (curl, scripts, the command line) are not from a browser page and pass.
 */

import type { MiddlewareHandler } from 'hono';
import { DomainError } from '../domain-error.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The middleware; `allowedOrigins` are other sites trusted to write (the CORS_ORIGINS setting).
 * The app's own origin is the request's (scheme, Host header and port), as the browser addressed it.
 */
export function refuseCrossSiteWrites(allowedOrigins: readonly string[] = []): MiddlewareHandler {
  const trusted = new Set(allowedOrigins);
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    const ownOrigin = new URL(c.req.url).origin;
    const originAllowed = origin === undefined || origin === ownOrigin || trusted.has(origin);
    const site = c.req.header('sec-fetch-site');
    const siteAllowed = site !== 'cross-site' || (origin !== undefined && trusted.has(origin));
    if (!originAllowed || !siteAllowed) {
      throw new DomainError('request.cross-site', {
        method: c.req.method,
        path: c.req.path,
        origin: origin ?? `Sec-Fetch-Site: ${site}`,
      });
    }
    return next();
  };
}
