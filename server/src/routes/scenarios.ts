import { zValidator } from '@hono/zod-validator';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { DEFAULT_STANDARDS_PROFILE, type StandardsProfileId } from '../../../core/standards/profiles.js';
import type { Database } from '../db/client.js';
import * as sql from '../db/sql/scenarios.sql.js';
import {
  createScenarioBody,
  patchScenarioBody,
  profileQuery,
  villageCandidatesQuery,
} from '../scenarios/edit-schema.js';
import { relocationAdviceOf, villageCandidates } from '../scenarios/scenario-advice.js';
import { regionScenarioBase, type RegionScenarioBase } from '../scenarios/region-base.js';
import {
  communitiesCsv,
  communitiesFeatureCollection,
  communityReports,
  compareScenarios,
  comparisonSnapshot,
  exportColumns,
  flatProperties,
} from '../scenarios/scenario-output.js';
import {
  BASELINE_ID,
  createScenario,
  deleteScenario,
  getScenario,
  listScenarios,
  saveScenarioEdits,
  scenarioView,
  StaleVersionError,
  type ScenarioReference,
} from '../scenarios/scenario-store.js';
import { attachment, exportFormatSchema } from '../export/feature-table.js';
import { polygonShapefileZip, type PolygonalGeometry } from '../../../core/formats/shapefile-writer.js';
import type { CommunityRecord, ScenarioEvaluator } from '../../../core/scenario/scenario-evaluator.js';
import { csvFileSchema, DATABASE_UNAVAILABLE, shapefileZipSchema } from '../openapi/common-schemas.js';
import { registerOperations, type OperationSpec } from '../openapi/operation-registry.js';
import {
  baselineSchema,
  communitiesCollectionSchema,
  communitiesExportCollectionSchema,
  comparisonSchema,
  relocationAdviceSchema,
  savedEditsSchema,
  scenarioDetailSchema,
  scenarioListSchema,
  scenarioStateSchema,
  scenarioSummarySchema,
  staleVersionSchema,
  unitAdjacencySchema,
  villageCandidatesSchema,
} from './scenarios-response-schemas.js';
import { badRequestOnInvalid } from './validation.js';

const regionParams = z.object({
  region: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'is not a region id'),
});
const scenarioParams = z.object({ id: z.string().min(1).max(100) });
const compareQuery = profileQuery.extend({ with: z.string().min(1).max(100).default(BASELINE_ID) });
const exportQuery = profileQuery.extend({ format: exportFormatSchema });

const json = (description: string, schema: z.ZodType, status = 200): OperationSpec['response'] => ({
  description,
  status,
  content: { 'application/json': schema },
});
const geojson = {
  description: 'Communities with metrics and rule results as a FeatureCollection',
  content: { 'application/geo+json': communitiesCollectionSchema },
};
const download = {
  description: 'An attachment by `format`: .geojson, .csv (UTF-8 with BOM) or .zip Shapefile (WGS 84, UTF-8 .cpg)',
  content: {
    'application/geo+json': communitiesExportCollectionSchema,
    'text/csv': csvFileSchema,
    'application/zip': shapefileZipSchema,
  },
};
/** Refusals of the region's paths (`/api/regions/:region/…`). */
const regionErrors = {
  400: 'A path, query or body field is refused (named in `error`)',
  404: 'No such region',
  503: DATABASE_UNAVAILABLE,
};
/** Refusals of a scenario's paths (`/api/scenarios/:id…`): "baseline" is not a scenario id there. */
const scenarioErrors = {
  400: 'A path, query or body field is refused (named in `error`), or the id is "baseline" (use the region\'s paths)',
  404: 'No such scenario',
  503: `${DATABASE_UNAVAILABLE}, or the scenario is saved too often to be read`,
};
const readOnlyBaseline = { 405: 'The baseline is read-only' };
registerOperations(
  {
    method: 'post',
    path: '/api/regions/:region/scenarios',
    tag: 'scenarios',
    summary: 'Create a scenario based on the baseline or another scenario',
    params: regionParams,
    body: createScenarioBody,
    response: json('The new scenario', scenarioSummarySchema, 201),
    errors: regionErrors,
  },
  {
    method: 'get',
    path: '/api/regions/:region/scenarios',
    tag: 'scenarios',
    summary: "The region's scenarios",
    params: regionParams,
    response: json('A list of scenarios, oldest first', scenarioListSchema),
    errors: regionErrors,
  },
  {
    method: 'get',
    path: '/api/regions/:region/scenarios/baseline',
    tag: 'scenarios',
    summary: 'The read-only baseline (the loaded boundaries)',
    params: regionParams,
    response: json('The baseline with its community and unit counts', baselineSchema),
    errors: regionErrors,
  },
  {
    method: 'get',
    path: '/api/regions/:region/unit-adjacency',
    tag: 'scenarios',
    summary: "What a client's own scenario evaluator needs: unit sums, adjacency and coverage bitsets",
    params: regionParams,
    response: json('Units by index, adjacency and coverage', unitAdjacencySchema),
    errors: regionErrors,
  },
  {
    method: 'get',
    path: '/api/regions/:region/scenarios/baseline/state',
    tag: 'scenarios',
    summary: "The baseline's communities and the community of each unit",
    params: regionParams,
    response: json('Communities and assignment', scenarioStateSchema),
    errors: regionErrors,
  },
  {
    method: 'get',
    path: '/api/regions/:region/scenarios/baseline/communities',
    tag: 'scenarios',
    summary: "The baseline's communities with metrics and rule results",
    params: regionParams,
    query: profileQuery,
    response: geojson,
    errors: regionErrors,
  },
  {
    method: 'get',
    path: '/api/regions/:region/scenarios/baseline/export',
    tag: 'exports',
    summary: "Download the baseline's communities with metrics",
    params: regionParams,
    query: exportQuery,
    response: download,
    errors: regionErrors,
  },
  {
    method: 'get',
    path: '/api/regions/:region/scenarios/baseline/village-candidates',
    tag: 'scenarios',
    summary: 'Villages that could become communities (村改社区) and what they would lack',
    params: regionParams,
    query: villageCandidatesQuery,
    response: json('Every village judged, and the candidates', villageCandidatesSchema),
    errors: regionErrors,
  },
  {
    method: 'get',
    path: '/api/regions/:region/scenarios/baseline/relocation-advice',
    tag: 'scenarios',
    summary: 'Merge or split advice for communities outside their size band',
    params: regionParams,
    query: profileQuery,
    response: json('Advice per community', relocationAdviceSchema),
    errors: regionErrors,
  },
  {
    method: 'get',
    path: '/api/scenarios/:id',
    tag: 'scenarios',
    summary: 'One scenario with its edits',
    params: scenarioParams,
    response: json('The scenario and its edit log', scenarioDetailSchema),
    errors: scenarioErrors,
  },
  {
    method: 'delete',
    path: '/api/scenarios/:id',
    tag: 'scenarios',
    summary: 'Delete a scenario (the baseline answers 405)',
    params: scenarioParams,
    response: { status: 204, description: 'Deleted' },
    errors: { ...scenarioErrors, 400: 'The id is malformed', ...readOnlyBaseline },
  },
  {
    method: 'patch',
    path: '/api/scenarios/:id',
    tag: 'scenarios',
    summary: 'Save edits at a version (409 when stale)',
    params: scenarioParams,
    body: patchScenarioBody,
    response: json('The new version and what each edit did', savedEditsSchema),
    errors: {
      ...scenarioErrors,
      400: 'The body is refused, or an edit cannot be applied (named as `edits[i] (op)`); nothing is saved',
      ...readOnlyBaseline,
      409: {
        description: 'The scenario moved on: reload it and apply the edits again',
        schema: staleVersionSchema,
      },
    },
  },
  {
    method: 'get',
    path: '/api/scenarios/:id/communities',
    tag: 'scenarios',
    summary: "A scenario's communities with metrics and rule results",
    params: scenarioParams,
    query: profileQuery,
    response: geojson,
    errors: scenarioErrors,
  },
  {
    method: 'get',
    path: '/api/scenarios/:id/state',
    tag: 'scenarios',
    summary: "A scenario's communities and the community of each unit",
    params: scenarioParams,
    response: json('Communities and assignment', scenarioStateSchema),
    errors: scenarioErrors,
  },
  {
    method: 'get',
    path: '/api/scenarios/:id/compare',
    tag: 'scenarios',
    summary: 'Compare a scenario with the baseline or another scenario',
    params: scenarioParams,
    query: compareQuery,
    response: json('Per-community changes and moved units', comparisonSchema),
    errors: {
      ...scenarioErrors,
      400: 'A field is refused, the id is "baseline", or `with` names no scenario of the same region',
    },
  },
  {
    method: 'get',
    path: '/api/scenarios/:id/export',
    tag: 'exports',
    summary: "Download a scenario's communities with metrics",
    params: scenarioParams,
    query: exportQuery,
    response: download,
    errors: scenarioErrors,
  },
  {
    method: 'get',
    path: '/api/scenarios/:id/village-candidates',
    tag: 'scenarios',
    summary: "A scenario's villages that could become communities (村改社区)",
    params: scenarioParams,
    query: villageCandidatesQuery,
    response: json('Every village judged, and the candidates', villageCandidatesSchema),
    errors: scenarioErrors,
  },
  {
    method: 'get',
    path: '/api/scenarios/:id/relocation-advice',
    tag: 'scenarios',
    summary: "Merge or split advice for a scenario's communities",
    params: scenarioParams,
    query: profileQuery,
    response: json('Advice per community', relocationAdviceSchema),
    errors: scenarioErrors,
  },
);

const READ_ONLY_BASELINE =
  'the baseline is read-only: create a scenario based on it (POST /api/regions/:region/scenarios) and edit that';

/** The region's own communities: what every `/regions/:region/scenarios/baseline/…` path reads. */
function baselineOf(regionId: string): ScenarioReference {
  return { kind: 'baseline', regionId };
}

/** The standards profile a query names, else the default one. */
function profileOf(query: { profile?: StandardsProfileId }): StandardsProfileId {
  return query.profile ?? DEFAULT_STANDARDS_PROFILE;
}

/** A scenario id from the path; "baseline" there needs its region, which only the region's paths give. */
function scenarioReference(id: string): ScenarioReference {
  if (id === BASELINE_ID) {
    throw new HTTPException(400, {
      message: 'the baseline belongs to a region: use /api/regions/:region/scenarios/baseline/…',
    });
  }
  return { kind: 'scenario', id };
}

/** Reads a scenario's (or the baseline's) evaluator and community geometry, both of one version. */
async function viewWithGeometry(
  database: Database,
  reference: ScenarioReference,
  profile: StandardsProfileId,
) {
  const readExtra = async (regionId: string) => {
    if (reference.kind === 'baseline') {
      const { rows } = await database.query<{ geometries: string }>(sql.BASELINE_COMMUNITY_GEOMETRIES, [
        regionId,
      ]);
      return { version: 1, extra: new Map(JSON.parse(rows[0].geometries) as [string, string][]) };
    }
    const { rows } = await database.query<{ version: number; geometries: string }>(
      sql.SCENARIO_COMMUNITY_GEOMETRIES,
      [reference.id],
    );
    if (rows.length === 0) return null;
    return { version: rows[0].version, extra: new Map(JSON.parse(rows[0].geometries) as [string, string][]) };
  };
  return scenarioView(database, reference, {
    readExtra,
    snapshot: (evaluator) => communityReports(evaluator, profile),
  });
}

async function communitiesResponse(
  c: Context,
  database: Database,
  reference: ScenarioReference,
  profile: StandardsProfileId,
) {
  const view = await viewWithGeometry(database, reference, profile);
  const reports = view.snapshot;
  const body = communitiesFeatureCollection(reports, view.extra, {
    scenario: { id: view.id, regionId: view.regionId, version: view.version },
    profile,
    coverageCategories: view.base.coverage.categories,
    coverageNote: view.base.coverageNote,
  });
  return c.body(body, 200, { 'content-type': 'application/geo+json; charset=utf-8' });
}

/**
 * What a client needs to run core's ScenarioEvaluator itself (the planner's screen evaluates while
 * painting): every unit's sums, area and perimeter (m², m in the region's metric SRID), unit adjacency
 * by unit index with the shared boundary in meters, the baseline community of each unit, and walking
 * coverage per category as a bitset (base64, bit u of byte u>>3 LSB-first = unit u covered). Units are
 * in the server's order (by id), which every index refers to.
 */
function unitAdjacencyBody(base: RegionScenarioBase) {
  const { units, adjacency, coverage } = base;
  const bitset = (covered: Uint8Array) => {
    const bytes = new Uint8Array(Math.ceil(units.length / 8));
    covered.forEach((flag, unit) => {
      if (flag) bytes[unit >> 3] |= 1 << (unit & 7);
    });
    return Buffer.from(bytes).toString('base64');
  };
  return {
    regionId: base.regionId,
    metricSrid: base.metricSrid,
    unitIds: units.map((unit) => unit.id),
    residents: units.map((unit) => unit.residents),
    households: units.map((unit) => unit.households),
    elderly: units.map((unit) => unit.elderly),
    children: units.map((unit) => unit.children),
    areaSquareMeters: units.map((unit) => unit.areaSquareMeters),
    perimeterMeters: units.map((unit) => unit.perimeterMeters),
    unitA: Array.from(adjacency.unitA),
    unitB: Array.from(adjacency.unitB),
    sharedMeters: Array.from(adjacency.sharedMeters),
    baselineCommunityIds: base.baselineAssignment,
    coverage: { categories: [...coverage.categories], covered: coverage.covered.map(bitset) },
    coverageNote: base.coverageNote,
  };
}

/** A scenario's communities (their own attributes) and the community of each unit, by index into them. */
function stateSnapshot(evaluator: ScenarioEvaluator): { communities: CommunityRecord[]; assignment: number[] } {
  const communities = evaluator.communityIds().map((id) => evaluator.communityRecord(id));
  const indexById = new Map(communities.map((community, index) => [community.id, index]));
  return { communities, assignment: evaluator.communityIdsByUnit().map((id) => indexById.get(id)!) };
}

async function stateResponse(c: Context, database: Database, reference: ScenarioReference) {
  const view = await scenarioView(database, reference, { snapshot: stateSnapshot });
  return c.json({ id: view.id, regionId: view.regionId, version: view.version, ...view.snapshot });
}

async function exportResponse(
  c: Context,
  database: Database,
  reference: ScenarioReference,
  format: 'geojson' | 'csv' | 'shapefile',
  profile: StandardsProfileId,
) {
  const view = await viewWithGeometry(database, reference, profile);
  const reports = view.snapshot;
  const columns = exportColumns(view.base.coverage.categories);
  const displayName =
    view.id === BASELINE_ID
      ? `${view.regionId}-baseline`
      : (await getScenario(database, view.id)).name || view.id;
  const asciiBase =
    view.id === BASELINE_ID
      ? `${view.regionId}-baseline`
      : `${view.regionId}-scenario-${view.id.slice(0, 8)}-v${view.version}`;

  if (format === 'csv') {
    return c.body(communitiesCsv(reports, columns), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': attachment(`${asciiBase}.csv`, `${displayName}.csv`),
    });
  }
  if (format === 'geojson') {
    const features = reports.map(
      (report) =>
        `{"type":"Feature","id":${JSON.stringify(report.metrics.id)},"geometry":${view.extra.get(report.metrics.id) ?? 'null'},"properties":${JSON.stringify(flatProperties(report, columns))}}`,
    );
    return c.body(`{"type":"FeatureCollection","features":[${features.join(',')}]}`, 200, {
      'content-type': 'application/geo+json; charset=utf-8',
      'content-disposition': attachment(`${asciiBase}.geojson`, `${displayName}.geojson`),
    });
  }
  const zip = polygonShapefileZip(
    asciiBase,
    columns.map((column) => ({ name: column.dbfName, kind: column.kind })),
    reports.map((report) => {
      const geometry = view.extra.get(report.metrics.id);
      return {
        geometry: geometry ? (JSON.parse(geometry) as PolygonalGeometry) : null,
        values: columns.map((column) => column.value(report)),
      };
    }),
  );
  return c.body(zip as Uint8Array<ArrayBuffer>, 200, {
    'content-type': 'application/zip',
    'content-disposition': attachment(`${asciiBase}.zip`, `${displayName}.zip`),
  });
}

async function villageCandidatesResponse(
  c: Context,
  database: Database,
  reference: ScenarioReference,
  query: { profile?: StandardsProfileId; as: 'urban' | 'fringe' },
) {
  return c.json(await villageCandidates(database, reference, profileOf(query), query.as));
}

async function relocationAdviceResponse(
  c: Context,
  database: Database,
  reference: ScenarioReference,
  profile: StandardsProfileId,
) {
  return c.json(await relocationAdviceOf(database, reference, profile));
}

/** The baseline's communities with metrics as a download: also the communities layer's export. */
export function baselineExportResponse(
  c: Context,
  database: Database,
  regionId: string,
  format: 'geojson' | 'csv' | 'shapefile',
  profile: StandardsProfileId,
) {
  return exportResponse(c, database, baselineOf(regionId), format, profile);
}

/**
 * Boundary scenarios: `/regions/:region/scenarios…` (create, list, the baseline's communities,
 * state and export), `/regions/:region/unit-adjacency` (what a client's own evaluator needs) and
 * `/scenarios/:id…` (read, delete, save edits, state, communities, compare, export). Both forms
 * also answer `village-candidates` (村改社区) and `relocation-advice` (merge or split).
 */
export function scenarioRoutes(database: Database) {
  return new Hono()
    .post(
      '/regions/:region/scenarios',
      zValidator('param', regionParams, badRequestOnInvalid),
      zValidator('json', createScenarioBody, badRequestOnInvalid),
      async (c) => {
        const { region } = c.req.valid('param');
        const { name, basedOn } = c.req.valid('json');
        const scenario = await createScenario(database, region, name, basedOn);
        return c.json(scenario, 201);
      },
    )
    .get('/regions/:region/scenarios', zValidator('param', regionParams, badRequestOnInvalid), async (c) => {
      return c.json(await listScenarios(database, c.req.valid('param').region));
    })
    .get(
      '/regions/:region/scenarios/baseline',
      zValidator('param', regionParams, badRequestOnInvalid),
      async (c) => {
        const { region } = c.req.valid('param');
        const base = await regionScenarioBase(database, region);
        return c.json({
          id: BASELINE_ID,
          regionId: region,
          name: 'baseline',
          readOnly: true,
          version: 1,
          communityCount: base.baselineCommunities.length,
          unitCount: base.units.length,
        });
      },
    )
    .get(
      '/regions/:region/unit-adjacency',
      zValidator('param', regionParams, badRequestOnInvalid),
      async (c) => c.json(unitAdjacencyBody(await regionScenarioBase(database, c.req.valid('param').region))),
    )
    .get(
      '/regions/:region/scenarios/baseline/state',
      zValidator('param', regionParams, badRequestOnInvalid),
      async (c) => stateResponse(c, database, baselineOf(c.req.valid('param').region)),
    )
    .get(
      '/regions/:region/scenarios/baseline/communities',
      zValidator('param', regionParams, badRequestOnInvalid),
      zValidator('query', profileQuery, badRequestOnInvalid),
      async (c) =>
        communitiesResponse(
          c,
          database,
          baselineOf(c.req.valid('param').region),
          profileOf(c.req.valid('query')),
        ),
    )
    .get(
      '/regions/:region/scenarios/baseline/export',
      zValidator('param', regionParams, badRequestOnInvalid),
      zValidator('query', exportQuery, badRequestOnInvalid),
      async (c) => {
        const query = c.req.valid('query');
        const reference = baselineOf(c.req.valid('param').region);
        return exportResponse(c, database, reference, query.format, profileOf(query));
      },
    )
    .get(
      '/regions/:region/scenarios/baseline/village-candidates',
      zValidator('param', regionParams, badRequestOnInvalid),
      zValidator('query', villageCandidatesQuery, badRequestOnInvalid),
      async (c) =>
        villageCandidatesResponse(c, database, baselineOf(c.req.valid('param').region), c.req.valid('query')),
    )
    .get(
      '/regions/:region/scenarios/baseline/relocation-advice',
      zValidator('param', regionParams, badRequestOnInvalid),
      zValidator('query', profileQuery, badRequestOnInvalid),
      async (c) =>
        relocationAdviceResponse(
          c,
          database,
          baselineOf(c.req.valid('param').region),
          profileOf(c.req.valid('query')),
        ),
    )
    .get('/scenarios/:id', zValidator('param', scenarioParams, badRequestOnInvalid), async (c) => {
      const { id } = c.req.valid('param');
      scenarioReference(id);
      return c.json(await getScenario(database, id));
    })
    .delete('/scenarios/:id', zValidator('param', scenarioParams, badRequestOnInvalid), async (c) => {
      const { id } = c.req.valid('param');
      if (id === BASELINE_ID) return c.json({ error: READ_ONLY_BASELINE }, 405);
      await deleteScenario(database, id);
      return c.body(null, 204);
    })
    .patch(
      '/scenarios/:id',
      zValidator('param', scenarioParams, badRequestOnInvalid),
      async (c, next) => {
        // Before the body is read: whatever it says, the baseline does not change.
        if (c.req.param('id') === BASELINE_ID) return c.json({ error: READ_ONLY_BASELINE }, 405);
        await next();
      },
      zValidator('json', patchScenarioBody, badRequestOnInvalid),
      async (c) => {
        const { id } = c.req.valid('param');
        try {
          const saved = await saveScenarioEdits(database, id, c.req.valid('json'));
          return c.json({ version: saved.version, edits: saved.edits });
        } catch (error) {
          if (error instanceof StaleVersionError)
            return c.json({ error: error.message, currentVersion: error.currentVersion }, 409);
          throw error;
        }
      },
    )
    .get(
      '/scenarios/:id/communities',
      zValidator('param', scenarioParams, badRequestOnInvalid),
      zValidator('query', profileQuery, badRequestOnInvalid),
      async (c) =>
        communitiesResponse(
          c,
          database,
          scenarioReference(c.req.valid('param').id),
          profileOf(c.req.valid('query')),
        ),
    )
    .get('/scenarios/:id/state', zValidator('param', scenarioParams, badRequestOnInvalid), async (c) =>
      stateResponse(c, database, scenarioReference(c.req.valid('param').id)),
    )
    .get(
      '/scenarios/:id/compare',
      zValidator('param', scenarioParams, badRequestOnInvalid),
      zValidator('query', compareQuery, badRequestOnInvalid),
      async (c) => {
        const reference = scenarioReference(c.req.valid('param').id);
        const query = c.req.valid('query');
        const profile = profileOf(query);
        const scenario = await scenarioView(database, reference, {
          snapshot: (evaluator) => comparisonSnapshot(evaluator, profile),
        });
        const otherReference: ScenarioReference =
          query.with === BASELINE_ID
            ? baselineOf(scenario.regionId)
            : { kind: 'scenario', id: query.with };
        const other = await scenarioView(database, otherReference, {
          snapshot: (evaluator) => comparisonSnapshot(evaluator, profile),
        }).catch((error: unknown) => {
          if (error instanceof HTTPException && error.status === 404)
            throw new HTTPException(400, { message: `with: no scenario "${query.with}"` });
          throw error;
        });
        if (other.regionId !== scenario.regionId) {
          throw new HTTPException(400, {
            message: `with: scenario "${query.with}" is in region "${other.regionId}", not "${scenario.regionId}"`,
          });
        }
        return c.json(compareScenarios(scenario, other, profile));
      },
    )
    .get(
      '/scenarios/:id/export',
      zValidator('param', scenarioParams, badRequestOnInvalid),
      zValidator('query', exportQuery, badRequestOnInvalid),
      async (c) => {
        const query = c.req.valid('query');
        const reference = scenarioReference(c.req.valid('param').id);
        return exportResponse(c, database, reference, query.format, profileOf(query));
      },
    )
    .get(
      '/scenarios/:id/village-candidates',
      zValidator('param', scenarioParams, badRequestOnInvalid),
      zValidator('query', villageCandidatesQuery, badRequestOnInvalid),
      async (c) =>
        villageCandidatesResponse(
          c,
          database,
          scenarioReference(c.req.valid('param').id),
          c.req.valid('query'),
        ),
    )
    .get(
      '/scenarios/:id/relocation-advice',
      zValidator('param', scenarioParams, badRequestOnInvalid),
      zValidator('query', profileQuery, badRequestOnInvalid),
      async (c) =>
        relocationAdviceResponse(
          c,
          database,
          scenarioReference(c.req.valid('param').id),
          profileOf(c.req.valid('query')),
        ),
    );
}
