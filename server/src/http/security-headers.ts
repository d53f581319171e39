/**
 * The headers every answer carries so a browser holds the app to its own origin: a Content Security
 * Policy that lets in the app's own scripts and workers (MapLibre starts its worker from the app's
 * own file or a blob: URL), images from data: and blob: URLs (map icons, brush samples), tiles from
 * the online tile services an administrator configured (LIFECIRCLE_TILE_SERVICES), and nothing
 * from elsewhere; no framing by any page (clickjacking); no MIME sniffing; no referrer sent to
 * other sites.
 */

import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** The policy, directive by directive (hono's secureHeaders writes it in CSP syntax). */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  childSrc: ["'self'", 'blob:'],
  // MapLibre and deck.gl fetch images and glyphs they are given as data: or blob: URLs.
  connectSrc: ["'self'", 'data:', 'blob:'],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  // React and MapLibre set element styles; MapLibre's stylesheet is the app's own file.
  styleSrc: ["'self'", "'unsafe-inline'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * The middleware for the whole site (API and client). `tileOrigins`: the origins of the configured
 * tile services; the map loads their tiles by fetch or as images, so both are let in.
 */
export function securityHeaders(tileOrigins: readonly string[] = []): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      ...CONTENT_SECURITY_POLICY,
      connectSrc: [...CONTENT_SECURITY_POLICY.connectSrc, ...tileOrigins],
      imgSrc: [...CONTENT_SECURITY_POLICY.imgSrc, ...tileOrigins],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
    // The app is served over plain HTTP on a bureau's network unless a TLS proxy fronts it; HSTS is
    // that proxy's to send.
    strictTransportSecurity: false,
    // Exports and the API may be opened from other tools on the same machine (curl, QGIS).
    crossOriginResourcePolicy: false,
  });
}
