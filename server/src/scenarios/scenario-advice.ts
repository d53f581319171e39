/**
 * Standards advice on a scenario (or the baseline): 村改社区 candidates and relocation-community
 * advice. Reads what core needs (the scenario's evaluator, service stations' units, the region's
 * walking model) under the judging asked for and hands it to core/scenario/village-conversion.ts and
 * relocation-advice.ts.
 */

import type { JudgingQuery } from '../../../contract/standards.js';
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
import type { Database } from '../db/client.js';
import { isDomainError } from '../domain-error.js';
import { layersModel } from './scenario-accessibility.js';
import { scenarioView, type ScenarioReference } from './scenario-store.js';
import { judgingOf } from './scenario-views.js';

/**
 * Longest walk counted from a relocated home to a service station, seconds: beyond an hour on foot
 * a station does not serve those residents, and the candidate's mean is left unknown.
 */
const MERGE_WALK_CUTOFF_SECONDS = 3600;

/**
 * Every village with its 村改居 classification (where the profile has the test) and what it would
 * lack as its target type: `asType` when given, else its own application, else urban.
 */
export async function villageCandidates(
  database: Database,
  reference: ScenarioReference,
  query: Partial<JudgingQuery>,
  asType: ConversionTargetType | undefined,
) {
  const judging = await judgingOf(database, reference, query);
  const view = await scenarioView(database, reference, {
    snapshot: (evaluator) => villageConversionReport(evaluator, judging.context, asType),
  });
  return {
    scenario: { id: view.id, regionId: view.regionId, version: view.version },
    as: asType ?? null,
    judgedWith: judging.judgedWith,
    ...view.snapshot,
  };
}

/** Merge and split advice for every relocation community of a scenario, walking at the speed in force. */
export async function relocationAdviceOf(
  database: Database,
  reference: ScenarioReference,
  query: Partial<JudgingQuery>,
) {
  const judging = await judgingOf(database, reference, query);
  const { profile } = judging.context;
  const { speedMetersPerSecond } = judging.judgedWith;
  // The scenario's own stations and paths (its layers), as its version holds them.
  const layered = await scenarioView(database, reference, {
    snapshot: (evaluator) => evaluator.facilities() ?? [],
  });
  const { base } = layered;
  let travel: StationTravel | null = null;
  let travelNote: string | null = null;
  try {
    const { model } = await layersModel(database, base, layered.layers);
    travel = modelStationTravel(model, { speedMetersPerSecond, maxSeconds: MERGE_WALK_CUTOFF_SECONDS });
  } catch (error) {
    // Without a walking network the advice still names the adjacent communities, unranked.
    if (!isDomainError(error, 'region.no-network')) throw error;
    travelNote = `no walking times: ${error.message}`;
  }
  const stationUnits = new Map(
    layered.snapshot
      .filter((facility) => facility.category === SERVICE_STATION_CATEGORY)
      .map((facility) => [facility.id, facility.unitId]),
  );
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
    judgedWith: judging.judgedWith,
    ...view.snapshot,
  };
}
