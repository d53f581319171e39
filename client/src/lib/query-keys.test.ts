import { describe, expect, it } from 'vitest';
import { isJudgingKey, queryKeys } from './query-keys';

const JUDGING = ['leshan', 'region', 1, '', '', ''] as const;

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
      queryKeys.unitAdjacency('demo', JUDGING),
      queryKeys.scenarios('demo'),
      queryKeys.scenarioState('demo', 's1'),
      queryKeys.scenarioCommunities('demo', 'baseline', null, JUDGING),
    ];
    for (const key of keys) expect(under(key, region), JSON.stringify(key)).toBe(true);
    expect(under(queryKeys.regionLayer('other', 'units'), region)).toBe(false);
  });

  it('keep the region list apart: an import into a region does not refit the map', () => {
    expect(under(queryKeys.regions(), region)).toBe(false);
  });

  it('put a scenario’s reads under its scope, with the saved version they read', () => {
    const atVersion = (version: number) => [
      queryKeys.scenarioCommunities('demo', 's1', version, JUDGING),
      queryKeys.scenarioComparison('demo', 's1', version, 'baseline', null, JUDGING),
      queryKeys.villageCandidates('demo', 's1', version, null, JUDGING),
      queryKeys.relocationAdvice('demo', 's1', version, JUDGING),
    ];
    for (const key of atVersion(2)) expect(under(key, scenario)).toBe(true);
    const before = atVersion(2).map((key) => JSON.stringify(key));
    for (const key of atVersion(3)) expect(before).not.toContain(JSON.stringify(key));
  });

  it('name the judgements a change of the region’s profile makes out of date, and nothing else', () => {
    const judging = [
      queryKeys.unitAdjacency('demo', JUDGING),
      queryKeys.scenarioCommunities('demo', 'baseline', null, JUDGING),
      queryKeys.scenarioComparison('demo', 's1', 2, 'baseline', null, JUDGING),
      queryKeys.villageCandidates('demo', 's1', 2, 'rural', JUDGING),
      queryKeys.relocationAdvice('demo', 'baseline', null, JUDGING),
    ];
    for (const key of judging) expect(isJudgingKey(key, 'demo'), JSON.stringify(key)).toBe(true);
    const others = [
      queryKeys.regionLayer('demo', 'communities'),
      queryKeys.coverage('demo', 1, {}),
      queryKeys.scenarios('demo'),
      queryKeys.scenarioState('demo', 's1'),
      queryKeys.scenarioCommunities('other', 'baseline', null, JUDGING),
      queryKeys.regions(),
    ];
    for (const key of others) expect(isJudgingKey(key, 'demo'), JSON.stringify(key)).toBe(false);
  });
});
