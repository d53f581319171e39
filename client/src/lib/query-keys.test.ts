import { describe, expect, it } from 'vitest';
import { queryKeys } from './query-keys';

/** Whether `key` falls under `scope` (TanStack Query's partial matching of array keys). */
function under(key: readonly unknown[], scope: readonly unknown[]): boolean {
  return scope.every((part, index) => part === key[index]);
}

describe('query keys', () => {
  const region = queryKeys.regionScope('demo');
  const scenario = queryKeys.scenarioScope('demo', 's1');

  it('put every read about a region under its scope, so an import drops them all', () => {
    const keys = [
      queryKeys.regionLayer('demo', 'units'),
      queryKeys.coverage('demo', 1, {}),
      queryKeys.heatmap('demo', { kind: 'completeness', speedMetersPerSecond: 1, cellMeters: 100 }),
      queryKeys.isochrones('demo', {
        minutes: [5],
        speedMetersPerSecond: 1,
        mode: 'rings',
        origins: [[0, 0]],
      }),
      queryKeys.unitAdjacency('demo'),
      queryKeys.scenarios('demo'),
      queryKeys.scenarioState('demo', 's1'),
      queryKeys.scenarioCommunities('demo', 'baseline', 'leshan', null),
    ];
    for (const key of keys) expect(under(key, region), JSON.stringify(key)).toBe(true);
    expect(under(queryKeys.regionLayer('other', 'units'), region)).toBe(false);
  });

  it('keep the region list apart: an import into a region does not refit the map', () => {
    expect(under(queryKeys.regions(), region)).toBe(false);
  });

  it('put a scenario’s reads under its scope, with the saved version they read', () => {
    const atVersion = (version: number) => [
      queryKeys.scenarioCommunities('demo', 's1', 'leshan', version),
      queryKeys.scenarioComparison('demo', 's1', version, 'baseline', null, 'leshan'),
      queryKeys.villageCandidates('demo', 's1', version, 'leshan', 'urban'),
      queryKeys.relocationAdvice('demo', 's1', version, 'leshan'),
    ];
    for (const key of atVersion(2)) expect(under(key, scenario)).toBe(true);
    const before = atVersion(2).map((key) => JSON.stringify(key));
    for (const key of atVersion(3)) expect(before).not.toContain(JSON.stringify(key));
  });
});
