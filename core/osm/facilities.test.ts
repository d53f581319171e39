import { describe, expect, it } from 'vitest';
import { extractFacilities } from './facilities.js';
import { documentOf, squareNodes } from './test-documents.js';

describe('extractFacilities', () => {
  const document = documentOf({
    nodes: [
      [1, 0, 0, { amenity: 'kindergarten', name: '启蒙星幼儿园' }],
      [2, 1, 0, { amenity: 'toilets' }],
      [3, 2, 0, { amenity: 'restaurant', name: 'A饭堂' }],
      [4, 3, 0, { amenity: 'restaurant' }],
      [5, 4, 0, { shop: 'convenience' }],
      [6, 50, 50, { leisure: 'park', name: '大运山公园' }],
      ...squareNodes(10, 50, 51),
    ],
    ways: [[100, [11, 12, 13, 14, 11], { leisure: 'park', name: '大运山公园' }]],
  });
  const extraction = extractFacilities(document);

  it('makes facilities of mapped POIs, named, or named after their category when OSM has no name', () => {
    expect(extraction.facilities.map(({ id, name, category }) => ({ id, name, category }))).toEqual([
      { id: 'n1', name: '启蒙星幼儿园', category: 'kindergarten' },
      { id: 'n2', name: '公共厕所（未命名，OSM node 2）', category: 'public_toilet' },
      { id: 'n6', name: '大运山公园', category: 'park' },
    ]);
    expect(extraction.countByCategory).toEqual({ kindergarten: 1, public_toilet: 1, park: 1 });
  });

  it('counts unknown POIs by tag and tallies skipped ones by reason, one park mapped twice included', () => {
    expect(extraction.unmappedByTag).toEqual({ 'amenity=restaurant': 2 });
    expect(extraction.skipped['shop=convenience: convenience store: smaller than a 综合超市']).toEqual({
      count: 1,
      examples: ['node 5'],
    });
    expect(Object.entries(extraction.skipped).find(([reason]) => /mapped twice/.test(reason))?.[1]).toEqual({
      count: 1,
      examples: ['way 100 = n6'],
    });
  });
});
