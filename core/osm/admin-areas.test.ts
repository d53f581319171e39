import { describe, expect, it } from 'vitest';
import {
  readAdminBoundaries,
  solveAdminFaces,
  type AdminRelation,
  type LocatedEvidence,
} from './admin-areas.js';
import { documentOf } from './test-documents.js';

const relation = (
  id: number,
  level: number,
  name: string,
  wayIds: number[],
  subareaIds: number[] = [],
): AdminRelation => ({
  id,
  level,
  name,
  aliases: [name],
  wayIds: new Set(wayIds),
  subareaIds,
});
const evidence = (relationId: number, face: number, strength: 'strong' | 'weak'): LocatedEvidence => ({
  relationId,
  face,
  strength,
  position: [0, 0],
  source: `test evidence for ${relationId}`,
});

describe('solveAdminFaces', () => {
  it('gives the far side of a shared boundary way to the neighbouring street', () => {
    const relations = [relation(1, 8, '花园街道', [100]), relation(2, 8, '东门街道', [100])];
    const solution = solveAdminFaces(2, [{ faces: [0, 1], wayIds: [100] }], relations, [
      evidence(1, 0, 'strong'),
    ]);
    expect(solution.streetByFace).toEqual([1, 2]);
    expect([...solution.statusByRelation]).toEqual([
      [1, 'in-extract'],
      [2, 'in-extract'],
    ]);
    expect(solution.conflicts).toEqual([]);
  });

  it('places a township through its parent when only an address anchors the other side', () => {
    // The Shenzhen–Dongguan line: 凤岗镇 is a subarea of 东莞市, and an address says face 0 is 深圳市.
    const relations = [
      relation(5, 5, '东莞市', [100], [8]),
      relation(6, 5, '深圳市', [100]),
      relation(7, 6, '龙岗区', [100]),
      relation(8, 8, '凤岗镇', [100]),
    ];
    const solution = solveAdminFaces(2, [{ faces: [0, 1], wayIds: [100] }], relations, [
      evidence(6, 0, 'weak'),
    ]);
    expect(solution.streetByFace).toEqual([null, 8]);
    expect(solution.statusByRelation.get(8)).toBe('in-extract');
  });

  it('leaves a street undecided, never guessed, when nothing anchors it', () => {
    const relations = [relation(5, 5, '东莞市', [100], [8]), relation(8, 8, '凤岗镇', [100])];
    const solution = solveAdminFaces(2, [{ faces: [0, 1], wayIds: [100] }], relations, []);
    expect(solution.streetByFace).toEqual([null, null]);
    expect(solution.statusByRelation.get(8)).toBe('undecided');
  });

  it('lets a weak admin_centre fill gaps only: a township seated in the city street does not take it', () => {
    const relations = [
      relation(1, 8, '东门街道', [100]),
      relation(2, 8, '花园街道', [100, 101]),
      relation(3, 8, '滨江镇', [101]),
    ];
    const adjacency = [
      { faces: [0, 1] as [number, number], wayIds: [100] },
      { faces: [1, 2] as [number, number], wayIds: [101] },
    ];
    const solution = solveAdminFaces(3, adjacency, relations, [
      evidence(1, 0, 'strong'),
      evidence(3, 0, 'weak'),
    ]);
    expect(solution.streetByFace).toEqual([1, 2, 3]);
    expect(solution.conflicts).toEqual([]);
  });

  it('finds a street that only touches the file outside the box, and reports contradicting labels', () => {
    const relations = [relation(1, 8, 'A', [100]), relation(2, 8, 'B', [100]), relation(3, 8, 'C', [])];
    const outside = solveAdminFaces(2, [{ faces: [0, 1], wayIds: [100] }], relations, [
      evidence(1, 0, 'strong'),
      evidence(2, 1, 'strong'),
    ]);
    expect(outside.statusByRelation.get(3)).toBe('outside-extract');
    const contradicted = solveAdminFaces(2, [{ faces: [0, 1], wayIds: [100] }], relations, [
      evidence(1, 0, 'strong'),
      evidence(2, 0, 'strong'),
    ]);
    expect(contradicted.conflicts.length).toBeGreaterThan(0);
  });
});

describe('readAdminBoundaries', () => {
  const document = documentOf({
    nodes: [
      [1, 0, 0],
      [2, 1, 0],
      [4, 3, 0],
      [5, 4, 0],
      [9, 1, 1, { place: 'town', name: '花园街道' }],
      [10, 2, 2, { amenity: 'school', 'addr:district': '龙岗区' }],
      [11, 3, 3],
    ],
    ways: [[100, [1, 2, 3, 4, 5], { boundary: 'administrative', admin_level: '8' }]],
    relations: [
      [
        200,
        [
          { type: 'way', ref: 100, role: 'outer' },
          { type: 'node', ref: 11, role: 'admin_centre' },
        ],
        { boundary: 'administrative', admin_level: '8', name: '花园街道', type: 'boundary' },
      ],
      [
        201,
        [{ type: 'way', ref: 100, role: 'outer' }],
        {
          boundary: 'administrative',
          admin_level: '6',
          name: '龙岗区 (Longgang)',
          'name:zh': '龙岗区',
          type: 'boundary',
        },
      ],
    ],
  });
  const boundaries = readAdminBoundaries(document);

  it('reads every boundary relation with its level, name and ways', () => {
    expect(boundaries.relations.map(({ id, level, name }) => ({ id, level, name }))).toEqual([
      { id: 200, level: 8, name: '花园街道' },
      { id: 201, level: 6, name: '龙岗区' },
    ]);
  });

  it('cuts street boundary ways at nodes missing from the file', () => {
    expect(boundaries.lines.map((line) => [line.wayId, line.coordinates.length])).toEqual([
      [100, 2],
      [100, 2],
    ]);
  });

  it('collects place names and labels as strong evidence, admin centres and addresses as weak', () => {
    expect(
      boundaries.evidence.map(({ relationId, source, strength }) => ({ relationId, source, strength })),
    ).toEqual([
      { relationId: 200, source: 'admin_centre node 11', strength: 'weak' },
      { relationId: 200, source: 'place=town node 9 of that name', strength: 'strong' },
      { relationId: 201, source: 'addr:district=龙岗区 on node 10', strength: 'weak' },
    ]);
  });
});
