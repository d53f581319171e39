/**
 * The isochrone minutes a user types ("5, 10, 15", "5、10、15", "5 10 15"), checked against the
 * API's rules (contract: ascending distinct values in (0, 60], at most 12) before any request.
 */

export const MAX_ISOCHRONE_MINUTES = 60;
export const MAX_ISOCHRONE_BANDS = 12;
export const DEFAULT_ISOCHRONE_MINUTES: readonly number[] = [5, 10, 15];

export const MINUTES_EMPTY = 'minutes-empty';
export const MINUTES_NOT_A_NUMBER = 'minutes-not-a-number';
export const MINUTES_OUT_OF_RANGE = 'minutes-out-of-range';
export const MINUTES_TOO_MANY = 'minutes-too-many';
export type MinutesProblem =
  typeof MINUTES_EMPTY | typeof MINUTES_NOT_A_NUMBER | typeof MINUTES_OUT_OF_RANGE | typeof MINUTES_TOO_MANY;

export type MinutesParse =
  | { ok: true; minutes: number[] }
  | { ok: false; reason: MinutesProblem; /** The offending entry, when one is to blame. */ token?: string };

/** Separators people type between values: commas (ASCII and full-width), 、, semicolons, slashes, spaces. */
const SEPARATORS = /[\s,，、;；/]+/;

/** Parse a typed list of minutes: sorted ascending, duplicates dropped, or the first problem found. */
export function parseMinutesList(text: string): MinutesParse {
  const tokens = text.split(SEPARATORS).filter((token) => token.length > 0);
  if (tokens.length === 0) return { ok: false, reason: MINUTES_EMPTY };
  const values = new Set<number>();
  for (const token of tokens) {
    const value = Number(token);
    if (!Number.isFinite(value)) return { ok: false, reason: MINUTES_NOT_A_NUMBER, token };
    if (value <= 0 || value > MAX_ISOCHRONE_MINUTES)
      return { ok: false, reason: MINUTES_OUT_OF_RANGE, token };
    values.add(value);
  }
  if (values.size > MAX_ISOCHRONE_BANDS) return { ok: false, reason: MINUTES_TOO_MANY };
  return { ok: true, minutes: [...values].sort((a, b) => a - b) };
}

/** The list as the input shows it: "5, 10, 15". */
export function formatMinutesList(minutes: readonly number[]): string {
  return minutes.join(', ');
}
