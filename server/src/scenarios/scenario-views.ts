/**
 * What the scenario operations answer, read from one version of a scenario (or the baseline): its
 * communities with metrics and rules (GeoJSON built once, with the stored geometry), its state for a
 * client's own evaluator, the region's unit adjacency, and a comparison of two scenarios.
 */

import type { JudgingQuery } from '../../../contract/standards.js';
import type { CommunityRecord, ScenarioEvaluator } from '../../../core/scenario/scenario-evaluator.js';
import { compareLayers } from '../../../core/scenario/scenario-layers.js';
import type { UnitReach } from '../../../core/standards/reach.js';
import type { Database } from '../db/client.js';
import * as sql from '../db/sql/scenarios.sql.js';
import { DomainError, isDomainError } from '../domain-error.js';
import { regionScenarioBase, type RegionScenarioBase } from './region-base.js';
import {
  communitiesFeatureCollection,
  communityReports,
  compareScenarios,
  comparisonSnapshot,
} from './scenario-output.js';
import { BASELINE_ID, scenarioView, type ScenarioReference } from './scenario-store.js';
import { judgingFor, type Judging } from './judging.js';

/** The region's own communities: what every `/regions/:region/scenarios/baseline/…` path reads. */
export function baselineOf(regionId: string): ScenarioReference {
  return { kind: 'baseline', regionId };
}

/** A scenario id from the path; "baseline" there needs its region, which only the region's paths give. */
export function scenarioReference(id: string): ScenarioReference {
  if (id === BASELINE_ID) throw new DomainError('scenario.baseline-by-region');
  return { kind: 'scenario', id };
}

/** The region a scenario (or the baseline) belongs to. */
export async function regionOfReference(database: Database, reference: ScenarioReference): Promise<string> {
  if (reference.kind === 'baseline') return reference.regionId;
  const { rows } = await database.query<{ regionId: string }>(sql.SCENARIO_HEAD, [reference.id]);
  if (rows.length === 0) throw new DomainError('scenario.not-found', { id: reference.id });
  return rows[0].regionId;
}

/**
 * The judging a query asks for on the region of a scenario (or the baseline), its walking reach on
 * the scenario's own facilities and paths.
 */
export async function judgingOf(
  database: Database,
  reference: ScenarioReference,
  query: Partial<JudgingQuery>,
): Promise<Judging> {
  if (reference.kind === 'baseline')
    return judgingFor(database, await regionScenarioBase(database, reference.regionId), query);
  const view = await scenarioView(database, reference, { snapshot: () => null });
  return judgingFor(database, view.base, query, view.layers);
}

/**
 * Reads a scenario's (or the baseline's) community geometry (GeoJSON text by id) with the version it
 * saw: the `readExtra` of a scenarioView.
 */
export function communityGeometryReader(database: Database, reference: ScenarioReference) {
  return async (regionId: string) => {
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
}

/** Reads a scenario's (or the baseline's) community reports and geometry, both of one version. */
export async function viewWithGeometry(database: Database, reference: ScenarioReference, judging: Judging) {
  return scenarioView(database, reference, {
    readExtra: communityGeometryReader(database, reference),
    snapshot: (evaluator) => ({
      reports: communityReports(evaluator, judging),
      regionRules: evaluator.judgeRegion(judging.context).results,
    }),
  });
}

/** Categories the tier table in force gives a tier: the coverage columns. */
export function coverageCategoriesOf(judging: Judging): string[] {
  return Object.entries(judging.tiers)
    .filter(([, minutes]) => minutes !== null)
    .map(([category]) => category);
}

/** Every community with metrics and rule results as GeoJSON text (geometry as stored). */
export async function communitiesGeoJson(
  database: Database,
  reference: ScenarioReference,
  query: Partial<JudgingQuery>,
): Promise<string> {
  const judging = await judgingOf(database, reference, query);
  const view = await viewWithGeometry(database, reference, judging);
  return communitiesFeatureCollection(view.snapshot.reports, view.extra, {
    scenario: { id: view.id, regionId: view.regionId, version: view.version },
    judgedWith: judging.judgedWith,
    coverageCategories: coverageCategoriesOf(judging),
    regionRules: view.snapshot.regionRules,
  });
}

/** The read-only baseline's summary. */
export async function baselineSummary(database: Database, regionId: string) {
  const base = await regionScenarioBase(database, regionId);
  return {
    id: BASELINE_ID as 'baseline',
    regionId,
    name: BASELINE_ID as 'baseline',
    readOnly: true as const,
    version: 1 as const,
    communityCount: base.baselineCommunities.length,
    unitCount: base.units.length,
  };
}

/**
 * What a client needs to run core's ScenarioEvaluator itself (the planner's screen evaluates while
 * painting): every unit's sums, area and perimeter (m², m in the region's metric SRID), unit adjacency
 * by unit index with the shared boundary in meters, the baseline community of each unit, the
 * facilities and streets, and the walking reach under the judging asked for, per requirement as a
 * bitset (base64, bit u of byte u>>3 LSB-first = unit u meets it). Units are in the server's order
 * (by id), which every index refers to.
 */
export async function unitAdjacency(database: Database, regionId: string, query: Partial<JudgingQuery>) {
  const base = await regionScenarioBase(database, regionId);
  return unitAdjacencyBody(base, await judgingFor(database, base, query));
}

/** Walking reach as a client reads it: per requirement a base64 bitset (bit u of byte u>>3, LSB first). */
function reachBitsets(reach: UnitReach | null, unitCount: number) {
  const bitset = (covered: Uint8Array) => {
    const bytes = new Uint8Array(Math.ceil(unitCount / 8));
    covered.forEach((flag, unit) => {
      if (flag) bytes[unit >> 3] |= 1 << (unit & 7);
    });
    return Buffer.from(bytes).toString('base64');
  };
  return (
    reach && {
      tiers: { ...reach.tiers },
      speedMetersPerSecond: reach.speedMetersPerSecond,
      requirements: reach.requirements,
      covered: reach.covered.map(bitset),
    }
  );
}

/**
 * A scenario's facilities (by the unit each stands in) and its walking reach under the judging asked
 * for: with the region's unit adjacency, what a client's own evaluator needs to judge that scenario.
 */
export async function scenarioReach(
  database: Database,
  reference: ScenarioReference,
  query: Partial<JudgingQuery>,
) {
  const judging = await judgingOf(database, reference, query);
  const view = await scenarioView(database, reference, {
    snapshot: (evaluator) => evaluator.facilities() ?? [],
  });
  return {
    scenario: { id: view.id, regionId: view.regionId, version: view.version },
    facilities: view.snapshot,
    reach: reachBitsets(judging.context.reach, view.base.units.length),
    judgedWith: judging.judgedWith,
  };
}

function unitAdjacencyBody(base: RegionScenarioBase, judging: Judging) {
  const { units, adjacency } = base;
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
    facilities: base.facilities,
    streets: base.streets,
    reach: reachBitsets(judging.context.reach, units.length),
    judgedWith: judging.judgedWith,
  };
}

/** A scenario's communities (their own attributes) and the community of each unit, by index into them. */
function stateSnapshot(evaluator: ScenarioEvaluator): {
  communities: CommunityRecord[];
  assignment: number[];
} {
  const communities = evaluator.communityIds().map((id) => evaluator.communityRecord(id));
  const indexById = new Map(communities.map((community, index) => [community.id, index]));
  return { communities, assignment: evaluator.communityIdsByUnit().map((id) => indexById.get(id)!) };
}

/** Every community's own attributes and each unit's community, at one version. */
export async function scenarioState(database: Database, reference: ScenarioReference) {
  const view = await scenarioView(database, reference, { snapshot: stateSnapshot });
  return { id: view.id, regionId: view.regionId, version: view.version, ...view.snapshot };
}

/** A scenario against the baseline (`with` = "baseline") or another scenario of its region. */
export async function compareWith(
  database: Database,
  reference: ScenarioReference,
  withId: string,
  query: Partial<JudgingQuery>,
) {
  const judging = await judgingOf(database, reference, query);
  const snapshot = (evaluator: ScenarioEvaluator) => comparisonSnapshot(evaluator, judging);
  const scenario = await scenarioView(database, reference, { snapshot });
  const otherReference = withId === BASELINE_ID ? baselineOf(scenario.regionId) : scenarioReference(withId);
  const other = await scenarioView(database, otherReference, { snapshot }).catch((error: unknown) => {
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
  const layers = compareLayers(scenario.base.facilityRecords, scenario.layers, other.layers);
  return {
    ...compareScenarios(scenario, other, judging),
    facilityChanges: layers.facilities.map((difference) => {
      const facility = (difference.scenario ?? difference.with)!;
      return {
        id: difference.id,
        change: difference.change,
        name: facility.name,
        category: facility.category,
        position: difference.scenario?.position ?? null,
        withPosition: difference.with?.position ?? null,
      };
    }),
    pathChanges: layers.paths.map((difference) => ({
      id: difference.id,
      change: difference.change,
      name: difference.path?.name ?? null,
    })),
  };
}
