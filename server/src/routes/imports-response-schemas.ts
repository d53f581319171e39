/**
 * What the import routes answer, as zod schemas: the OpenAPI document is generated from them and
 * tests/api/openapi-responses.api.test.ts parses real answers with them. They mirror ImportOutcome
 * (server/src/imports/import-outcome.ts). Objects here are loose, not strict: texts of problems,
 * scenario impacts and refusals are gaining Chinese versions (`messageZh`, `textZh`, `policyZh`,
 * `errorZh`), listed as optional, and a field more must not fail a client that reads these.
 */

import { z } from 'zod';
import { IMPORT_LAYERS } from '../../../core/import/import-layers.js';
import { PROBLEM_CODES } from '../../../core/import/import-problems.js';
import { importOptionsSchema } from '../imports/import-options.js';

const severity = z.enum(['error', 'warning', 'note']);
const chinese = z.string().optional().meta({ description: 'The same text in Chinese' });

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
    locationZh: z.string().nullable().optional().meta({ description: '`location` in Chinese, e.g. 第 7 行' }),
    fieldZh: z
      .string()
      .nullable()
      .optional()
      .meta({ description: "The field's Chinese name, e.g. 常住人口" }),
    messageZh: chinese,
    detail: z.string().meta({ description: 'What is wrong, without the location and field (they have fields of their own)' }),
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
      encoding: z.looseObject({ encoding: z.string(), from: z.string() }).nullable(),
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
          properties: z.looseObject({
            importLocation: z.string(),
            importStatus: z.enum(['ok', 'repaired', 'warning', 'error']),
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

/** A refused import: the sentence, and its Chinese version once given. */
export const importErrorSchema = z
  .looseObject({ error: z.string().meta({ description: 'What was refused and why' }), errorZh: chinese })
  .meta({ id: 'ImportError' });

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
