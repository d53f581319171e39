/**
 * What the dashboard reads: the baseline communities with every metric and rule result, as the
 * contract gives them (contract/scenarios.ts communitiesCollectionSchema).
 */
import type { ScenarioCommunityCollection, ScenarioCommunityProperties } from '../../lib/api-types';

export type DashboardCommunityProperties = ScenarioCommunityProperties;
export type DashboardCommunityCollection = ScenarioCommunityCollection;
