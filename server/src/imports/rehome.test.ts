import { describe, expect, it } from 'vitest';
import { ProblemLog } from '../../../core/import/import-problems.js';
import { NEAREST_TOLERANCE_METERS } from './find-parents.js';
import { judgeRehoming } from './rehome.js';

describe('judgeRehoming', () => {
  it('moves each child to the new parent it lies in or overlaps, or to the nearest within the tolerance', () => {
    const log = new ProblemLog('communities');
    const moves = judgeRehoming(
      [
        { childId: 'u-1', to: 'c-new', how: 'inside', meters: null },
        { childId: 'u-2', to: 'c-new', how: 'overlap', meters: null },
        { childId: 'u-3', to: 'c-near', how: 'nearest', meters: NEAREST_TOLERANCE_METERS - 0.05 },
      ],
      'unit',
      'community',
      log,
    );
    expect(moves).toEqual([
      { childId: 'u-1', to: 'c-new' },
      { childId: 'u-2', to: 'c-new' },
      { childId: 'u-3', to: 'c-near' },
    ]);
    expect(log.problems).toHaveLength(1);
    expect(log.problems[0]).toMatchObject({
      severity: 'warning',
      code: 'derived',
      message:
        'unit "u-3" (in the region): lies in no community of the new layer: given the nearest, c-near, 50.0 m away',
      messageZh: '区域中的人口单元“u-3”：不在新图层的任何社区内：已归入最近的 c-near，相距 50.0 米',
    });
  });

  it('refuses a child no new parent covers, naming the nearest when there is one', () => {
    const log = new ProblemLog('streets');
    const moves = judgeRehoming(
      [
        { childId: 'c-far', to: 's-1', how: 'nearest', meters: 812.4 },
        { childId: 's/c-x', to: null, how: null, meters: null },
      ],
      'scenario community',
      'street',
      log,
    );
    expect(moves).toEqual([]);
    expect(log.problems.map((problem) => [problem.severity, problem.code, problem.message])).toEqual([
      [
        'error',
        'no-parent',
        'scenario community "c-far" (in the region): lies in no street of the new layer (the nearest, s-1, is 812 m away): the new layer must cover every scenario community of the region',
      ],
      [
        'error',
        'no-parent',
        'scenario community "s/c-x" (in the region): lies in no street of the new layer: the new layer must cover every scenario community of the region',
      ],
    ]);
  });
});
