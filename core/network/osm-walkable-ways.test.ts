import { describe, expect, it } from 'vitest';
import { EDGE_CLASSES } from './edge-classes.js';
import { HIGHWAY_RULES, judgeWay } from './osm-walkable-ways.js';

describe('judgeWay', () => {
  it('walks on paths and roads, each as its network class', () => {
    expect(judgeWay({ highway: 'footway' })).toEqual({ walkable: true, edgeClass: 'footway' });
    expect(judgeWay({ highway: 'steps' })).toEqual({ walkable: true, edgeClass: 'steps' });
    expect(judgeWay({ highway: 'residential' })).toEqual({ walkable: true, edgeClass: 'street' });
    expect(judgeWay({ highway: 'primary' })).toEqual({ walkable: true, edgeClass: 'arterial' });
    expect(judgeWay({ highway: 'service' })).toEqual({ walkable: true, edgeClass: 'alley' });
    expect(judgeWay({ highway: 'track' })).toEqual({ walkable: true, edgeClass: 'track' });
    expect(judgeWay({ highway: 'cycleway' })).toEqual({ walkable: true, edgeClass: 'footway' });
  });

  it('keeps walkers off motorways and trunk roads unless foot=yes lets them on', () => {
    expect(judgeWay({ highway: 'motorway' })).toEqual({
      walkable: false,
      reason: 'highway=motorway: motorway (pedestrians barred)',
    });
    expect(judgeWay({ highway: 'trunk_link' })).toMatchObject({ walkable: false });
    expect(judgeWay({ highway: 'trunk', foot: 'yes' })).toEqual({ walkable: true, edgeClass: 'arterial' });
  });

  it('honours access and foot tags', () => {
    expect(judgeWay({ highway: 'service', access: 'private' })).toEqual({
      walkable: false,
      reason: 'access=private',
    });
    expect(judgeWay({ highway: 'service', access: 'no', foot: 'yes' })).toEqual({
      walkable: true,
      edgeClass: 'alley',
    });
    expect(judgeWay({ highway: 'cycleway', foot: 'no' })).toEqual({ walkable: false, reason: 'foot=no' });
    expect(judgeWay({ highway: 'service', access: 'destination' })).toMatchObject({ walkable: true });
  });

  it('leaves out areas, works in progress and unknown kinds, saying why', () => {
    expect(judgeWay({ highway: 'pedestrian', area: 'yes' })).toMatchObject({
      walkable: false,
      reason: expect.stringMatching(/area=yes/),
    });
    expect(judgeWay({ highway: 'construction', construction: 'primary' })).toEqual({
      walkable: false,
      reason: 'highway=construction: under construction',
    });
    expect(judgeWay({ highway: 'residential', construction: 'yes' })).toMatchObject({
      walkable: false,
      reason: 'construction=yes: under construction',
    });
    expect(judgeWay({ highway: 'proposed' })).toMatchObject({ walkable: false });
    expect(judgeWay({ highway: 'via_ferrata' })).toEqual({
      walkable: false,
      reason: 'highway=via_ferrata (not a known walkable kind)',
    });
  });

  it('ignores ways that are no highway at all', () => {
    expect(judgeWay({ building: 'yes' })).toBeNull();
  });

  it('maps only onto the region format’s edge classes', () => {
    for (const rule of Object.values(HIGHWAY_RULES)) {
      if ('edgeClass' in rule) expect(EDGE_CLASSES).toContain(rule.edgeClass);
    }
  });
});
