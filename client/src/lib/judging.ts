/**
 * What every judging request carries (rules, advice, comparisons, exports, the live evaluator's
 * reach): the region's stored profile or another one the planner judges by for comparison, the
 * walking speed and the tier overrides set in the accessibility panel, and the tool defaults the
 * planner changed. The API resolves the rest (contract/standards.ts judgingQuery).
 */
import { tiersParameter, type TierOverrides } from './api';
import type { StandardsProfileId, ToolSettings } from './standards';
import { WALK_SPEED_METERS_PER_SECOND } from './walking';

export interface Judging {
  /** The profile the region is stored with: every screen's default. */
  regionProfile: StandardsProfileId;
  /** Another profile asked for in its place (a comparison); null: the region's own. */
  profileOverride: StandardsProfileId | null;
  speedMetersPerSecond: number;
  /** Category → tier minutes changed from the standards' table. */
  tiers: TierOverrides;
  /** Tool defaults the planner changed (reach share, 毗邻 distance); empty: the tool's own. */
  settings: Partial<ToolSettings>;
}

/** The region's judging before the planner changes anything. */
export function defaultJudging(regionProfile: StandardsProfileId): Judging {
  return {
    regionProfile,
    profileOverride: null,
    speedMetersPerSecond: WALK_SPEED_METERS_PER_SECOND.adult,
    tiers: {},
    settings: {},
  };
}

/** The profile results are judged by. */
export function judgingProfile(judging: Judging): StandardsProfileId {
  return judging.profileOverride ?? judging.regionProfile;
}

/** Whether the planner judges by a profile other than the region's (said wherever results are shown). */
export function judgesByOtherProfile(judging: Judging): boolean {
  return judging.profileOverride !== null && judging.profileOverride !== judging.regionProfile;
}

/**
 * The query of a judging request. The profile is named only when it is not the region's, so the
 * answer says `profileFrom: "region"` and a link (an export) follows the region's stored profile.
 */
export function judgingQuery(judging: Judging): Record<string, string> {
  const query: Record<string, string> = { speedMetersPerSecond: String(judging.speedMetersPerSecond) };
  if (judgesByOtherProfile(judging)) query.profile = judging.profileOverride!;
  const tiers = tiersParameter(judging.tiers);
  if (tiers) query.tiers = tiers;
  if (judging.settings.reachShare !== undefined) query.reachShare = String(judging.settings.reachShare);
  if (judging.settings.adjacencyMeters !== undefined)
    query.adjacencyMeters = String(judging.settings.adjacencyMeters);
  return query;
}

/**
 * A cache key part naming a judging: the profile in force and whether it was asked for (so the
 * region's answer and a request's never share an entry), speed, tiers and settings.
 */
export function judgingKey(judging: Judging): readonly (string | number)[] {
  const query = judgingQuery(judging);
  return [
    judgingProfile(judging),
    query.profile ? 'request' : 'region',
    judging.speedMetersPerSecond,
    query.tiers ?? '',
    query.reachShare ?? '',
    query.adjacencyMeters ?? '',
  ];
}
