/**
 * Screen-space label placement: a label is drawn only where it does not overlap a label placed
 * before it (higher priority first). With a flat, north-up Web Mercator map, relative pixel
 * positions depend on the zoom alone, so placement is recomputed per zoom, never per pan.
 */
import type { Position } from '../lib/api-types';

export interface LabelCandidate {
  key: string;
  position: Position;
  text: string;
  fontSizePixels: number;
  /** Where the text box sits relative to the anchor: centred on it, or hanging below it. */
  baseline: 'center' | 'top';
  /** Pixel offset of the box from the anchor. */
  offsetPixels?: readonly [number, number];
}

/** Room kept free around each label, in pixels. */
const LABEL_PADDING_PIXELS = 4;
/** Web Mercator world size at zoom 0 in MapLibre's 512-pixel tiles. */
const WORLD_PIXELS_AT_ZOOM_0 = 512;

/** Estimated text width in pixels: CJK characters are square, Latin ones about 0.58 em. */
export function textWidthPixels(text: string, fontSizePixels: number): number {
  let ems = 0;
  for (const character of text) ems += (character.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.58;
  return ems * fontSizePixels;
}

function worldPixels([lng, lat]: Position, zoom: number): [number, number] {
  const scale = WORLD_PIXELS_AT_ZOOM_0 * 2 ** zoom;
  const latRadians = (Math.max(-85, Math.min(85, lat)) * Math.PI) / 180;
  return [
    ((lng + 180) / 360) * scale,
    ((1 - Math.log(Math.tan(Math.PI / 4 + latRadians / 2)) / Math.PI) / 2) * scale,
  ];
}

/**
 * Keys of the candidates that can be drawn without overlap at `zoom`, placing them greedily in the
 * order given (put the most important first).
 */
export function placeLabels(candidates: readonly LabelCandidate[], zoom: number): Set<string> {
  const placed: [number, number, number, number][] = [];
  const keys = new Set<string>();
  for (const candidate of candidates) {
    const [x, y] = worldPixels(candidate.position, zoom);
    const [dx, dy] = candidate.offsetPixels ?? [0, 0];
    const width = textWidthPixels(candidate.text, candidate.fontSizePixels) + 2 * LABEL_PADDING_PIXELS;
    const height = candidate.fontSizePixels * 1.25 + 2 * LABEL_PADDING_PIXELS;
    const left = x + dx - width / 2;
    const top = candidate.baseline === 'center' ? y + dy - height / 2 : y + dy - LABEL_PADDING_PIXELS;
    const box: [number, number, number, number] = [left, top, left + width, top + height];
    const overlaps = placed.some(
      (other) => box[0] < other[2] && box[2] > other[0] && box[1] < other[3] && box[3] > other[1],
    );
    if (overlaps) continue;
    placed.push(box);
    keys.add(candidate.key);
  }
  return keys;
}

/* ---------------------------------------------------------------- the map's labels */

/** Font sizes of the map's labels in pixels. */
export const LABEL_SIZE_PIXELS = { street: 16, community: 13, facility: 12 } as const;
/** Gap between a facility dot's centre and the top of its label. */
export const FACILITY_LABEL_OFFSET_PIXELS = 9;
/** Labels appear by zoom: street names until communities take over, facility names up close. */
export const LABEL_ZOOM = { streetMax: 15, communityMin: 12, facilityMin: 16 } as const;

export interface LabelledPoint {
  key: string;
  position: Position;
  text: string;
}

export interface LabelLayers<S, C, F> {
  streets: S[];
  communities: C[];
  facilities: F[];
}

/**
 * The labels to draw at `zoom`: street names first, then communities, then facilities, each kept
 * only where it does not collide with one already placed. `shown` says which kinds are switched on.
 */
export function chooseLabels<S, C, F>(
  rows: LabelLayers<S, C, F>,
  describe: {
    street: (row: S) => LabelledPoint;
    community: (row: C) => LabelledPoint;
    facility: (row: F) => LabelledPoint;
  },
  shown: { streets: boolean; communities: boolean; facilities: boolean },
  zoom: number,
): LabelLayers<S, C, F> {
  const candidates: LabelCandidate[] = [];
  const byKey = new Map<string, { kind: 'streets' | 'communities' | 'facilities'; row: S | C | F }>();
  const add = <R extends S | C | F>(
    kind: 'streets' | 'communities' | 'facilities',
    row: R,
    point: LabelledPoint,
    style: Omit<LabelCandidate, 'key' | 'position' | 'text'>,
  ) => {
    const key = `${kind}:${point.key}`;
    byKey.set(key, { kind, row });
    candidates.push({ key, position: point.position, text: point.text, ...style });
  };
  if (shown.streets && zoom < LABEL_ZOOM.streetMax) {
    for (const row of rows.streets) {
      add('streets', row, describe.street(row), {
        fontSizePixels: LABEL_SIZE_PIXELS.street,
        baseline: 'center',
      });
    }
  }
  if (shown.communities && zoom >= LABEL_ZOOM.communityMin) {
    for (const row of rows.communities) {
      add('communities', row, describe.community(row), {
        fontSizePixels: LABEL_SIZE_PIXELS.community,
        baseline: 'center',
      });
    }
  }
  if (shown.facilities && zoom >= LABEL_ZOOM.facilityMin) {
    for (const row of rows.facilities) {
      add('facilities', row, describe.facility(row), {
        fontSizePixels: LABEL_SIZE_PIXELS.facility,
        baseline: 'top',
        offsetPixels: [0, FACILITY_LABEL_OFFSET_PIXELS],
      });
    }
  }
  const chosen: LabelLayers<S, C, F> = { streets: [], communities: [], facilities: [] };
  for (const key of placeLabels(candidates, zoom)) {
    const entry = byKey.get(key)!;
    (chosen[entry.kind] as (S | C | F)[]).push(entry.row);
  }
  return chosen;
}

/** Every character the labels may need, in both languages, so the font atlas is built once. */
export function labelCharacterSet(texts: Iterable<string>): Set<string> {
  const characters = new Set<string>();
  for (const text of texts) for (const character of text) characters.add(character);
  return characters;
}
