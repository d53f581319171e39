/**
 * Siting on the region's facilities (the baseline) or a scenario's own: candidates from its walking
 * network (core/siting/siting-candidates.ts), who each covers within the tier with the facilities of
 * the category kept (siting-coverage.ts), and the maximal covering location problem solved with a
 * bound (maximal-covering.ts), HiGHS closing small problems exactly. The answer carries the
 * `add-facility` edits a client saves as they are.
 */

import loadHighs from 'highs';
import type { SitingBody } from '../../../contract/siting.js';
import { defaultTierTable } from '../../../core/accessibility/coverage.js';
import { demandGroupOf, demandRule } from '../../../core/accessibility/demand-groups.js';
import { siteFacilities, type MilpSolver } from '../../../core/siting/maximal-covering.js';
import {
  gridCandidates,
  networkNodeCandidates,
  pointCandidates,
  type SitingCandidates,
} from '../../../core/siting/siting-candidates.js';
import { buildNetworkSitingInput } from '../../../core/siting/siting-coverage.js';
import type { ScenarioEdit } from '../../../core/scenario/scenario-edit-schema.js';
import { FACILITY_CATEGORIES } from '../../../core/standards/facility-categories.js';
import type { Database } from '../db/client.js';
import { DomainError } from '../domain-error.js';
import { accessibilityView } from '../scenarios/scenario-accessibility.js';
import type { ScenarioReference } from '../scenarios/scenario-store.js';
import { checkPositions } from './region-checks.js';
import { demandOfUnits } from './service-areas.js';

/** The MILP engine, loaded (WebAssembly) on first use and kept. */
let highs: Promise<MilpSolver> | null = null;
function milpSolver(): Promise<MilpSolver> {
  highs ??= loadHighs().then((loaded) => loaded as unknown as MilpSolver);
  highs.catch(() => {
    highs = null;
  });
  return highs;
}

const round = (value: number) => Math.round(value * 100) / 100;

/** The k sites that cover the most demand within the tier, on a scenario (or the baseline). */
export async function sitingOf(database: Database, reference: ScenarioReference, body: SitingBody) {
  const view = await accessibilityView(database, reference);
  const { model } = view;
  const { category, count, speedMetersPerSecond, keepExisting } = body;
  const tierMinutes = body.minutes ?? defaultTierTable()[category] ?? null;
  if (tierMinutes === null) throw new DomainError('siting.no-tier', { category });
  const demandGroup = body.demand ?? demandGroupOf(category);

  let candidates: SitingCandidates;
  let kind: 'network' | 'grid' | 'points';
  let leftOut: number[] = [];
  if (body.candidates === 'network') {
    kind = 'network';
    candidates = networkNodeCandidates(model);
  } else if (body.candidates === 'grid') {
    kind = 'grid';
    candidates = gridCandidates(model, body.cellMeters);
  } else {
    kind = 'points';
    checkPositions(body.candidates, view.extent, view.regionId, (index) => `candidates[${index}]`);
    candidates = pointCandidates(model, body.candidates);
    const kept = new Set(candidates.sourceIndex);
    leftOut = body.candidates.flatMap((_, index) => (kept.has(index) ? [] : [index]));
  }
  if (candidates.edge.length === 0)
    throw new DomainError('siting.no-candidates', { meters: model.maxAccessWalkMeters });

  const existingIndexes = keepExisting ? (model.facilityIndexesByCategory.get(category) ?? []) : [];
  const input = buildNetworkSitingInput(model, {
    demandByUnit: demandOfUnits(view, demandGroup),
    candidates,
    tierMinutes,
    speedMetersPerSecond,
    existing: existingIndexes.map((index) => model.facilitySnaps[index]),
  });
  const result = siteFacilities(input, {
    count,
    capacity: body.capacity ?? null,
    milp: { solver: await milpSolver() },
  });

  const nameZh = FACILITY_CATEGORIES[category].nameZh;
  let covered = result.coveredBefore;
  const sites = result.sites.map((site, index) => {
    const position = candidates.positions[site.candidate];
    const source = candidates.sourceIndex[site.candidate];
    const coveredBefore = covered;
    covered += site.gainWeight;
    return {
      rank: index + 1,
      position: [position[0], position[1]] as [number, number],
      candidate:
        kind === 'network'
          ? { kind: 'node' as const, nodeId: model.graph.nodeIds[source] }
          : kind === 'grid'
            ? { kind: 'cell' as const }
            : { kind: 'point' as const, index: source },
      gain: round(site.gainWeight),
      served: round(site.servedWeight),
      coveredBefore: round(coveredBefore),
      coveredAfter: round(covered),
    };
  });
  const edits: ScenarioEdit[] = sites.map((site) => ({
    op: 'add-facility',
    facility: {
      name: `新${nameZh}（选址 ${site.rank}）`,
      category,
      position: site.position,
      ...(body.capacity !== undefined ? { capacity: Math.round(body.capacity) } : {}),
    },
  }));
  return {
    scenario: view.scenario
      ? { id: view.scenario.id, regionId: view.regionId, version: view.scenario.version }
      : { id: 'baseline', regionId: view.regionId, version: 1 },
    category,
    tierMinutes,
    speedMetersPerSecond,
    demandGroup,
    demandRule: demandRule(demandGroup),
    capacity: body.capacity ?? null,
    keepExisting,
    existingFacilities: existingIndexes.length,
    candidates: { kind, considered: candidates.edge.length, leftOut },
    sites,
    demand: {
      total: round(result.demandTotal),
      coveredBefore: round(result.coveredBefore),
      coveredAfter: round(result.coveredAfter),
      uncovered: round(result.uncovered),
      upperBound: round(result.upperBound),
      gap: round(result.gap),
      relativeGap: Math.round(result.relativeGap * 1e6) / 1e6,
      provedOptimal: result.provedOptimal,
      engine: result.engine,
    },
    edits,
    reduced: result.reduced,
  };
}
