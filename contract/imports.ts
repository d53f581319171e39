/**
 * Imports of a city's own layers: the operations and what they answer. The answers mirror
 * ImportOutcome (server/src/imports). Objects here are loose, not strict: texts of problems,
 * scenario impacts and refusals carry Chinese versions (`messageZh`, `textZh`, `policyZh`), listed
 * as optional, and a field more must not fail a client that reads these.
 */

import { z } from 'zod';
import { IMPORT_LAYERS } from '../core/import/import-layers.js';
import { MAX_IMPORT_RECORDS } from '../core/import/import-limits.js';
import { PROBLEM_CODES } from '../core/import/import-problems.js';
import { DATABASE_UNAVAILABLE, errorBodySchema, regionParams } from './common.js';
import { importChoicesSchema, importOptionsSchema } from './import-options.js';
import { defineOperation } from './operation.js';

/** The largest upload an import takes (a county's units as a zipped Shapefile are a few MB). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

const severity = z.enum(['error', 'warning', 'note']);
const chinese = z.string().meta({ description: 'The same text in Chinese' });

const problemSchema = z
  .looseObject({
    severity: severity.meta({ description: 'Errors block the import; warnings and notes do not' }),
    code: z.enum(PROBLEM_CODES),
    index: z
      .number()
      .int()
      .nullable()
      .meta({ description: '0-based record of the file; null for the file or the region' }),
    location: z
      .string()
      .nullable()
      .meta({ description: 'How a person finds the record: "row 7", "record 5", "feature #3"' }),
    featureId: z.string().nullable(),
    field: z.string().nullable().meta({ description: 'The layer field concerned, e.g. residents, geometry' }),
    column: z.string().nullable().meta({ description: "The file's column the field was read from" }),
    message: z.string().meta({ description: 'The whole sentence, location and field included' }),
    locationZh: z.string().nullable().meta({ description: '`location` in Chinese, e.g. 第 7 行' }),
    fieldZh: z.string().nullable().meta({ description: "The field's Chinese name, e.g. 常住人口" }),
    messageZh: chinese,
    detail: z
      .string()
      .meta({ description: 'What is wrong, without the location and field (they have fields of their own)' }),
    detailZh: z.string().meta({ description: '`detail` in Chinese' }),
  })
  .meta({ id: 'ImportProblem' });

const problemCountsSchema = z
  .looseObject({
    error: z.record(z.string(), z.number().int()),
    warning: z.record(z.string(), z.number().int()),
    note: z.record(z.string(), z.number().int()),
  })
  .meta({
    description: 'Every problem counted by severity and code, e.g. { "error": { "not-a-number": 3 } }',
  });

const scenarioImpactSchema = z
  .looseObject({
    scenarios: z.array(
      z.looseObject({
        id: z.string(),
        name: z.string(),
        version: z.number().int(),
        changesStoredData: z
          .boolean()
          .meta({ description: 'Whether the import changes what the scenario stores' }),
        effects: z.array(
          z.looseObject({
            kind: z.enum([
              'coverage-recomputed',
              'baseline-replaced',
              'moves-dropped',
              'units-removed',
              'units-added',
              'units-placed',
              'communities-removed',
              'moves-now-baseline',
              'outlines-recomputed',
              'streets-changed',
            ]),
            text: z.string(),
            textZh: chinese,
            ids: z
              .array(z.string())
              .optional()
              .meta({ description: 'Units or communities concerned (at most 50)' }),
          }),
        ),
      }),
    ),
    requiresAcceptance: z.boolean().meta({ description: 'A commit needs "acceptScenarioChanges": true' }),
    policy: z.string().meta({ description: 'The policy applied for this layer, in one paragraph' }),
    policyZh: chinese,
  })
  .meta({ id: 'ScenarioImpact' });

/** What is kept of an import: everything but the features, columns and fields (reportOf). */
export const importReportSchema = z
  .looseObject({
    importId: z.string().nullable().meta({ description: 'The stored preview to commit (a UUID)' }),
    regionId: z.string(),
    layer: z.enum(IMPORT_LAYERS),
    mode: z.enum(['add', 'replace']),
    createsRegion: z.boolean(),
    metricSrid: z.number().int().nullable().meta({ description: 'EPSG code of a region the import creates' }),
    file: z.looseObject({
      name: z.string(),
      format: z.string().meta({ description: 'geojson, csv, shapefile, osm …' }),
      bytes: z.number().int(),
      records: z.number().int(),
      encoding: z
        .looseObject({
          encoding: z
            .string()
            .meta({ description: 'The encoding used: utf8, gbk, big5, shift-jis, windows-1251 …' }),
          from: z.enum(['option', 'bom', 'cpg', 'dbf-language-driver', 'detected']).meta({
            description:
              'Who chose it: the request, a byte-order mark, the .cpg, the dBASE language driver byte, or the text itself',
          }),
          named: z.string().nullable().meta({
            description:
              'What the file named: the .cpg\'s text ("BIG5", "950") or the language driver byte ("0x4F")',
          }),
          label: z
            .string()
            .meta({ description: 'What the encoding is, e.g. "Big5 (Traditional Chinese, code page 950)"' }),
          labelZh: z.string().meta({ description: 'The same in Chinese, e.g. 繁体中文 Big5（代码页 950）' }),
        })
        .nullable()
        .meta({
          description: 'The text encoding the file was read in (null for .xlsx, whose text is Unicode)',
        }),
      crs: z.looseObject({ id: z.string(), label: z.string(), from: z.string() }).nullable(),
      notes: z.array(z.string()).meta({ description: 'How the file was read (English)' }),
      notesZh: z.array(z.string()).meta({ description: 'The same notes in Chinese, in the same order' }),
    }),
    mapping: z
      .record(z.string(), z.string().nullable())
      .meta({ description: 'Layer field → file column (null: unmapped)' }),
    mappingFrom: z.record(z.string(), z.enum(['remembered', 'guessed', 'given'])),
    valueMap: z
      .record(z.string(), z.record(z.string(), z.string()))
      .meta({ description: 'Field → (written value → code) the values are read as' }),
    unknownValues: z
      .record(z.string(), z.array(z.string()))
      .meta({ description: 'Written values of coded fields no code is known for' }),
    geometryFrom: z
      .string()
      .nullable()
      .meta({ description: 'Where positions came from: geometry, wkt, lon/lat columns …' }),
    featureCount: z.number().int(),
    problems: z.array(problemSchema).meta({ description: 'Errors first, at most 2 000' }),
    problemCounts: problemCountsSchema,
    problemsLeftOut: z.number().int(),
    changes: z.looseObject({
      before: z.number().int(),
      added: z.number().int(),
      updated: z.number().int(),
      removed: z.number().int(),
      after: z.number().int(),
      removedIds: z.array(z.string()),
    }),
    network: z
      .looseObject({
        edges: z.number().int(),
        nodes: z.number().int(),
        components: z.number().int().meta({ description: 'Separate pieces of the network' }),
        largestComponentNodes: z.number().int(),
        lengthMeters: z.number(),
      })
      .nullable(),
    scenarioImpact: scenarioImpactSchema.nullable(),
    canCommit: z.boolean(),
    committed: z.boolean(),
  })
  .meta({ id: 'ImportReport' });

/** The preview (POST /imports): the report with the file's columns, the layer's fields and the features for the map. */
/** A committed import's report (what `reportOf` keeps of an outcome). */
export type ImportReport = z.output<typeof importReportSchema>;

export const importPreviewSchema = z.intersection(
  importReportSchema,
  z.looseObject({
    columns: z.array(
      z.looseObject({ name: z.string(), samples: z.array(z.string()), filled: z.number().int() }),
    ),
    fields: z.array(
      z.looseObject({
        field: z.string(),
        labelZh: z.string().optional().meta({ description: "The field's Chinese name" }),
        type: z.string(),
        need: z.string(),
        description: z.string(),
        derivation: z.string().nullable(),
        derivationZh: z.string().nullable().optional(),
        codes: z.array(z.string()).nullable(),
      }),
    ),
    features: z.looseObject({
      type: z.literal('FeatureCollection'),
      features: z.array(
        z.looseObject({
          type: z.literal('Feature'),
          id: z.string(),
          geometry: z
            .looseObject({ type: z.string() })
            .nullable()
            .meta({ description: 'WGS 84, repaired when asked' }),
          properties: z
            .looseObject({
              importLocation: z.string(),
              importStatus: z.enum(['ok', 'repaired', 'warning', 'error']),
            })
            .meta({
              description:
                'Where the feature is in the file and its state; with `featureProperties=all`, every property as it would be written (derived ones included) too',
            }),
        }),
      ),
    }),
  }),
);

export const storedImportSchema = z.looseObject({
  importId: z.string(),
  regionId: z.string(),
  layer: z.enum(IMPORT_LAYERS),
  fileName: z.string(),
  status: z.enum(['previewed', 'committed']),
  options: importOptionsSchema,
  report: importReportSchema.nullable().meta({ description: 'Once committed' }),
});

/** A refused import: the common error answer. */
export const importErrorSchema = errorBodySchema;

/** A commit refused for problems (422) or unaccepted scenario changes (409): the report beside `error`. */
export const importRefusalSchema = z.intersection(importReportSchema, importErrorSchema);

const REPORT_FIELDS = Object.keys(importReportSchema.shape);

/**
 * 409: a refusal with its report (scenario changes not accepted) or without one (the preview was
 * committed already, the region to create exists). A body with any part of a report carries all of it.
 */
export const importConflictSchema = z.union([
  importRefusalSchema,
  importErrorSchema.refine(
    (body) => !REPORT_FIELDS.some((field) => field in body),
    'a refusal with a report carries the whole report',
  ),
]);

/** What each preview feature carries: what the map draws (the default), or every property as it would be written. */
export const PREVIEW_FEATURE_PROPERTIES = ['status', 'all'] as const;
export type PreviewFeatureProperties = (typeof PREVIEW_FEATURE_PROPERTIES)[number];

export const importPreviewQuerySchema = z.object({
  featureProperties: z.enum(PREVIEW_FEATURE_PROPERTIES).default('status').meta({
    description:
      "`status` (default): each feature carries its location in the file and its state, which is what the map draws (a county's 99 200 units answer 59 % of the bytes); `all`: every property as it would be written too, derived ones (community, access point …) included",
  }),
});

const importParams = regionParams.extend({ importId: z.string().uuid('is not an import id') });
const importError = (description: string) => ({ description, schema: importErrorSchema });

export const importOperations = {
  preview: defineOperation({
    method: 'post',
    access: 'import',
    path: '/api/regions/:region/imports',
    tag: 'imports',
    summary:
      'Preview an import of a layer file (multipart: `file` and the options as fields); writes nothing',
    params: regionParams,
    query: importPreviewQuerySchema,
    body: importOptionsSchema,
    bodyType: 'multipart/form-data',
    response: {
      description:
        'The preview: mapping, problems, scenario impact and the features as they would be written',
      content: { 'application/json': importPreviewSchema },
    },
    errors: {
      400: importError('No file, an option refused, or a file that cannot be read (named in `error`)'),
      404: importError('No such region (and `create` not asked for)'),
      409: importError('`create` asked for a region that exists'),
      413: importError(
        `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, holds more than ${MAX_IMPORT_RECORDS} rows (records), or a zip in it unpacks past its limits (the entry named)`,
      ),
      503: DATABASE_UNAVAILABLE,
    },
  }),
  commit: defineOperation({
    method: 'post',
    access: 'import',
    path: '/api/regions/:region/imports/:importId/commit',
    tag: 'imports',
    summary: 'Write a previewed import with the confirmed mapping and choices, all or nothing',
    params: importParams,
    body: importChoicesSchema,
    response: {
      description: 'The committed import report',
      content: { 'application/json': importReportSchema },
    },
    errors: {
      400: importError('A choice is refused (named in `error`)'),
      404: importError('No such preview for the region (previews expire after a day)'),
      409: {
        description:
          'Committed already, or the import changes scenarios and `acceptScenarioChanges` was not given (then the report is beside `error`); nothing written',
        schema: importConflictSchema,
      },
      422: {
        description:
          'The data has errors: the report, with every problem, is beside `error`; nothing written',
        schema: importRefusalSchema,
      },
      503: DATABASE_UNAVAILABLE,
    },
  }),
  cancel: defineOperation({
    method: 'delete',
    access: 'import',
    path: '/api/regions/:region/imports/:importId',
    tag: 'imports',
    summary: 'Cancel a preview: its stored file and staged features are forgotten',
    params: importParams,
    response: { status: 204, description: 'Cancelled' },
    errors: {
      400: importError('The region or import id is malformed'),
      404: importError('No such preview for the region (previews expire after a day)'),
      409: importError('Committed already: a committed import keeps its report'),
      503: DATABASE_UNAVAILABLE,
    },
  }),
  get: defineOperation({
    method: 'get',
    access: 'import',
    path: '/api/regions/:region/imports/:importId',
    tag: 'imports',
    summary: 'One import and its report',
    params: importParams,
    response: {
      description: 'The stored import: options, status and, once committed, the report',
      content: { 'application/json': storedImportSchema },
    },
    errors: {
      400: importError('The region or import id is malformed'),
      404: importError('No such import for the region'),
      503: DATABASE_UNAVAILABLE,
    },
  }),
};
