/**
 * Attribution lines for a region's data, for MapLibre's attribution control. OpenStreetMap data
 * must carry "© OpenStreetMap contributors" (ODbL), whatever else the region's attribution says.
 */
import type { Region } from '../lib/api-types';

export const OSM_ATTRIBUTION = '© OpenStreetMap contributors';
/** The renderer is always credited, so the attribution control is never empty. */
export const RENDERER_ATTRIBUTION =
  '<a href="https://maplibre.org/" target="_blank" rel="noopener">MapLibre</a>';

export function regionAttribution(region: Region | null): string[] {
  const attribution = region?.attribution?.trim();
  if (!attribution) return [RENDERER_ATTRIBUTION];
  if (/openstreetmap/i.test(attribution) && !attribution.includes(OSM_ATTRIBUTION)) {
    return [OSM_ATTRIBUTION, escapeHtml(attribution), RENDERER_ATTRIBUTION];
  }
  return [escapeHtml(attribution), RENDERER_ATTRIBUTION];
}

/** MapLibre renders attribution strings as HTML; a region's text is data, not markup. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
