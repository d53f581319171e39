/**
 * The judging every screen uses (lib/judging.ts): the region's stored profile unless the planner
 * judges by another one for comparison, and the walking speed and tier overrides of the
 * accessibility panel. Storing a new profile for the region (PATCH) updates the region and drops
 * every cached judgement of it.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { updateRegion, type TierOverrides } from '../../lib/api';
import type { Region } from '../../lib/api-types';
import { defaultJudging, type Judging } from '../../lib/judging';
import { reportError } from '../../lib/notices';
import { isJudgingKey, queryKeys } from '../../lib/query-keys';
import type { StandardsProfileId } from '../../lib/standards';

export interface JudgingState {
  /** Null until a region is on screen. */
  judging: Judging | null;
  region: Region | null;
  /** Judge by another profile (a comparison); null or the region's own: back to the region's. */
  setProfileOverride: (profile: StandardsProfileId | null) => void;
  /** Store a profile as the region's own (every screen's, export's and print's default). */
  storeProfile: (profile: StandardsProfileId) => Promise<boolean>;
  storing: boolean;
}

/**
 * @param region the region on screen
 * @param speedMetersPerSecond the accessibility panel's speed (null while a custom speed is invalid:
 *   the last valid one stays in force)
 * @param tiers the accessibility panel's tier overrides
 */
export function useJudging(
  region: Region | null,
  speedMetersPerSecond: number | null,
  tiers: TierOverrides,
): JudgingState {
  const queryClient = useQueryClient();
  const [override, setOverride] = useState<{ regionId: string; profile: StandardsProfileId } | null>(null);
  const [storing, setStoring] = useState(false);
  const lastSpeed = useRef<number | null>(null);
  useEffect(() => {
    if (speedMetersPerSecond !== null) lastSpeed.current = speedMetersPerSecond;
  }, [speedMetersPerSecond]);
  const speed = speedMetersPerSecond ?? lastSpeed.current;

  const regionId = region?.id ?? null;
  const regionProfile = region?.profile ?? null;
  // An override belongs to the region it was chosen on, and means nothing once it is the region's own.
  const profileOverride =
    override && override.regionId === regionId && override.profile !== regionProfile
      ? override.profile
      : null;

  const judging = useMemo((): Judging | null => {
    if (!regionProfile) return null;
    const base = defaultJudging(regionProfile);
    return {
      ...base,
      profileOverride,
      speedMetersPerSecond: speed ?? base.speedMetersPerSecond,
      tiers,
    };
  }, [regionProfile, profileOverride, speed, tiers]);

  const setProfileOverride = useCallback(
    (profile: StandardsProfileId | null) => setOverride(profile && regionId ? { regionId, profile } : null),
    [regionId],
  );

  const storeProfile = useCallback(
    async (profile: StandardsProfileId) => {
      if (!regionId) return false;
      setStoring(true);
      const stored = await updateRegion(regionId, { profile });
      setStoring(false);
      if (!stored.ok) {
        reportError(stored.error);
        return false;
      }
      queryClient.setQueryData<Region[]>(queryKeys.regions(), (regions) =>
        regions?.map((candidate) => (candidate.id === regionId ? stored.data : candidate)),
      );
      setOverride(null);
      // Every judgement read under the region's profile is out of date.
      await queryClient.invalidateQueries({ predicate: (query) => isJudgingKey(query.queryKey, regionId) });
      return true;
    },
    [queryClient, regionId],
  );

  return { judging, region, setProfileOverride, storeProfile, storing };
}
