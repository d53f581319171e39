/**
 * Requests to the accessibility API: zod schemas for what can be checked without the region
 * (types, ranges, order), and checks against the loaded region (extent, facility ids, node ids).
 * Every message names the field (and index) at fault and says what would be accepted.
 */

import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { MAX_ISOCHRONE_MINUTES, MAX_ISOCHRONE_MINUTES_VALUES } from '../../../core/accessibility/isochrones.js';
import type { Position } from '../../../core/geometry/position.js';
import {
  MAX_WALK_SPEED_METERS_PER_SECOND,
  MIN_WALK_SPEED_METERS_PER_SECOND,
  validateWalkSpeed,
  WALK_SPEED_METERS_PER_SECOND,
  WALK_SPEED_NOT_A_NUMBER,
  WALK_SPEED_TOO_SLOW,
} from '../../../core/routing/walking-profiles.js';
import { FACILITY_CATEGORY_IDS, isFacilityCategoryId } from '../../../core/standards/facility-categories.js';

/** Most origins (points or facilities) one isochrone request may start from. */
export const MAX_ORIGINS = 2000;
/** Most minutes values (bands) one isochrone request may ask for, as core allows. */
export const MAX_MINUTES_VALUES = MAX_ISOCHRONE_MINUTES_VALUES;
/** Longest walk analysed, minutes (isochrones, tiers, heat maps), as core allows. */
export const MAX_WALK_MINUTES = MAX_ISOCHRONE_MINUTES;
export const DEFAULT_ISOCHRONE_MINUTES = [5, 10, 15];
/** Longest travel-time search, seconds (one hour), and the default (the 15-minute circle). */
export const MAX_TRAVEL_SECONDS = 3600;
export const DEFAULT_TRAVEL_SECONDS = 900;
/** Heat-map cell size bounds and default, meters. */
export const MIN_CELL_METERS = 10;
export const MAX_CELL_METERS = 500;
export const DEFAULT_CELL_METERS = 50;
export const DEFAULT_HEATMAP_MAX_MINUTES = 30;
/** Points may lie this far outside the region's extent (a click just past the last street). */
export const REGION_MARGIN_METERS = 1000;

const METERS_PER_DEGREE_LAT = 111_320;

/** zod's path as people write it: `origins[3]`, `from.lonLat`. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)),
    '',
  );
}

/** zValidator hook: a body or query failing its schema is a 400 naming each bad field. */
export function badAccessibilityRequest(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  if (!result.success && result.error) {
    const message = result.error.issues
      .map((issue) => (issue.path.length > 0 ? `${fieldName(issue.path)}: ${issue.message}` : issue.message))
      .join('; ');
    throw new HTTPException(400, { message });
  }
}

const show = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/** Error map of a strict object: an unknown field is named with the fields accepted. */
function objectError(what: string, fields: readonly string[], notAnObject = `${what} must be a JSON object`) {
  return (issue: { code?: string; keys?: readonly string[] }) =>
    issue.code === 'unrecognized_keys'
      ? `unknown field${issue.keys!.length === 1 ? '' : 's'} ${issue.keys!.map((key) => `"${key}"`).join(', ')}; ${what} takes ${fields.join(', ')}`
      : notAnObject;
}

/**
 * `[lon, lat]`: two finite numbers. Ranges and the region are checked later (checkPositions).
 * Typed as taking a Position so that `hc<AppType>` clients see what to send, while any value
 * reaches the check and gets its own message.
 */
const lonLatSchema = z.unknown().transform((value, context): Position => {
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    !value.every((coordinate) => typeof coordinate === 'number' && Number.isFinite(coordinate))
  ) {
    context.addIssue({
      code: 'custom',
      message: `must be [lon, lat], two numbers in degrees, got ${show(value)}${
        Array.isArray(value) && value.some((coordinate) => coordinate === null) ? ' (NaN is sent as null in JSON)' : ''
      }`,
    });
    return z.NEVER;
  }
  return [value[0], value[1]];
}) as unknown as z.ZodType<Position, Position>;

/**
 * A walking speed in m/s, checked by core's validateWalkSpeed (query strings are read as numbers),
 * 1.0 when absent. Typed as taking a number (JSON) or a string (query) for `hc<AppType>` clients.
 */
function speedSchema<Input extends number | string>(fromQueryString: boolean) {
  const checked = z.unknown().transform((value, context) => {
    const speed = fromQueryString && typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    const validation = validateWalkSpeed(speed);
    if (validation.ok) return validation.speedMetersPerSecond;
    const range = `${MIN_WALK_SPEED_METERS_PER_SECOND}–${MAX_WALK_SPEED_METERS_PER_SECOND} m/s`;
    context.addIssue({
      code: 'custom',
      message:
        validation.reason === WALK_SPEED_NOT_A_NUMBER
          ? `must be a walking speed in m/s (${range}), got ${show(value)}`
          : validation.reason === WALK_SPEED_TOO_SLOW
            ? `${show(speed)} m/s is slower than the slowest walking speed allowed (${range})`
            : `${show(speed)} m/s is faster than the fastest walking speed allowed (${range})`,
    });
    return z.NEVER;
  }) as unknown as z.ZodType<number, Input>;
  return checked.optional().transform((speed) => speed ?? WALK_SPEED_METERS_PER_SECOND.adult);
}

/** A number of minutes in (0, MAX_WALK_MINUTES]. */
function checkMinutes(value: number, context: z.RefinementCtx, path: PropertyKey[] = []): boolean {
  if (!(value > 0)) {
    context.addIssue({ code: 'custom', path, message: `must be more than 0 minutes, got ${value}` });
    return false;
  }
  if (value > MAX_WALK_MINUTES) {
    context.addIssue({ code: 'custom', path, message: `${value} minutes is beyond the ${MAX_WALK_MINUTES}-minute limit` });
    return false;
  }
  return true;
}

const minutesListSchema = z
  .array(z.number({ error: (issue) => `must be a number of minutes, got ${show(issue.input)}` }), {
    error: (issue) => `must be a list of minutes such as [5, 10, 15], got ${show(issue.input)}`,
  })
  .min(1, 'give at least one minutes value, e.g. [5, 10, 15]')
  .max(MAX_MINUTES_VALUES, `at most ${MAX_MINUTES_VALUES} minutes values per request`)
  .superRefine((minutes, context) => {
    minutes.forEach((value, index) => {
      if (!checkMinutes(value, context, [index])) return;
      if (index > 0 && !(value > minutes[index - 1])) {
        context.addIssue({
          code: 'custom',
          path: [index],
          message: `minutes must ascend without repeats: ${value} follows ${minutes[index - 1]}`,
        });
      }
    });
  });

const originsSchema = z
  .array(lonLatSchema, { error: (issue) => `must be a list of [lon, lat] points, got ${show(issue.input)}` })
  .min(1, 'give at least one [lon, lat] point')
  .max(MAX_ORIGINS, `at most ${MAX_ORIGINS} origins per request`);

const facilityIdsSchema = z
  .array(z.string({ error: (issue) => `must be a facility id (a string), got ${show(issue.input)}` }), {
    error: (issue) => `must be a list of facility ids, got ${show(issue.input)}`,
  })
  .min(1, 'give at least one facility id')
  .max(MAX_ORIGINS, `at most ${MAX_ORIGINS} facilities per request`);

/** Body of POST /api/regions/:region/isochrones. */
export const isochroneBodySchema = z
  .strictObject(
    {
      origins: originsSchema.optional(),
      facilityIds: facilityIdsSchema.optional(),
      minutes: minutesListSchema.optional().transform((minutes) => minutes ?? DEFAULT_ISOCHRONE_MINUTES),
      speedMetersPerSecond: speedSchema<number>(false),
      mode: z
        .enum(['rings', 'disks'], { error: (issue) => `must be "rings" or "disks", got ${show(issue.input)}` })
        .default('rings'),
      method: z
        .enum(['network', 'radius'], { error: (issue) => `must be "network" or "radius", got ${show(issue.input)}` })
        .default('network'),
    },
    { error: objectError('the body', ['origins', 'facilityIds', 'minutes', 'speedMetersPerSecond', 'mode', 'method']) },
  )
  .superRefine((body, context) => {
    if ((body.origins === undefined) === (body.facilityIds === undefined)) {
      context.addIssue({
        code: 'custom',
        message:
          body.origins === undefined
            ? 'give the walk\'s start as "origins": [[lon, lat], …] or as "facilityIds": ["…", …]'
            : 'give "origins" or "facilityIds", not both',
      });
    }
  });
export type IsochroneBody = z.output<typeof isochroneBodySchema>;

/** Body of POST /api/regions/:region/travel-times. */
export const travelTimeBodySchema = z.strictObject(
  {
    from: z
      .strictObject(
        {
          node: z
            .number({ error: (issue) => `must be a network node id (an integer), got ${show(issue.input)}` })
            .int({ error: (issue) => `must be a network node id (an integer), got ${show(issue.input)}` })
            .optional(),
          lonLat: lonLatSchema.optional(),
        },
        { error: objectError('"from"', ['node', 'lonLat'], 'must be {"node": id} or {"lonLat": [lon, lat]}') },
      )
      .superRefine((from, context) => {
        if ((from.node === undefined) === (from.lonLat === undefined)) {
          context.addIssue({ code: 'custom', message: 'must be {"node": id} or {"lonLat": [lon, lat]}, exactly one of the two' });
        }
      }),
    maxSeconds: z
      .number({ error: (issue) => `must be a number of seconds, got ${show(issue.input)}` })
      .min(0, 'must not be negative')
      .max(MAX_TRAVEL_SECONDS, `must be at most ${MAX_TRAVEL_SECONDS} seconds (one hour)`)
      .default(DEFAULT_TRAVEL_SECONDS),
    speedMetersPerSecond: speedSchema<number>(false),
  },
  { error: objectError('the body', ['from', 'maxSeconds', 'speedMetersPerSecond']) },
);

/** A number in a query string, within bounds. */
function queryNumber(label: string, defaultValue: number, check: (value: number) => string | null) {
  return z
    .string()
    .optional()
    .transform((text, context) => {
      if (text === undefined) return defaultValue;
      const value = text.trim() === '' ? Number.NaN : Number(text);
      const problem = Number.isFinite(value) ? check(value) : `must be ${label}, got "${text}"`;
      if (problem) {
        context.addIssue({ code: 'custom', message: problem });
        return z.NEVER;
      }
      return value;
    });
}

const knownCategories = () => FACILITY_CATEGORY_IDS.join(', ');

/** `tiers=kindergarten:5,primary_school:10`: overrides of the default tier table. */
const tiersQuerySchema = z
  .string()
  .optional()
  .transform((text, context) => {
    const overrides: Record<string, number> = {};
    if (text === undefined || text.trim() === '') return overrides;
    for (const item of text.split(',')) {
      const [category, minutesText, ...rest] = item.split(':').map((part) => part.trim());
      const minutes = minutesText === undefined || minutesText === '' ? Number.NaN : Number(minutesText);
      if (rest.length > 0 || !Number.isFinite(minutes)) {
        context.addIssue({ code: 'custom', message: `"${item}" is not category:minutes (e.g. kindergarten:5)` });
        continue;
      }
      if (!isFacilityCategoryId(category)) {
        context.addIssue({ code: 'custom', message: `unknown category "${category}" (known: ${knownCategories()})` });
        continue;
      }
      if (!(minutes > 0 && minutes <= MAX_WALK_MINUTES)) {
        context.addIssue({
          code: 'custom',
          message: `${category}: ${minutes} minutes is outside (0, ${MAX_WALK_MINUTES}]`,
        });
        continue;
      }
      if (category in overrides) {
        context.addIssue({ code: 'custom', message: `${category} is given twice` });
        continue;
      }
      overrides[category] = minutes;
    }
    return overrides;
  });

/** Query of GET /api/regions/:region/coverage. */
export const coverageQuerySchema = z.object({
  speedMetersPerSecond: speedSchema<string>(true),
  tiers: tiersQuerySchema,
});

/** Query of GET /api/regions/:region/heatmap. */
export const heatmapQuerySchema = z
  .object({
    kind: z
      .enum(['travel-time', 'completeness'], {
        error: (issue) => `must be "travel-time" or "completeness", got ${show(issue.input)}`,
      })
      .default('travel-time'),
    category: z
      .string()
      .optional()
      .superRefine((category, context) => {
        if (category !== undefined && !isFacilityCategoryId(category)) {
          context.addIssue({ code: 'custom', message: `unknown category "${category}" (known: ${knownCategories()})` });
        }
      }),
    speedMetersPerSecond: speedSchema<string>(true),
    cellMeters: queryNumber(`a cell size in meters (${MIN_CELL_METERS}–${MAX_CELL_METERS})`, DEFAULT_CELL_METERS, (value) =>
      value >= MIN_CELL_METERS && value <= MAX_CELL_METERS
        ? null
        : `${value} m is outside the allowed cell sizes, ${MIN_CELL_METERS}–${MAX_CELL_METERS} m`,
    ),
    maxMinutes: queryNumber(`a number of minutes in (0, ${MAX_WALK_MINUTES}]`, DEFAULT_HEATMAP_MAX_MINUTES, (value) =>
      value > 0 && value <= MAX_WALK_MINUTES ? null : `${value} minutes is outside (0, ${MAX_WALK_MINUTES}]`,
    ),
    format: z
      .enum(['grid', 'geojson'], { error: (issue) => `must be "grid" or "geojson", got ${show(issue.input)}` })
      .default('grid'),
    /** Tier overrides for kind=completeness, as for coverage. */
    tiers: tiersQuerySchema,
  })
  .superRefine((query, context) => {
    if (query.kind === 'travel-time' && query.category === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['category'],
        message: `a travel-time heat map needs a facility category (one of ${knownCategories()})`,
      });
    }
  });

/**
 * Checks points against the region: longitude within ±180 and latitude within ±90, then inside the
 * region's extent grown by REGION_MARGIN_METERS. Names the field and index of the first bad point,
 * and suggests swapping lon and lat when the swapped pair would lie in the region.
 */
export function checkPositions(
  positions: readonly Position[],
  extent: readonly [number, number, number, number],
  regionId: string,
  field: (index: number) => string,
): void {
  const [west, south, east, north] = extent;
  const marginLat = REGION_MARGIN_METERS / METERS_PER_DEGREE_LAT;
  const marginLon = marginLat / Math.cos((((south + north) / 2) * Math.PI) / 180);
  const inRegion = (lon: number, lat: number) =>
    lon >= west - marginLon && lon <= east + marginLon && lat >= south - marginLat && lat <= north + marginLat;
  const fmt = (value: number) => String(Math.round(value * 1e6) / 1e6);
  const extentText = `[${[west, south, east, north].map(fmt).join(', ')}]`;

  positions.forEach(([lon, lat], index) => {
    const swapHint = inRegion(lat, lon) ? '; did you swap lon/lat? Positions are [lon, lat]' : '';
    let problem: string | null = null;
    if (Math.abs(lat) > 90) problem = `latitude ${lat} is beyond ±90°`;
    else if (Math.abs(lon) > 180) problem = `longitude ${lon} is beyond ±180°`;
    else if (!inRegion(lon, lat)) {
      problem = `[${lon}, ${lat}] lies outside region "${regionId}" (extent ${extentText} plus ${REGION_MARGIN_METERS} m)`;
    }
    if (problem) throw new HTTPException(400, { message: `${field(index)}: ${problem}${swapHint}` });
  });
}

/** Resolves facility ids to their indexes; a 400 names every unknown id (the first 20 of them). */
export function facilityIndexes(ids: readonly string[], indexById: ReadonlyMap<string, number>, regionId: string): number[] {
  const unknown = ids.filter((id) => !indexById.has(id));
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 20).map((id) => `"${id}"`).join(', ');
    const more = unknown.length > 20 ? ` and ${unknown.length - 20} more` : '';
    throw new HTTPException(400, {
      message: `facilityIds: region "${regionId}" has no facilit${unknown.length === 1 ? 'y' : 'ies'} ${shown}${more}`,
    });
  }
  return ids.map((id) => indexById.get(id)!);
}
