/**
 * A scenario's walking model: its region's (region-models.ts) with the scenario's facilities, paths
 * and communities. Only facilities changed: the region's network, snaps and grids with the
 * scenario's facilities laid over them (milliseconds). Paths added or closed: the network is built
 * anew (core/network/path-edits.ts) once per set of path changes. Both are cached on the scenario's
 * layers (scenario-layers.ts), whose parts keep their identity across saves that leave them alone,
 * so a boundary edit costs nothing here and a facility edit never rebuilds the network. The
 * region's own model and caches are never changed.
 */

import { buildAccessibilityModel } from '../../../core/accessibility/accessibility-model.js';
import type { AccessibilityModel, FacilityInput } from '../../../core/accessibility/accessibility-types.js';
import { withCommunities, withFacilities } from '../../../core/accessibility/model-overlays.js';
import { computeUnitReach } from '../../../core/accessibility/unit-reach.js';
import { PathNetwork } from '../../../core/network/path-edits.js';
import {
  effectiveFacilities,
  hasFacilityChanges,
  hasPathChanges,
  type FacilityRecord,
  type PathOverlay,
  type ScenarioLayers,
} from '../../../core/scenario/scenario-layers.js';
import { reachContextKey, type ReachRequirement, type TierTable } from '../../../core/standards/reach.js';
import { regionAccessibility, type RegionAccessibility } from '../accessibility/region-models.js';
import type { Database } from '../db/client.js';
import { DomainError, isDomainError } from '../domain-error.js';
import type { ReachAnswer, RegionScenarioBase } from './region-base.js';
import { scenarioView, type ScenarioReference } from './scenario-store.js';

/** What the accessibility analyses read: a model, the extent points are checked against, and whose it is. */
export interface AccessibilityView {
  regionId: string;
  model: AccessibilityModel;
  extent: [number, number, number, number];
  /** The scenario and version the model describes; null for the region's own. */
  scenario: { id: string; version: number } | null;
  /** The region (for its unit figures, network input and extent). */
  region: RegionAccessibility;
  /** Every facility of the model as the scenario holds it (name, capacity…), by id. */
  facilityRecords: ReadonlyMap<string, FacilityRecord>;
}

interface LayersModel {
  region: RegionAccessibility;
  model: AccessibilityModel;
}

/** Networks rebuilt for a set of path changes, on the region model they were built from. */
const networkModels = new WeakMap<PathOverlay, LayersModel>();
/** Models of a scenario's layers (network and facilities), on their region model. */
const layerModels = new WeakMap<ScenarioLayers, LayersModel>();
/** Reach sets of a scenario's layers by tier table, speed and requirements (as region-base's). */
const layerReach = new WeakMap<
  ScenarioLayers,
  { region: RegionAccessibility; cache: Map<string, ReachAnswer> }
>();
const MAX_CACHED_REACH = 8;

/** The region's network with a scenario's path changes (closures first, then paths in order). */
function networkModelOf(region: RegionAccessibility, paths: PathOverlay): AccessibilityModel {
  const cached = networkModels.get(paths);
  if (cached && cached.region === region) return cached.model;
  const network = new PathNetwork(region.input.network, region.model.snapIndex);
  // Edges a re-import removed since are gone already.
  for (const edgeId of paths.closedEdgeIds) if (network.isEdge(edgeId)) network.close(edgeId);
  // A path that meets nothing any more (what it met was closed later) stays out of the network.
  for (const path of paths.added) network.add(path);
  const { network: built } = network.build();
  if (built.source.length === 0) throw new DomainError('region.no-network', { regionId: region.regionId });
  const model = buildAccessibilityModel({ ...region.input, network: built });
  networkModels.set(paths, { region, model });
  return model;
}

/**
 * The model of a region with a scenario's layers (communities as the region's). The region's own
 * model when the layers change nothing. Throws `region.no-network` for a region without a network.
 */
export async function layersModel(
  database: Database,
  base: RegionScenarioBase,
  layers: ScenarioLayers,
): Promise<LayersModel> {
  const region = await regionAccessibility(database, base.regionId);
  if (!hasFacilityChanges(layers) && !hasPathChanges(layers)) return { region, model: region.model };
  const cached = layerModels.get(layers);
  if (cached && cached.region === region) return cached;
  let model = hasPathChanges(layers) ? networkModelOf(region, layers.paths) : region.model;
  if (hasFacilityChanges(layers)) {
    const facilities = effectiveFacilities(base.facilityRecords, layers.facilities).map(
      ({ id, category, position }): FacilityInput => ({ id, category, position }),
    );
    model = withFacilities(model, facilities);
  }
  const entry = { region, model };
  layerModels.set(layers, entry);
  return entry;
}

/**
 * Which units meet `requirements` on a scenario's layers, in the base's unit order: the region's
 * (shared by every scenario) when the layers change nothing, else computed on the scenario's model
 * and kept on its layers for the next request.
 */
export async function layersReach(
  database: Database,
  base: RegionScenarioBase,
  layers: ScenarioLayers,
  requirements: readonly ReachRequirement[],
  tiers: TierTable,
  speedMetersPerSecond: number,
): Promise<ReachAnswer> {
  if (!hasFacilityChanges(layers) && !hasPathChanges(layers))
    return base.unitReach(requirements, tiers, speedMetersPerSecond);
  let models;
  try {
    models = await layersModel(database, base, layers);
  } catch (error) {
    if (isDomainError(error, 'region.no-network')) return { reach: null, note: error.message };
    throw error;
  }
  let entry = layerReach.get(layers);
  if (!entry || entry.region !== models.region)
    layerReach.set(layers, (entry = { region: models.region, cache: new Map() }));
  const key = `${reachContextKey({ tiers, speedMetersPerSecond })}|${requirements.map((requirement) => requirement.key).join(';')}`;
  let answer = entry.cache.get(key);
  if (!answer) {
    answer = {
      reach: computeUnitReach(models.model, {
        tiers,
        speedMetersPerSecond,
        requirements,
        unitIds: base.units.map((unit) => unit.id),
      }),
      note: null,
    };
    while (entry.cache.size >= MAX_CACHED_REACH) entry.cache.delete(entry.cache.keys().next().value!);
    entry.cache.set(key, answer);
  }
  return answer;
}

/**
 * A scenario's (or the region's) model for the accessibility analyses: its layers and its
 * communities, at the version read. Throws `scenario.not-found`, `region.not-found`, `region.no-network`.
 */
export async function accessibilityView(
  database: Database,
  reference: ScenarioReference,
): Promise<AccessibilityView> {
  const view = await scenarioView(database, reference, {
    snapshot: (evaluator) => ({
      communities: evaluator.communityIds().map((id) => ({ id, name: evaluator.communityRecord(id).name })),
      unitCommunities: evaluator.communityIdsByUnit(),
      unitIds: evaluator.unitIds(),
    }),
  });
  const { region, model } = await layersModel(database, view.base, view.layers);
  const records = effectiveFacilities(view.base.facilityRecords, view.layers.facilities);
  const facilityRecords = new Map(records.map((record) => [record.id, record]));
  const common = { regionId: region.regionId, extent: region.extent, region, facilityRecords };
  if (reference.kind === 'baseline') return { ...common, model, scenario: null };
  const { communities, unitCommunities, unitIds } = view.snapshot;
  // The evaluator and the model both list units by id as the database orders them.
  if (unitIds.length !== model.units.length || unitIds.some((id, index) => model.units[index].id !== id))
    throw new Error(`scenario ${view.id}: its units are not the walking model's`);
  return {
    ...common,
    model: withCommunities(model, communities, unitCommunities),
    scenario: { id: view.id, version: view.version },
  };
}
