/**
 * Number formatting for the interface: thousands separators as in zh-CN ("12,345"), which
 * English readers share, so both languages show the same figures.
 */

const NUMBER_LOCALE = 'zh-CN';

/** A count of people, households, staff…: rounded, with thousands separators; null → null. */
export function formatCount(value: number | null | undefined): string | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return Math.round(value).toLocaleString(NUMBER_LOCALE);
}

/** An area in square metres: whole metres above 100 m², one decimal below. */
export function formatSquareMeters(value: number | null | undefined): string | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return value.toLocaleString(NUMBER_LOCALE, { maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 1 });
}

/** A share 0–1 as a percentage with one decimal: 0.352 → "35.2%". */
export function formatShare(value: number | null | undefined): string | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return `${(value * 100).toLocaleString(NUMBER_LOCALE, { maximumFractionDigits: 1 })}%`;
}

/** `text` (the magnitude, formatted) signed by `value`: "+3", "−2", "±0" — a sign always, the true minus sign for a fall. */
export function formatSigned(value: number, text: string): string {
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : `±${text}`;
}

/** A plain number with up to `fractionDigits` decimals. */
export function formatNumber(value: number, fractionDigits = 0): string {
  return value.toLocaleString(NUMBER_LOCALE, { maximumFractionDigits: fractionDigits });
}

/** A walking speed in m/s with one or two decimals, as planners write it: 1.0, 0.8, 1.25. */
export function formatSpeed(metersPerSecond: number): string {
  return metersPerSecond.toLocaleString(NUMBER_LOCALE, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 2,
  });
}

/**
 * A moment (ISO 8601) as planners read it, in local time to the minute: "2026-12-07 09:05"; an
 * unreadable one as given.
 */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const two = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}
