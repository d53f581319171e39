/**
 * A minimal population unit for the accessibility tests: only what the row and estimate helpers read
 * (id, community, residents, access point, estimated flag) varies; the rest is neutral.
 */
import type { Position, UnitFeature } from '../../lib/api-types';

/** A block unit with `residents` people at `accessPoint` ([lng, lat], default [0, 0]). */
export function unitFixture(
  id: string,
  residents: number,
  options: { communityId?: string; accessPoint?: Position; estimated?: boolean } = {},
): UnitFeature {
  const communityId = options.communityId ?? 'c-a';
  return {
    type: 'Feature',
    id,
    geometry: { type: 'MultiPolygon', coordinates: [] },
    properties: {
      id,
      name: id,
      kind: 'block',
      communityId,
      communityName: communityId,
      residents,
      households: 0,
      elderly: null,
      children: null,
      accessPoint: options.accessPoint ?? [0, 0],
      estimated: options.estimated ?? false,
    },
  };
}
