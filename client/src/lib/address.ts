/**
 * The view in the address bar, so a link opens the same view: `?region=…&tab=…&scenario=…&at=lon,lat,zoom`
 * (and `#/dashboard` for the leaders' screen, kept as it is, with `dashboard-scenario=…` for the
 * scenario it shows against the baseline). Read once when the page opens; written
 * with `history.replaceState` as the planner moves, so the back button is not filled with map moves.
 */

/** The sidebar's tabs; `layers` is the default and is left out of the address. */
export const SIDEBAR_TABS = ['layers', 'accessibility', 'scenarios', 'siting'] as const;
export type SidebarTab = (typeof SIDEBAR_TABS)[number];

/** A map view: centre in degrees and MapLibre zoom. */
export interface AddressCamera {
  center: [number, number];
  zoom: number;
}

export interface AddressView {
  region: string | null;
  tab: SidebarTab;
  scenario: string | null;
  camera: AddressCamera | null;
  /** The scenario the dashboard shows against the baseline (null: the baseline alone). */
  dashboardScenario: string | null;
}

/** `lon,lat,zoom` as written by `cameraText`; null when it is not a view on Earth. */
export function parseCamera(text: string | null): AddressCamera | null {
  if (!text) return null;
  const parts = text.split(',').map(Number);
  if (parts.length !== 3 || !parts.every(Number.isFinite)) return null;
  const [lon, lat, zoom] = parts;
  if (lon < -180 || lon > 180 || lat < -85 || lat > 85 || zoom < 0 || zoom > 24) return null;
  return { center: [lon, lat], zoom };
}

/** A view as the address writes it: 6 decimals of a degree (about 0.1 m), 2 of zoom. */
export function cameraText({ center, zoom }: AddressCamera): string {
  return `${center[0].toFixed(6)},${center[1].toFixed(6)},${zoom.toFixed(2)}`;
}

export function parseAddress(search: string): AddressView {
  const params = new URLSearchParams(search);
  const tab = params.get('tab');
  return {
    region: params.get('region'),
    tab: (SIDEBAR_TABS as readonly string[]).includes(tab ?? '') ? (tab as SidebarTab) : 'layers',
    scenario: params.get('scenario'),
    camera: parseCamera(params.get('at')),
    dashboardScenario: params.get('dashboard-scenario'),
  };
}

/** The view as the page was opened with it. */
export const OPENED_ADDRESS: AddressView = parseAddress(window.location.search);

let addressCameraPending: AddressCamera | null = OPENED_ADDRESS.camera;

/**
 * The view the page was opened with, once, for the first framing of `regionId` (a link's view
 * of another region than the one shown is dropped).
 */
export function takeAddressCamera(regionId: string): AddressCamera | null {
  const camera = addressCameraPending;
  addressCameraPending = null;
  return camera && (OPENED_ADDRESS.region === null || OPENED_ADDRESS.region === regionId) ? camera : null;
}

/** Sets (or, with null, removes) members of the address's query, keeping the rest and the hash. */
export function writeAddress(
  changes: Partial<Record<'region' | 'tab' | 'scenario' | 'at' | 'dashboard-scenario', string | null>>,
): void {
  const url = new URL(window.location.href);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === undefined) url.searchParams.delete(name);
    else url.searchParams.set(name, value);
  }
  if (url.href !== window.location.href) window.history.replaceState(window.history.state, '', url);
}
