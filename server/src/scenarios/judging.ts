/**
 * What a community is judged with, resolved for one request: the standards profile (the one asked
 * for, else the region's stored one), the tier table (GB 50180's and the tool's defaults with the
 * request's overrides), the walking speed, the tool settings (reach share, 毗邻 distance), and the
 * walking reach computed with exactly those — so every reach figure, rule and advice follows the
 * table and speed in force.
 */

import type { JudgedWith, JudgingQuery } from '../../../contract/standards.js';
import { defaultTierTable } from '../../../core/accessibility/coverage.js';
import { WALK_SPEED_METERS_PER_SECOND } from '../../../core/routing/walking-profiles.js';
import type { JudgeContext } from '../../../core/scenario/scenario-evaluator.js';
import { NO_LAYER_CHANGES, type ScenarioLayers } from '../../../core/scenario/scenario-layers.js';
import type { StandardsProfileId } from '../../../core/standards/profiles.js';
import type { TierTable } from '../../../core/standards/reach.js';
import { reachRequirementsOf } from '../../../core/standards/rules.js';
import { TOOL_DEFAULTS, type ToolSettings } from '../../../core/standards/tool-defaults.js';
import type { Database } from '../db/client.js';
import * as sql from '../db/sql/scenarios.sql.js';
import { DomainError } from '../domain-error.js';
import type { RegionScenarioBase } from './region-base.js';
import { layersReach } from './scenario-accessibility.js';

export interface Judging {
  context: JudgeContext;
  judgedWith: JudgedWith;
  tiers: TierTable;
  settings: ToolSettings;
}

/** The profile region `regionId` is judged by when a request names none. */
export async function regionProfile(database: Database, regionId: string): Promise<StandardsProfileId> {
  const { rows } = await database.query<{ profile: StandardsProfileId }>(sql.REGION_PROFILE, [regionId]);
  if (rows.length === 0) throw new DomainError('region.not-found', { regionId });
  return rows[0].profile;
}

/** The tier table in force: the defaults with the request's overrides. */
export function tierTableOf(overrides: Readonly<Record<string, number>> = {}): TierTable {
  return { ...defaultTierTable(), ...overrides };
}

/**
 * Resolves a judging query against the region: profile, tiers, speed, settings and the walking reach
 * — on the scenario's facilities and paths when `layers` change them.
 */
export async function judgingFor(
  database: Database,
  base: RegionScenarioBase,
  query: Partial<JudgingQuery>,
  layers: ScenarioLayers = NO_LAYER_CHANGES,
): Promise<Judging> {
  const profile = query.profile ?? (await regionProfile(database, base.regionId));
  const tiers = tierTableOf(query.tiers);
  const speedMetersPerSecond = query.speedMetersPerSecond ?? WALK_SPEED_METERS_PER_SECOND.adult;
  const settings: ToolSettings = {
    reachShare: query.reachShare ?? TOOL_DEFAULTS.reachShare,
    adjacencyMeters: query.adjacencyMeters ?? TOOL_DEFAULTS.adjacencyMeters,
  };
  const requirements = reachRequirementsOf(profile, tiers, { withCategories: true });
  const { reach, note } = await layersReach(
    database,
    base,
    layers,
    requirements,
    tiers,
    speedMetersPerSecond,
  );
  return {
    context: { profile, reach, settings },
    tiers,
    settings,
    judgedWith: {
      profile,
      profileFrom: query.profile ? 'request' : 'region',
      speedMetersPerSecond,
      tiers: { ...tiers },
      settings,
      reachNote: note,
    },
  };
}
