import { describe, expect, it } from 'vitest';
import { editsWithout, mergedSaves, rebaseConflicts, savesSince, withRefused } from './save-rebase';
import type { ScenarioEdit } from './scenario-core';

const rename = (communityId: string, name: string): ScenarioEdit => ({
  op: 'update',
  communityId,
  changes: { name },
});
const log = [
  { version: 3, author: 'li', createdAt: '2026-12-07T03:03:00.000Z', edits: [rename('c2', '乙')] },
  { version: 2, author: 'zhang', createdAt: '2026-12-07T03:02:00.000Z', edits: [rename('c1', '甲')] },
  { version: 4, author: null, createdAt: '2026-12-07T03:04:00.000Z', edits: [rename('c1', '丙')] },
];

describe('a save rebased after someone saved first', () => {
  it('reads the saves since the edits’ version from the edit log, oldest first', () => {
    const base = savesSince({ version: 4, edits: log }, 2);
    expect(base.baseVersion).toBe(2);
    expect(base.currentVersion).toBe(4);
    expect(base.saves.map((save) => [save.version, save.author])).toEqual([
      [3, 'li'],
      [4, null],
    ]);
  });

  it('replays edits that touch nothing the saves since touched, and names the ones that do', () => {
    const base = savesSince({ version: 4, edits: log }, 2);
    // c1 was renamed in version 2 (before the base) and 4; c3 by no one since.
    expect(rebaseConflicts([rename('c3', '丁')], base)).toEqual([]);
    const conflicts = rebaseConflicts([rename('c3', '丁'), rename('c1', '戊'), rename('c2', '己')], base);
    expect(conflicts.map((conflict) => [conflict.index, conflict.saves.map((save) => save.version)])).toEqual(
      [
        [1, [4]],
        [2, [3]],
      ],
    );
    expect(editsWithout(['a', 'b', 'c'], conflicts)).toEqual(['a']);
  });

  it('adds an edit the current version refused to the conflicts, with every save since', () => {
    const base = savesSince({ version: 4, edits: log }, 2);
    const refused = withRefused([], 0, base);
    expect(refused).toEqual([
      {
        index: 0,
        saves: [
          { version: 3, author: 'li', createdAt: log[0].createdAt, objects: [] },
          { version: 4, author: null, createdAt: log[2].createdAt, objects: [] },
        ],
      },
    ]);
    expect(editsWithout(['a', 'b'], refused)).toEqual(['b']);
  });

  it('words the merged saves: each author once, every version', () => {
    expect(
      mergedSaves([
        { version: 3, author: 'li' },
        { version: 4, author: 'li' },
        { version: 5, author: 'wang' },
      ]),
    ).toEqual({ authors: ['li', 'wang'], versions: [3, 4, 5] });
  });
});
