/**
 * Which OSM ways people may walk on, as data: every `highway=*` value with the network class it
 * becomes (edge-classes.ts) or the reason it is left out, plus the access rules. Each way left out
 * carries its reason, so the import report can say what was skipped and why.
 */
import type { OsmTags } from '../formats/osm-xml.js';
import type { EdgeClass } from './edge-classes.js';

export type HighwayRule =
  | { edgeClass: EdgeClass }
  /** Walkable only where `foot=*` explicitly lets pedestrians in; otherwise left out for `barred`. */
  | { edgeClass: EdgeClass; footRequired: true; barred: string }
  | { skip: string };

/** `highway=*` values and the edge class a walkable way of that kind becomes, or why it is not walkable. */
export const HIGHWAY_RULES: Readonly<Record<string, HighwayRule>> = {
  // Motorways and trunk roads (China's 高速公路 and 快速路) bar or endanger pedestrians; a mapped
  // foot=yes (a sidewalk drawn onto the road) lets them back in.
  motorway: { edgeClass: 'arterial', footRequired: true, barred: 'motorway (pedestrians barred)' },
  motorway_link: { edgeClass: 'arterial', footRequired: true, barred: 'motorway link (pedestrians barred)' },
  trunk: { edgeClass: 'arterial', footRequired: true, barred: 'trunk road (no foot=yes)' },
  trunk_link: { edgeClass: 'arterial', footRequired: true, barred: 'trunk link (no foot=yes)' },
  primary: { edgeClass: 'arterial' },
  primary_link: { edgeClass: 'arterial' },
  secondary: { edgeClass: 'arterial' },
  secondary_link: { edgeClass: 'arterial' },
  tertiary: { edgeClass: 'street' },
  tertiary_link: { edgeClass: 'street' },
  unclassified: { edgeClass: 'street' },
  residential: { edgeClass: 'street' },
  living_street: { edgeClass: 'street' },
  road: { edgeClass: 'street' },
  service: { edgeClass: 'alley' },
  footway: { edgeClass: 'footway' },
  pedestrian: { edgeClass: 'footway' },
  path: { edgeClass: 'footway' },
  // Chinese cycle tracks (非机动车道) are shared with pedestrians in practice; foot=no still excludes one.
  cycleway: { edgeClass: 'footway' },
  bridleway: { edgeClass: 'footway' },
  steps: { edgeClass: 'steps' },
  track: { edgeClass: 'track' },
  construction: { skip: 'under construction' },
  proposed: { skip: 'proposed, not built' },
  planned: { skip: 'proposed, not built' },
  abandoned: { skip: 'abandoned' },
  disused: { skip: 'abandoned' },
  raceway: { skip: 'raceway' },
  bus_guideway: { skip: 'bus guideway' },
  busway: { skip: 'bus-only road' },
  escape: { skip: 'emergency escape lane' },
  corridor: { skip: 'indoor corridor' },
  elevator: { skip: 'elevator' },
  platform: { skip: 'platform area' },
  services: { skip: 'service-area polygon, not a way' },
  rest_area: { skip: 'rest-area polygon, not a way' },
};

/** `access=*` / `foot=*` values that bar walkers. */
const BARRING_ACCESS = new Set(['no', 'private']);
/** `foot=*` values that let walkers in whatever `access=*` or the road's kind says. */
const ALLOWING_FOOT = new Set(['yes', 'designated', 'permissive']);

export type WalkabilityVerdict =
  { walkable: true; edgeClass: EdgeClass } | { walkable: false; reason: string };

/**
 * Whether a way with these tags is part of the walking network, and as what class; null for a way
 * that is not a highway at all (so that it does not count among the skipped ways). Reasons read
 * like `highway=motorway: motorway (pedestrians barred)` or `access=private`.
 */
export function judgeWay(tags: OsmTags): WalkabilityVerdict | null {
  const highway = tags.highway;
  if (highway === undefined) return null;
  const rule = HIGHWAY_RULES[highway];
  if (rule === undefined)
    return { walkable: false, reason: `highway=${highway} (not a known walkable kind)` };
  if ('skip' in rule) return { walkable: false, reason: `highway=${highway}: ${rule.skip}` };
  const foot = tags.foot;
  const footAllowed = foot !== undefined && ALLOWING_FOOT.has(foot);
  if ('footRequired' in rule && !footAllowed)
    return { walkable: false, reason: `highway=${highway}: ${rule.barred}` };
  // A pedestrian square drawn as a closed way is an area to cross, not a path along its outline.
  if (tags.area === 'yes')
    return { walkable: false, reason: `highway=${highway} with area=yes (an area, not a path)` };
  if (tags.construction !== undefined && tags.construction !== 'no' && tags.construction !== 'minor') {
    return { walkable: false, reason: `construction=${tags.construction}: under construction` };
  }
  if (foot !== undefined && BARRING_ACCESS.has(foot)) return { walkable: false, reason: `foot=${foot}` };
  if (foot === 'use_sidepath')
    return { walkable: false, reason: 'foot=use_sidepath (walkers use a separate sidewalk)' };
  const access = tags.access;
  if (access !== undefined && BARRING_ACCESS.has(access) && !footAllowed)
    return { walkable: false, reason: `access=${access}` };
  return { walkable: true, edgeClass: rule.edgeClass };
}

/** Whether a way is a bridge (`bridge=*` other than `no`). */
export function isBridge(tags: OsmTags): boolean {
  return tags.bridge !== undefined && tags.bridge !== 'no';
}
