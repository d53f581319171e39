/**
 * Every colour the map draws with, in one place: base map, analytic layers and their legends.
 * Deck.gl takes [r, g, b] / [r, g, b, a] tuples (0–255); MapLibre and CSS take strings (`cssColour`).
 */
import type { NetworkClass } from '../lib/api-types';
import type { CommunityTypeId, FacilityCategoryId } from '../lib/standards';

export type Rgb = readonly [number, number, number];
export type Rgba = readonly [number, number, number, number];

/** `[r, g, b]` → `rgb(r g b)`, or with alpha 0–1 → `rgb(r g b / a)`. */
export function cssColour(rgb: Rgb, alpha?: number): string {
  return alpha === undefined
    ? `rgb(${rgb[0]} ${rgb[1]} ${rgb[2]})`
    : `rgb(${rgb[0]} ${rgb[1]} ${rgb[2]} / ${alpha})`;
}

export function withAlpha(rgb: Rgb, alpha255: number): Rgba {
  return [rgb[0], rgb[1], rgb[2], alpha255];
}

/* ---------------------------------------------------------------- base map (MapLibre) */

export const BASEMAP = {
  /** Outside every street of the region. */
  background: '#dedbd3',
  /** Inside the region's streets: the land the planner works on. */
  land: '#f0ede6',
  water: '#a9cde6',
  waterOutline: '#86b4d6',
  roadCasing: '#b9b09f',
  bridgeCasing: '#7f776b',
  road: {
    arterial: '#ffffff',
    street: '#ffffff',
    alley: '#fbfaf7',
    footway: '#b8a98f',
    steps: '#a08660',
    track: '#bfa777',
  } satisfies Record<NetworkClass, string>,
  streetBoundary: '#5b4a86',
  streetBoundaryHalo: '#ffffff',
} as const;

/**
 * A vector base map comes without a style: its polygons, lines and points are drawn in these quiet
 * colours of a topographic sheet, under everything the planner works on.
 */
export const VECTOR_BASEMAP = {
  fill: '#d8d0bd',
  fillOutline: '#b5aa92',
  line: '#8c7b62',
  point: '#6f6150',
} as const;

/* ---------------------------------------------------------------- communities */

export const COMMUNITY_TYPE_COLOURS: Record<CommunityTypeId, Rgb> = {
  urban: [231, 150, 84],
  fringe: [156, 124, 196],
  relocation: [214, 96, 96],
  township: [78, 154, 199],
  village: [125, 184, 96],
  rural: [92, 160, 140],
  new: [226, 190, 62],
};

/** Fill opacity of community polygons (0–255): light enough for the base map roads to read through. */
export const COMMUNITY_FILL_ALPHA = 96;
/** Fill opacity while the population density layer is shown beneath. */
export const COMMUNITY_FILL_ALPHA_UNDER_DENSITY = 0;
export const COMMUNITY_OUTLINE: Rgba = [70, 62, 90, 200];
export const COMMUNITY_HOVER: Rgba = [255, 255, 255, 90];
export const SELECTION_OUTLINE: Rgba = [15, 98, 254, 255];
export const SELECTION_HALO: Rgba = [255, 255, 255, 230];

/* ---------------------------------------------------------------- facilities */

/** Grouped by domain: education blues, health reds, elderly purple, commerce oranges, greens, civic, sanitation. */
export const FACILITY_CATEGORY_COLOURS: Record<FacilityCategoryId, Rgb> = {
  service_station: [15, 118, 110],
  culture_centre: [180, 83, 9],
  kindergarten: [59, 130, 246],
  nursery: [125, 180, 250],
  primary_school: [29, 78, 216],
  middle_school: [49, 46, 129],
  health_station: [239, 68, 68],
  health_centre: [153, 27, 27],
  elderly_day_care: [168, 85, 247],
  elderly_care_complex: [126, 34, 206],
  supermarket: [249, 115, 22],
  fresh_market: [234, 179, 8],
  fitness_ground: [132, 204, 22],
  park: [21, 128, 61],
  sports_ground: [16, 185, 129],
  refuse_station: [120, 113, 108],
  public_toilet: [6, 182, 212],
  parking: [71, 85, 105],
  workers_rest_station: [202, 138, 4],
};
export const FACILITY_OUTLINE: Rgb = [255, 255, 255];

/* ---------------------------------------------------------------- population */

/** Upper class breaks of residents per hectare; a unit with density ≥ the last break takes the last colour. */
export const DENSITY_BREAKS_RESIDENTS_PER_HECTARE = [25, 50, 100, 200, 400] as const;
/** One colour per class: below each break, then the open-ended top class (sequential, ColorBrewer Oranges). */
export const DENSITY_COLOURS: readonly Rgb[] = [
  [254, 237, 222],
  [253, 208, 162],
  [253, 174, 107],
  [253, 141, 60],
  [230, 85, 13],
  [166, 54, 3],
];
export const DENSITY_FILL_ALPHA = 200;
/** Units with nobody living in them (`kind: open`). */
export const DENSITY_EMPTY: Rgba = [0, 0, 0, 0];
export const DENSITY_OUTLINE: Rgba = [255, 255, 255, 140];

export const POPULATION_DOT: Rgba = [190, 60, 30, 170];
export const POPULATION_DOT_OUTLINE: Rgba = [255, 255, 255, 200];

/* ---------------------------------------------------------------- walking network */

export const NETWORK_CLASS_COLOURS: Record<NetworkClass, Rgb> = {
  arterial: [30, 58, 138],
  street: [37, 99, 235],
  alley: [96, 165, 250],
  footway: [22, 163, 74],
  steps: [217, 119, 6],
  track: [161, 98, 7],
};

/* ---------------------------------------------------------------- labels */

export const LABEL_COMMUNITY: Rgba = [38, 38, 48, 255];
export const LABEL_STREET: Rgba = [76, 58, 130, 255];
export const LABEL_HALO: Rgba = [255, 255, 255, 235];

/* ---------------------------------------------------------------- accessibility */

/**
 * Colour at `t` (0–1) along a ramp of evenly spaced anchors, interpolated linearly in RGB and
 * rounded to whole channel values.
 */
export function rampColour(anchors: readonly Rgb[], t: number): Rgb {
  if (anchors.length === 1) return anchors[0];
  const clamped = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0));
  const position = clamped * (anchors.length - 1);
  const index = Math.min(anchors.length - 2, Math.floor(position));
  const fraction = position - index;
  const [from, to] = [anchors[index], anchors[index + 1]];
  return [
    Math.round(from[0] + (to[0] - from[0]) * fraction),
    Math.round(from[1] + (to[1] - from[1]) * fraction),
    Math.round(from[2] + (to[2] - from[2]) * fraction),
  ];
}

/** Isochrone bands, nearest (darkest) to farthest (lightest): the brand teal, sequential. */
export const ISOCHRONE_RAMP: readonly Rgb[] = [
  [1, 90, 83],
  [36, 138, 128],
  [102, 189, 176],
  [163, 218, 208],
];
/** Fill opacity of isochrone bands (0–255): the roads and community outlines stay legible beneath. */
export const ISOCHRONE_FILL_ALPHA = 170;
export const ISOCHRONE_OUTLINE: Rgba = [255, 255, 255, 200];

/** Colour of band `index` of `count` (ascending minutes): evenly spread along ISOCHRONE_RAMP. */
export function isochroneBandColour(index: number, count: number): Rgb {
  return rampColour(ISOCHRONE_RAMP, count <= 1 ? 0 : index / (count - 1));
}

/** Straight-line service radii drawn as dashed outlines over the network bands (warm, to contrast with teal). */
export const SERVICE_RADIUS_OUTLINE: Rgba = [181, 71, 8, 235];
export const SERVICE_RADIUS_HALO: Rgba = [255, 255, 255, 150];
export const SERVICE_RADIUS_LABEL: Rgba = [140, 52, 4, 255];

/** The origin of an isochrone (clicked point or facility). */
export const ORIGIN_MARKER: Rgba = [15, 43, 58, 255];
export const ORIGIN_HALO: Rgba = [255, 255, 255, 240];

/** Upper class breaks of walking minutes in the travel-time heat map; a cell beyond the last takes the last colour. */
export const TRAVEL_TIME_BREAKS_MINUTES = [5, 10, 15, 20, 30] as const;
/**
 * One colour per class (0–5, 5–10, 10–15, 15–20, 20–30, > 30 minutes): teal within the 15-minute
 * life circle, sand to brown beyond it (ColorBrewer BrBG), so the tiers read at a glance.
 */
export const TRAVEL_TIME_COLOURS: readonly Rgb[] = [
  [1, 102, 94],
  [53, 151, 143],
  [128, 205, 193],
  [246, 232, 195],
  [223, 194, 125],
  [166, 97, 26],
];
/** Opacity of heat-map cells (0–255). */
export const HEATMAP_ALPHA = 190;

/** Life-circle completeness, from no required category reached (brown) to all of them (teal). */
export const COMPLETENESS_RAMP: readonly Rgb[] = [
  [140, 81, 10],
  [216, 179, 101],
  [199, 234, 229],
  [90, 180, 172],
  [1, 102, 94],
];

/** Population units whose residents do not reach the chosen category within its tier: a tint, so the heat map still reads through it. */
export const UNCOVERED_UNIT_FILL: Rgba = [200, 30, 40, 85];
/** A hair line only: thousands of adjacent units outlined in full would read as a red mesh. */
export const UNCOVERED_UNIT_OUTLINE: Rgba = [160, 18, 28, 90];

/* ---------------------------------------------------------------- service areas and siting */

/**
 * Service areas, one colour per facility: a qualitative palette (ColorBrewer Set3 without its
 * greys), handed out so that touching areas never share one (features/service-areas).
 */
export const SERVICE_AREA_PALETTE: readonly Rgb[] = [
  [141, 211, 199],
  [255, 255, 179],
  [190, 186, 218],
  [251, 128, 114],
  [128, 177, 211],
  [253, 180, 98],
  [179, 222, 105],
  [252, 205, 229],
  [204, 235, 197],
  [255, 237, 111],
];
export const SERVICE_AREA_FILL_ALPHA = 150;
/** Outline of an area by its facility's load class: within capacity, near it, over it, capacity unknown. */
export const SERVICE_AREA_LOAD_OUTLINES = {
  ok: [70, 62, 90, 170],
  near: [214, 140, 0, 230],
  over: [200, 30, 40, 255],
  unknown: [120, 120, 120, 200],
} as const satisfies Record<string, Rgba>;
/** Units walking longer than the tier to the facility serving them (or served by none): grey. */
export const BEYOND_TIER_UNIT_FILL: Rgba = [110, 110, 110, 120];
/** A proposed site of the siting (选址): a numbered marker. */
export const SITING_MARKER: Rgba = [190, 24, 93, 255];
export const SITING_MARKER_HALO: Rgba = [255, 255, 255, 255];
export const SITING_MARKER_TEXT: Rgba = [255, 255, 255, 255];

/* ---------------------------------------------------------------- scenarios */

/** Outline of a community that fails a rule of the chosen standards profile. */
export const RULE_FAIL_OUTLINE: Rgba = [200, 30, 40, 210];
export const RULE_FAIL_HALO: Rgba = [255, 255, 255, 150];
/** Fill opacity (0–255) of units painted into another community and not yet saved. */
export const PENDING_UNIT_FILL_ALPHA = 200;
/** Amber, as the interface marks unsaved edits. */
export const PENDING_UNIT_OUTLINE: Rgba = [214, 140, 0, 255];
/** The units of the community being edited: a blue tint over its fill. */
export const ACTIVE_UNIT_FILL: Rgba = [15, 98, 254, 46];
/**
 * Hair lines between units while editing, so the planner sees what the brush takes. Drawn by
 * MapLibre (a CSS colour), which keeps them out of deck.gl's redraws while painting.
 */
export const UNIT_GRID_LINE = 'rgba(255, 255, 255, 0.6)';
/** Units that changed community between two scenarios (the comparison's difference layer). */
export const MOVED_UNIT_FILL: Rgba = [236, 72, 153, 150];
export const MOVED_UNIT_OUTLINE: Rgba = [131, 24, 67, 230];
/** What the planner is drawing (lasso, outline, split line). */
export const DRAWING_LINE: Rgba = [15, 43, 58, 255];
export const DRAWING_HALO: Rgba = [255, 255, 255, 230];
export const DRAWING_FILL: Rgba = [15, 98, 254, 40];
export const DRAWING_VERTEX: Rgba = [255, 255, 255, 255];

/* Scenario facility and path edits (features/scenarios, the legend beside the tools). */
/** Ring around a facility the scenario added (its fill stays its category's colour). */
export const ADDED_FACILITY_RING: Rgba = [214, 140, 0, 255];
/** Ring around a facility the scenario moved or changed, and the line from where it stood. */
export const CHANGED_FACILITY_RING: Rgba = [15, 98, 254, 255];
export const MOVED_FACILITY_TRAIL: Rgba = [15, 98, 254, 170];
/** A facility the scenario removed, greyed where it stood, struck through. */
export const REMOVED_FACILITY_FILL: Rgba = [150, 150, 150, 200];
export const REMOVED_FACILITY_STRIKE: Rgba = [200, 30, 40, 255];
/** A path the scenario added, over a white halo. */
export const ADDED_PATH_LINE: Rgba = [214, 140, 0, 255];
export const ADDED_PATH_HALO: Rgba = [255, 255, 255, 230];
/** A network edge the scenario closed: dashed red. */
export const CLOSED_PATH_LINE: Rgba = [200, 30, 40, 255];
/** Dash and gap of a closed path, in multiples of its width. */
export const CLOSED_PATH_DASH: [number, number] = [3, 2];

/**
 * The dashboard's difference map (scenario against the baseline), by class: worse, no longer
 * reached, unchanged, better, newly reached. Red–grey–green, the reached/lost classes the darker.
 */
export const DIFFERENCE_COLOURS = {
  lost: [165, 15, 21],
  worse: [239, 101, 72],
  same: [226, 226, 222],
  better: [65, 171, 93],
  reached: [0, 90, 50],
} as const satisfies Record<string, Rgb>;
