/**
 * What the dashboard reads from the API beyond lib/api-types.ts: the baseline communities' metrics
 * (README "Scenarios": every metric of the evaluator next to the rule results).
 */
import type { CommunityMetrics } from '../../../../core/scenario/scenario-evaluator';
import type { ScenarioCommunityCollection, ScenarioCommunityProperties } from '../../lib/api-types';

/** The server sends the evaluator's metrics as they are (`{ ...metrics, nameEn, rules }`), so their type is core's. */
export type DashboardCommunityProperties = ScenarioCommunityProperties &
  Pick<
    CommunityMetrics,
    | 'serviceFloorAreaSquareMeters'
    | 'serviceFloorAreaPer100Households'
    | 'staff'
    | 'staffPer10kResidents'
    | 'coveredShareByCategory'
    | 'residentsOutsideBand'
    | 'householdsOutsideBand'
  >;

export interface DashboardCommunityCollection extends Omit<ScenarioCommunityCollection, 'features'> {
  features: { type: 'Feature'; geometry: unknown; properties: DashboardCommunityProperties }[];
}
