/**
 * The difference between a scenario and the baseline (or another scenario) as a file: every
 * community with its figures on both sides and the rules whose result changed (its polygon in the
 * scenario, or in the other side when dissolved), the units that changed community, and the
 * facilities and paths added, moved, changed, removed, closed or reopened. GeoJSON and CSV hold them
 * in one collection (a `kind` per feature); the Shapefile zip one shapefile per kind.
 */

import type { ExportFormat } from '../../../contract/common.js';
import type { JudgingQuery } from '../../../contract/standards.js';
import type { Position } from '../../../core/geometry/position.js';
import { compareLayers } from '../../../core/scenario/scenario-layers.js';
import type { Database } from '../db/client.js';
import * as sql from '../db/sql/scenarios.sql.js';
import { DomainError, isDomainError } from '../domain-error.js';
import { exportLayersFile, type ExportFeature, type ExportFile } from '../export/feature-table.js';
import { compareScenarios, comparisonSnapshot, type CommunityReport } from './scenario-output.js';
import { networkEdges } from './scenario-layer-views.js';
import { BASELINE_ID, scenarioView, type ScenarioReference } from './scenario-store.js';
import { baselineOf, communityGeometryReader, judgingOf, scenarioReference } from './scenario-views.js';

type Geometry = ExportFeature['geometry'];

const parsed = (text: string | undefined): Geometry => (text ? (JSON.parse(text) as Geometry) : null);
const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Reads one side of the comparison: its reports, assignment, layers and community geometry. */
function comparedSide(
  database: Database,
  reference: ScenarioReference,
  judging: Awaited<ReturnType<typeof judgingOf>>,
) {
  return scenarioView(database, reference, {
    readExtra: communityGeometryReader(database, reference),
    snapshot: (evaluator) => comparisonSnapshot(evaluator, judging),
  });
}

/** The comparison of a scenario with `withId` (baseline or a scenario of its region) as a download. */
export async function comparisonExportFile(
  database: Database,
  reference: ScenarioReference,
  withId: string,
  query: Partial<JudgingQuery>,
  format: ExportFormat,
): Promise<ExportFile> {
  const judging = await judgingOf(database, reference, query);
  const scenario = await comparedSide(database, reference, judging);
  const otherReference = withId === BASELINE_ID ? baselineOf(scenario.regionId) : scenarioReference(withId);
  const other = await comparedSide(database, otherReference, judging).catch((error: unknown) => {
    if (isDomainError(error, 'scenario.not-found'))
      throw new DomainError('scenario.compare-missing', { with: withId });
    throw error;
  });
  if (other.regionId !== scenario.regionId) {
    throw new DomainError('scenario.compare-other-region', {
      with: withId,
      otherRegionId: other.regionId,
      regionId: scenario.regionId,
    });
  }
  const comparison = compareScenarios(scenario, other, judging);
  const layers = compareLayers(scenario.base.facilityRecords, scenario.layers, other.layers);
  const { base } = scenario;

  const failed = (reports: readonly CommunityReport[]) =>
    new Map(reports.map((report) => [report.metrics.id, report.summary.fail]));
  const [failedAfter, failedBefore] = [failed(scenario.snapshot.reports), failed(other.snapshot.reports)];
  const communities: ExportFeature[] = comparison.communities.map((community) => ({
    type: 'Feature',
    id: `community:${community.id}`,
    geometry: parsed(scenario.extra.get(community.id) ?? other.extra.get(community.id)),
    properties: {
      kind: 'community',
      id: community.id,
      name: community.name,
      streetId: community.streetId,
      status: community.status,
      residentsBefore: community.residents.with,
      residentsAfter: community.residents.scenario,
      residentsDelta: community.residents.delta,
      householdsBefore: community.households.with,
      householdsAfter: community.households.scenario,
      householdsDelta: community.households.delta,
      areaBeforeSquareKilometers: round(community.areaSquareKilometers.with),
      areaAfterSquareKilometers: round(community.areaSquareKilometers.scenario),
      rulesFailedBefore: failedBefore.get(community.id) ?? null,
      rulesFailedAfter: failedAfter.get(community.id) ?? null,
      ruleChangeCount: community.ruleChanges.length,
      ruleChanges: community.ruleChanges
        .map((change) => `${change.ruleId}: ${change.from ?? '—'} → ${change.to ?? '—'}`)
        .join('; '),
    },
  }));

  const unitGeometries = new Map<string, string>();
  if (comparison.movedUnits.length > 0) {
    const { rows } = await database.query<{ geometries: string }>(sql.UNIT_GEOMETRIES, [
      scenario.regionId,
      JSON.stringify(comparison.movedUnits.map((unit) => unit.id)),
    ]);
    for (const [id, geometry] of JSON.parse(rows[0].geometries) as [string, string][])
      unitGeometries.set(id, geometry);
  }
  const units: ExportFeature[] = comparison.movedUnits.map((unit) => {
    const figures = base.units[base.unitIndexById.get(unit.id)!];
    return {
      type: 'Feature',
      id: `unit:${unit.id}`,
      geometry: parsed(unitGeometries.get(unit.id)),
      properties: {
        kind: 'unit',
        id: unit.id,
        from: unit.from,
        to: unit.to,
        residents: figures.residents,
        households: figures.households,
      },
    };
  });

  const facilities: ExportFeature[] = layers.facilities.map((difference) => {
    const facility = (difference.scenario ?? difference.with)!;
    const before = difference.with?.position ?? null;
    return {
      type: 'Feature',
      id: `facility:${difference.id}`,
      geometry: { type: 'Point', coordinates: facility.position },
      properties: {
        kind: 'facility',
        id: difference.id,
        change: difference.change,
        name: facility.name,
        category: facility.category,
        capacity: facility.capacity,
        capacityBefore: difference.with?.capacity ?? null,
        fromLon: before?.[0] ?? null,
        fromLat: before?.[1] ?? null,
      },
    };
  });

  const edgeIds = layers.paths.flatMap((difference) => (difference.path ? [] : [difference.id as number]));
  const edges = await networkEdges(database, scenario.regionId, edgeIds);
  const paths: ExportFeature[] = layers.paths.map((difference) => {
    const line: Position[] | null =
      difference.path?.coordinates ?? edges.get(difference.id as number)?.line ?? null;
    return {
      type: 'Feature',
      id: `path:${difference.id}`,
      geometry: line ? { type: 'LineString', coordinates: line } : null,
      properties: {
        kind: 'path',
        id: String(difference.id),
        change: difference.change,
        name: difference.path?.name ?? null,
      },
    };
  });

  const withLabel = other.id === BASELINE_ID ? 'baseline' : other.id.slice(0, 8);
  const baseName = `${scenario.regionId}-scenario-${scenario.id.slice(0, 8)}-v${scenario.version}-vs-${withLabel}`;
  const collection = (features: ExportFeature[]) => ({ type: 'FeatureCollection' as const, features });
  return exportLayersFile(
    [
      { name: 'communities', collection: collection(communities), dbfNames: COMMUNITY_DBF_NAMES },
      { name: 'units', collection: collection(units) },
      { name: 'facilities', collection: collection(facilities), dbfNames: FACILITY_DBF_NAMES },
      { name: 'paths', collection: collection(paths) },
    ],
    format,
    baseName,
  );
}

const COMMUNITY_DBF_NAMES: Record<string, string> = {
  streetId: 'street_id',
  residentsBefore: 'res_before',
  residentsAfter: 'res_after',
  residentsDelta: 'res_delta',
  householdsBefore: 'hh_before',
  householdsAfter: 'hh_after',
  householdsDelta: 'hh_delta',
  areaBeforeSquareKilometers: 'km2_before',
  areaAfterSquareKilometers: 'km2_after',
  rulesFailedBefore: 'fail_befor',
  rulesFailedAfter: 'fail_after',
  ruleChangeCount: 'rule_chg_n',
  ruleChanges: 'rule_chg',
};

const FACILITY_DBF_NAMES: Record<string, string> = {
  capacityBefore: 'cap_before',
  fromLon: 'from_lon',
  fromLat: 'from_lat',
};
