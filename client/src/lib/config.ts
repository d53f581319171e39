/**
 * The only reader of build-time configuration (import.meta.env) in the client.
 */

/** URL of an online MapLibre style, or null for the offline base map drawn from the region's own layers. */
export const BASEMAP_STYLE_URL: string | null = import.meta.env.VITE_BASEMAP_STYLE?.trim() || null;

/** Prefix of every API path; the API is served from the same origin as the client. */
export const API_BASE_PATH = '/api';

/** localStorage key that remembers the interface language. */
export const LANGUAGE_STORAGE_KEY = 'lifecircle.language';

/** CJK-capable font stack for map labels (deck.gl TextLayer) and the interface. */
export const CJK_FONT_FAMILY =
  '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
