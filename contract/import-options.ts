/**
 * The options of an import, as the API and the command line give them. The preview reads them from
 * multipart form fields (text, turned into values by optionsFromFormFields), the CLI from flags,
 * the commit from JSON.
 */
import { z } from 'zod';
import { TEXT_ENCODINGS } from '../core/formats/text-encoding.js';
import { IMPORT_LAYERS } from '../core/import/import-layers.js';
import { plainText } from './common.js';

const fieldMapping = z.record(plainText().min(1), plainText().nullable());
const valueMap = z.record(plainText().min(1), z.record(plainText(), plainText().min(1)));

/** Options that can still change between the preview and the commit. */
export const importChoicesSchema = z.object({
  /** Field → column (null unmaps); laid over the suggested mapping. */
  mapping: fieldMapping.nullish(),
  /** Field → (written value → code), e.g. {"category": {"卫生室": "health_station"}}. */
  valueMap: valueMap.nullish(),
  /** The coordinate system of the coordinates, overriding the file's: EPSG:4546, gcj02, bd09 … */
  crs: plainText().trim().min(1).max(40).nullish(),
  encoding: z.enum(TEXT_ENCODINGS).nullish(),
  /** Repair invalid polygons with ST_MakeValid (and close unclosed rings) instead of refusing them. */
  repair: z.boolean().optional(),
  /** Read every position as (y, x). */
  swapAxes: z.boolean().optional(),
  /** Replace the layer instead of adding to it. */
  replace: z.boolean().optional(),
  /** Go ahead although the region's scenarios are affected (the preview says how). */
  acceptScenarioChanges: z.boolean().optional(),
  /** Name of a region the import creates. */
  name: plainText().trim().min(1).max(200).nullish(),
  nameEn: plainText().trim().max(200).nullish(),
});

export const importOptionsSchema = importChoicesSchema.extend({
  layer: z.enum(IMPORT_LAYERS),
  /** Create the region (it must not exist); needs `name`. */
  create: z.boolean().optional(),
});

export type ImportChoices = z.infer<typeof importChoicesSchema>;
export type ImportOptions = z.infer<typeof importOptionsSchema>;

const TRUE_WORDS = ['true', '1', 'on', 'yes'];
const FALSE_WORDS = ['false', '0', 'off', 'no', ''];

/**
 * Form fields are text: "true"/"1"/"on"/"yes" are true, "false"/"0"/"off"/"no" false; any other
 * word is passed on as it is, for the schema to refuse naming the field (it once counted as false).
 * mapping and valueMap are JSON objects.
 */
export function optionsFromFormFields(fields: Record<string, unknown>): unknown {
  const flag = (value: unknown) => {
    if (value === undefined) return undefined;
    const word = String(value).trim().toLowerCase();
    if (TRUE_WORDS.includes(word)) return true;
    if (FALSE_WORDS.includes(word)) return false;
    return value;
  };
  const json = (name: string) => {
    const value = fields[name];
    if (value === undefined || value === '') return undefined;
    try {
      return JSON.parse(String(value)) as unknown;
    } catch {
      return `${name} is not JSON`;
    }
  };
  const text = (name: string) =>
    fields[name] === undefined || fields[name] === '' ? undefined : String(fields[name]);
  return {
    layer: text('layer'),
    create: flag(fields.create),
    name: text('name'),
    nameEn: text('nameEn'),
    crs: text('crs'),
    encoding: text('encoding'),
    mapping: json('mapping'),
    valueMap: json('valueMap'),
    repair: flag(fields.repair),
    swapAxes: flag(fields.swapAxes),
    replace: flag(fields.replace),
    acceptScenarioChanges: flag(fields.acceptScenarioChanges),
  };
}
