/**
 * Standards advice on a scenario (or the baseline): 村改社区 candidates and relocation-community
 * advice. Reads what core needs (the scenario's evaluator, service stations' units, the region's
 * walking model) and hands it to core/scenario/village-conversion.ts and relocation-advice.ts.
 */

import { DomainError } from '../domain-error.js';
import {
  modelStationTravel,
  relocationAdvice,
  SERVICE_STATION_CATEGORY,
  type StationTravel,
} from '../../../core/scenario/relocation-advice.js';
import {
  villageConversionReport,
  type ConversionTargetType,
} from '../../../core/scenario/village-conversion.js';
import { WALK_SPEED_METERS_PER_SECOND } from '../../../core/routing/walking-profiles.js';
import type { StandardsProfileId } from '../../../core/standards/profiles.js';
import { regionAccessibility } from '../accessibility/region-models.js';
import type { Database } from '../db/client.js';
import * as sql from '../db/sql/scenarios.sql.js';
import { regionScenarioBase } from './region-base.js';
import { scenarioView, type ScenarioReference } from './scenario-store.js';

/**
 * Longest walk counted from a relocated home to a service station, seconds: beyond an hour on foot
 * a station does not serve those residents, and the candidate's mean is left unknown.
 */
const MERGE_WALK_CUTOFF_SECONDS = 3600;

/** Every village tested for 村改社区, with what each would lack as a community of `asType`. */
export async function villageCandidates(
  database: Database,
  reference: ScenarioReference,
  profile: StandardsProfileId,
  asType: ConversionTargetType,
) {
  const view = await scenarioView(database, reference, {
    snapshot: (evaluator) => villageConversionReport(evaluator, profile, asType),
  });
  return {
    scenario: { id: view.id, regionId: view.regionId, version: view.version },
    as: asType,
    coverageCategories: view.base.coverage.categories,
    coverageNote: view.base.coverageNote,
    ...view.snapshot,
  };
}

async function regionOf(database: Database, reference: ScenarioReference): Promise<string> {
  if (reference.kind === 'baseline') return reference.regionId;
  const { rows } = await database.query<{ regionId: string }>(sql.SCENARIO_HEAD, [reference.id]);
  if (rows.length === 0) throw new DomainError('scenario.not-found', { id: reference.id });
  return rows[0].regionId;
}

/** Merge and split advice for every relocation community of a scenario under `profile`. */
export async function relocationAdviceOf(
  database: Database,
  reference: ScenarioReference,
  profile: StandardsProfileId,
) {
  const regionId = await regionOf(database, reference);
  const base = await regionScenarioBase(database, regionId);
  const { rows } = await database.query<{ facilities: string }>(sql.FACILITY_UNITS_OF_CATEGORY, [
    regionId,
    SERVICE_STATION_CATEGORY,
  ]);
  const stationUnits = new Map(JSON.parse(rows[0].facilities) as [string, string][]);
  let travel: StationTravel | null = null;
  let travelNote: string | null = null;
  try {
    const { model } = await regionAccessibility(database, regionId);
    travel = modelStationTravel(model, {
      speedMetersPerSecond: WALK_SPEED_METERS_PER_SECOND.adult,
      maxSeconds: MERGE_WALK_CUTOFF_SECONDS,
    });
  } catch (error) {
    // Without a walking network the advice still names the adjacent communities, unranked.
    travelNote = `no walking times: ${error instanceof Error ? error.message : String(error)}`;
  }
  const unitFigures = (unitId: string) => {
    const unit = base.units[base.unitIndexById.get(unitId)!];
    return { residents: unit.residents, households: unit.households };
  };
  // The snapshot runs on the evaluator of the version read, before any save can move it on.
  const view = await scenarioView(database, reference, {
    snapshot: (evaluator) =>
      relocationAdvice(evaluator, { profile, stationUnits, unitFigures, travel, travelNote }),
  });
  return {
    scenario: { id: view.id, regionId: view.regionId, version: view.version },
    walkCutoffSeconds: travel ? MERGE_WALK_CUTOFF_SECONDS : null,
    ...view.snapshot,
  };
}
