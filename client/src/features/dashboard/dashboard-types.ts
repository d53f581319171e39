/**
 * What the dashboard reads from the API beyond lib/api-types.ts: the baseline communities' metrics
 * (README "Scenarios": every metric of the evaluator next to the rule results).
 */
import type { ScenarioCommunityCollection, ScenarioCommunityProperties } from '../../lib/api-types';

export interface DashboardCommunityProperties extends ScenarioCommunityProperties {
  serviceFloorAreaSquareMeters: number | null;
  serviceFloorAreaPer100Households: number | null;
  staff: number | null;
  staffPer10kResidents: number | null;
  coveredShareByCategory: Record<string, number | null>;
  residentsOutsideBand: number;
  householdsOutsideBand: number;
}

export interface DashboardCommunityCollection extends Omit<ScenarioCommunityCollection, 'features'> {
  features: { type: 'Feature'; geometry: unknown; properties: DashboardCommunityProperties }[];
}
