/**
 * Requests to the accessibility API: zod schemas for what can be checked without the region
 * (types, ranges, order). Checks against the loaded region (extent, facility ids, node ids) are
 * the server's (server/src/accessibility/region-checks.ts). Every message names the field (and
 * index) at fault and says what would be accepted, in English and Chinese.
 */

import { z } from 'zod';
import { MAX_ISOCHRONE_MINUTES, MAX_ISOCHRONE_MINUTES_VALUES } from '../core/accessibility/isochrones.js';
import type { Position } from '../core/geometry/position.js';
import {
  MAX_WALK_SPEED_METERS_PER_SECOND,
  MIN_WALK_SPEED_METERS_PER_SECOND,
  validateWalkSpeed,
  WALK_SPEED_METERS_PER_SECOND,
  WALK_SPEED_NOT_A_NUMBER,
  WALK_SPEED_TOO_SLOW,
} from '../core/routing/walking-profiles.js';
import { FACILITY_CATEGORY_IDS, isFacilityCategoryId } from '../core/standards/facility-categories.js';
import { refuse, show } from './validation.js';

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
    const nullNote = Array.isArray(value) && value.some((coordinate) => coordinate === null);
    refuse(context, {
      en: `must be [lon, lat], two numbers in degrees, got ${show(value)}${nullNote ? ' (NaN is sent as null in JSON)' : ''}`,
      zh: `应为 [经度, 纬度]（两个以度为单位的数），收到 ${show(value)}${nullNote ? '（JSON 把 NaN 写作 null）' : ''}`,
    });
    return z.NEVER;
  }
  return [value[0], value[1]];
}) as unknown as z.ZodType<Position, Position>;

/**
 * A walking speed in m/s, checked by core's validateWalkSpeed (query strings are read as numbers),
 * 1.0 when absent. Typed as taking a number (JSON) or a string (query) for `hc<AppType>` clients.
 */
export function speedSchema<Input extends number | string>(fromQueryString: boolean) {
  const checked = z.unknown().transform((value, context) => {
    const speed = fromQueryString && typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    const validation = validateWalkSpeed(speed);
    if (validation.ok) return validation.speedMetersPerSecond;
    const range = `${MIN_WALK_SPEED_METERS_PER_SECOND}–${MAX_WALK_SPEED_METERS_PER_SECOND} m/s`;
    refuse(
      context,
      validation.reason === WALK_SPEED_NOT_A_NUMBER
        ? {
            en: `must be a walking speed in m/s (${range}), got ${show(value)}`,
            zh: `应为步行速度（米/秒，${range}），收到 ${show(value)}`,
          }
        : validation.reason === WALK_SPEED_TOO_SLOW
          ? {
              en: `${show(speed)} m/s is slower than the slowest walking speed allowed (${range})`,
              zh: `${show(speed)} 米/秒低于允许的最低步行速度（${range}）`,
            }
          : {
              en: `${show(speed)} m/s is faster than the fastest walking speed allowed (${range})`,
              zh: `${show(speed)} 米/秒高于允许的最高步行速度（${range}）`,
            },
    );
    return z.NEVER;
  }) as unknown as z.ZodType<number, Input>;
  return checked.optional().transform((speed) => speed ?? WALK_SPEED_METERS_PER_SECOND.adult);
}

/** A number of minutes in (0, MAX_WALK_MINUTES]. */
function checkMinutes(value: number, context: z.RefinementCtx, path: PropertyKey[] = []): boolean {
  if (!(value > 0)) {
    refuse(
      context,
      { en: `must be more than 0 minutes, got ${value}`, zh: `分钟数应大于 0，收到 ${value}` },
      path,
    );
    return false;
  }
  if (value > MAX_WALK_MINUTES) {
    refuse(
      context,
      {
        en: `${value} minutes is beyond the ${MAX_WALK_MINUTES}-minute limit`,
        zh: `${value} 分钟超出 ${MAX_WALK_MINUTES} 分钟的上限`,
      },
      path,
    );
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
        refuse(
          context,
          {
            en: `minutes must ascend without repeats: ${value} follows ${minutes[index - 1]}`,
            zh: `分钟数应递增且不重复：${value} 排在 ${minutes[index - 1]} 之后`,
          },
          [index],
        );
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
        .enum(['rings', 'disks'], {
          error: (issue) => `must be "rings" or "disks", got ${show(issue.input)}`,
        })
        .default('rings'),
      method: z
        .enum(['network', 'radius'], {
          error: (issue) => `must be "network" or "radius", got ${show(issue.input)}`,
        })
        .default('network'),
    },
    {
      error: objectError('the body', [
        'origins',
        'facilityIds',
        'minutes',
        'speedMetersPerSecond',
        'mode',
        'method',
      ]),
    },
  )
  .superRefine((body, context) => {
    if ((body.origins === undefined) === (body.facilityIds === undefined)) {
      refuse(
        context,
        body.origins === undefined
          ? {
              en: 'give the walk\'s start as "origins": [[lon, lat], …] or as "facilityIds": ["…", …]',
              zh: '请给出步行起点："origins": [[经度, 纬度], …] 或 "facilityIds": ["…", …]',
            }
          : { en: 'give "origins" or "facilityIds", not both', zh: '"origins" 与 "facilityIds" 只能给一个' },
      );
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
        {
          error: objectError('"from"', ['node', 'lonLat'], 'must be {"node": id} or {"lonLat": [lon, lat]}'),
        },
      )
      .superRefine((from, context) => {
        if ((from.node === undefined) === (from.lonLat === undefined)) {
          refuse(context, {
            en: 'must be {"node": id} or {"lonLat": [lon, lat]}, exactly one of the two',
            zh: '应为 {"node": 节点号} 或 {"lonLat": [经度, 纬度]}，二者恰好给一个',
          });
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

type Sentence = { en: string; zh: string };

/** A number in a query string, within bounds; `label` says what it must be. */
function queryNumber(label: Sentence, defaultValue: number, check: (value: number) => Sentence | null) {
  return z
    .string()
    .optional()
    .transform((text, context) => {
      if (text === undefined) return defaultValue;
      const value = text.trim() === '' ? Number.NaN : Number(text);
      const problem = Number.isFinite(value)
        ? check(value)
        : { en: `must be ${label.en}, got "${text}"`, zh: `应为${label.zh}，收到“${text}”` };
      if (problem) {
        refuse(context, problem);
        return z.NEVER;
      }
      return value;
    });
}

const knownCategories = () => FACILITY_CATEGORY_IDS.join(', ');

function refuseUnknownCategory(context: z.RefinementCtx, category: string): void {
  refuse(context, {
    en: `unknown category "${category}" (known: ${knownCategories()})`,
    zh: `未知的设施类别“${category}”（可用：${knownCategories()}）`,
  });
}

/** `tiers=kindergarten:5,primary_school:10`: overrides of the default tier table. */
export const tiersQuerySchema = z
  .string()
  .optional()
  .transform((text, context) => {
    const overrides: Record<string, number> = {};
    if (text === undefined || text.trim() === '') return overrides;
    for (const item of text.split(',')) {
      const [category, minutesText, ...rest] = item.split(':').map((part) => part.trim());
      const minutes = minutesText === undefined || minutesText === '' ? Number.NaN : Number(minutesText);
      if (rest.length > 0 || !Number.isFinite(minutes)) {
        refuse(context, {
          en: `"${item}" is not category:minutes (e.g. kindergarten:5)`,
          zh: `“${item}”不是“类别:分钟”（例如 kindergarten:5）`,
        });
        continue;
      }
      if (!isFacilityCategoryId(category)) {
        refuseUnknownCategory(context, category);
        continue;
      }
      if (!(minutes > 0 && minutes <= MAX_WALK_MINUTES)) {
        refuse(context, {
          en: `${category}: ${minutes} minutes is outside (0, ${MAX_WALK_MINUTES}]`,
          zh: `${category}：${minutes} 分钟不在 (0, ${MAX_WALK_MINUTES}] 之内`,
        });
        continue;
      }
      if (category in overrides) {
        refuse(context, { en: `${category} is given twice`, zh: `${category} 给了两次` });
        continue;
      }
      overrides[category] = minutes;
    }
    return overrides;
  });

/**
 * `categories=kindergarten,park`: only these categories (each with a tier in force) are computed and
 * answered; all of them when absent — a client refreshing after one facility edit asks for its own.
 */
export const categoriesQuerySchema = z
  .string()
  .optional()
  .transform((text, context) => {
    if (text === undefined || text.trim() === '') return undefined;
    const categories = [...new Set(text.split(',').map((part) => part.trim()))];
    for (const category of categories)
      if (!isFacilityCategoryId(category)) refuseUnknownCategory(context, category);
    return categories;
  });

/** Query of GET /api/regions/:region/coverage. */
export const coverageQuerySchema = z.object({
  speedMetersPerSecond: speedSchema<string>(true),
  tiers: tiersQuerySchema,
  categories: categoriesQuerySchema,
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
          refuseUnknownCategory(context, category);
        }
      }),
    speedMetersPerSecond: speedSchema<string>(true),
    cellMeters: queryNumber(
      {
        en: `a cell size in meters (${MIN_CELL_METERS}–${MAX_CELL_METERS})`,
        zh: `以米为单位的格网边长（${MIN_CELL_METERS}–${MAX_CELL_METERS}）`,
      },
      DEFAULT_CELL_METERS,
      (value) =>
        value >= MIN_CELL_METERS && value <= MAX_CELL_METERS
          ? null
          : {
              en: `${value} m is outside the allowed cell sizes, ${MIN_CELL_METERS}–${MAX_CELL_METERS} m`,
              zh: `${value} 米不在允许的格网边长 ${MIN_CELL_METERS}–${MAX_CELL_METERS} 米之内`,
            },
    ),
    maxMinutes: queryNumber(
      { en: `a number of minutes in (0, ${MAX_WALK_MINUTES}]`, zh: `(0, ${MAX_WALK_MINUTES}] 之间的分钟数` },
      DEFAULT_HEATMAP_MAX_MINUTES,
      (value) =>
        value > 0 && value <= MAX_WALK_MINUTES
          ? null
          : {
              en: `${value} minutes is outside (0, ${MAX_WALK_MINUTES}]`,
              zh: `${value} 分钟不在 (0, ${MAX_WALK_MINUTES}] 之内`,
            },
    ),
    format: z
      .enum(['grid', 'geojson'], {
        error: (issue) => `must be "grid" or "geojson", got ${show(issue.input)}`,
      })
      .default('grid'),
    /** Tier overrides for kind=completeness, as for coverage. */
    tiers: tiersQuerySchema,
  })
  .superRefine((query, context) => {
    if (query.kind === 'travel-time' && query.category === undefined) {
      refuse(
        context,
        {
          en: `a travel-time heat map needs a facility category (one of ${knownCategories()})`,
          zh: `步行时间热力图需要一个设施类别（${knownCategories()} 之一）`,
        },
        ['category'],
      );
    }
  });
