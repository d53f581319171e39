/**
 * Pure readings of a service-areas answer for the screen: each facility's load class, the table's
 * rows and their order, the colour slot of each area (touching areas never share one), and the
 * units to grey out (beyond the tier, or served by no facility).
 */
import type { ServiceAreaFeature, ServiceAreas } from './service-areas-api';

/** A facility's load against its capacity: within 80 %, 80–100 %, over capacity, or no capacity known. */
export const LOAD_CLASSES = ['ok', 'near', 'over', 'unknown'] as const;
export type LoadClass = (typeof LOAD_CLASSES)[number];

/** Load from which a facility counts as near its capacity (a share, 0.8 = 80 %). */
export const NEAR_CAPACITY_LOAD = 0.8;

/** The class of a load (demand ÷ capacity); null: the facility has no capacity. */
export function loadClass(load: number | null): LoadClass {
  if (load === null) return 'unknown';
  if (load > 1) return 'over';
  return load >= NEAR_CAPACITY_LOAD ? 'near' : 'ok';
}

export interface ServiceAreaRow {
  facilityId: string;
  name: string;
  unitCount: number;
  residents: number;
  demand: number;
  capacity: number | null;
  load: number | null;
  loadClass: LoadClass;
  beyondTierUnitCount: number;
}

export function serviceAreaRows(features: readonly ServiceAreaFeature[]): ServiceAreaRow[] {
  return features.map(({ properties }) => ({
    facilityId: properties.facilityId,
    name: properties.name,
    unitCount: properties.unitCount,
    residents: properties.residents,
    demand: properties.demand,
    capacity: properties.capacity,
    load: properties.load,
    loadClass: loadClass(properties.load),
    beyondTierUnitCount: properties.beyondTierUnitCount,
  }));
}

export const SORT_KEYS = ['name', 'demand', 'capacity', 'load'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface SortOrder {
  key: SortKey;
  descending: boolean;
}

/** The table's default order: the most loaded facility first. */
export const DEFAULT_SORT: SortOrder = { key: 'load', descending: true };

/** Rows in the order asked; facilities without a figure (no capacity) always last, then by name. */
export function sortRows(rows: readonly ServiceAreaRow[], order: SortOrder): ServiceAreaRow[] {
  const sign = order.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    if (order.key === 'name') return sign * a.name.localeCompare(b.name, 'zh-CN');
    const [x, y] = [a[order.key], b[order.key]];
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (x !== y) return sign * (x - y);
    return a.name.localeCompare(b.name, 'zh-CN');
  });
}

/** The next order after a click on a column's header: the same column turns round, another starts descending. */
export function nextSort(current: SortOrder, key: SortKey): SortOrder {
  return current.key === key ? { key, descending: !current.descending } : { key, descending: key !== 'name' };
}

type Bbox = [number, number, number, number];

function geometryBbox(geometry: ServiceAreaFeature['geometry']): Bbox | null {
  if (!geometry) return null;
  const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of geometry.coordinates)
    for (const ring of polygon)
      for (const [lon, lat] of ring) {
        box[0] = Math.min(box[0], lon);
        box[1] = Math.min(box[1], lat);
        box[2] = Math.max(box[2], lon);
        box[3] = Math.max(box[3], lat);
      }
  return Number.isFinite(box[0]) ? box : null;
}

/** Boxes that overlap or touch (within `slackDegrees`): the areas may share an edge. */
function boxesMeet(a: Bbox, b: Bbox, slackDegrees: number): boolean {
  return (
    a[0] <= b[2] + slackDegrees &&
    b[0] <= a[2] + slackDegrees &&
    a[1] <= b[3] + slackDegrees &&
    b[1] <= a[3] + slackDegrees
  );
}

/** Slack of the touching test, degrees (about a metre): shared edges meet exactly, rounding aside. */
const TOUCH_SLACK_DEGREES = 1e-5;

/**
 * A palette slot per facility such that areas that may touch (their bounding boxes meet) get
 * different slots where `slotCount` allows: greedy colouring, most neighbours first (Welsh–Powell).
 * Bounding boxes over-count neighbours, which only spreads the colours further.
 */
export function colourSlots(features: readonly ServiceAreaFeature[], slotCount: number): Map<string, number> {
  const boxes = features.map((feature) => geometryBbox(feature.geometry));
  const neighbours = features.map(() => [] as number[]);
  for (let i = 0; i < features.length; i++)
    for (let j = i + 1; j < features.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      if (a && b && boxesMeet(a, b, TOUCH_SLACK_DEGREES)) {
        neighbours[i].push(j);
        neighbours[j].push(i);
      }
    }
  const order = features
    .map((_, index) => index)
    .sort(
      (a, b) =>
        neighbours[b].length - neighbours[a].length ||
        features[a].properties.facilityId.localeCompare(features[b].properties.facilityId),
    );
  const slots = new Array<number>(features.length).fill(-1);
  for (const index of order) {
    const taken = new Set(neighbours[index].map((neighbour) => slots[neighbour]));
    let slot = 0;
    while (slot < slotCount && taken.has(slot)) slot++;
    // More neighbours than colours: the least used among them.
    if (slot === slotCount)
      slot = leastUsedSlot(
        neighbours[index].map((n) => slots[n]),
        slotCount,
      );
    slots[index] = slot;
  }
  return new Map(features.map((feature, index) => [feature.properties.facilityId, slots[index]]));
}

function leastUsedSlot(neighbourSlots: readonly number[], slotCount: number): number {
  const uses = new Array<number>(slotCount).fill(0);
  for (const slot of neighbourSlots) if (slot >= 0) uses[slot]++;
  return uses.indexOf(Math.min(...uses));
}

/** Units to grey out: those beyond the tier of the facility serving them, and those no facility serves. */
export function greyedUnitIds(answer: ServiceAreas): Set<string> {
  const ids = new Set(answer.unserved.unitIds);
  for (const feature of answer.features) for (const id of feature.properties.beyondTierUnitIds) ids.add(id);
  return ids;
}

/** How many facilities fall in each load class. */
export function loadClassCounts(rows: readonly ServiceAreaRow[]): Record<LoadClass, number> {
  const counts: Record<LoadClass, number> = { ok: 0, near: 0, over: 0, unknown: 0 };
  for (const row of rows) counts[row.loadClass]++;
  return counts;
}
