import { describe, expect, it } from 'vitest';
import {
  canCommit,
  commitBody,
  countStatuses,
  gaussKrugerCrs,
  gaussKrugerZoneOf,
  importRegionId,
  INITIAL_CHOICES,
  newRegionProblem,
  previewBbox,
  previewFormFields,
  withChoices,
  withFieldColumn,
  withValueCode,
} from './import-choices';
import type { ImportChoices, ImportPreview, ImportPreviewFeature } from './import-types';

function feature(
  status: ImportPreviewFeature['properties']['importStatus'],
  geometry: ImportPreviewFeature['geometry'],
): ImportPreviewFeature {
  return {
    type: 'Feature',
    id: status,
    geometry,
    properties: { importLocation: 'row 2', importStatus: status },
  };
}

describe('gaussKrugerCrs', () => {
  it('names the CGCS2000 zones the fixtures use', () => {
    // communities-cgcs2000-gk-cm111.zip is EPSG:4546; facilities-cgcs2000-gk-zone37.zip is EPSG:4525.
    expect(gaussKrugerCrs({ widthDegrees: 3, centralMeridianDegrees: 111, zoneInEasting: false })).toBe(
      'EPSG:4546',
    );
    expect(gaussKrugerCrs({ widthDegrees: 3, centralMeridianDegrees: 111, zoneInEasting: true })).toBe(
      'EPSG:4525',
    );
    expect(gaussKrugerCrs({ widthDegrees: 6, centralMeridianDegrees: 111, zoneInEasting: true })).toBe(
      'EPSG:4497',
    );
    expect(gaussKrugerCrs({ widthDegrees: 6, centralMeridianDegrees: 75, zoneInEasting: false })).toBe(
      'EPSG:4502',
    );
    expect(gaussKrugerCrs({ widthDegrees: 3, centralMeridianDegrees: 135, zoneInEasting: false })).toBe(
      'EPSG:4554',
    );
  });

  it('refuses meridians that are not a zone’s', () => {
    expect(gaussKrugerCrs({ widthDegrees: 6, centralMeridianDegrees: 108, zoneInEasting: false })).toBeNull();
    expect(gaussKrugerCrs({ widthDegrees: 3, centralMeridianDegrees: 110, zoneInEasting: false })).toBeNull();
    expect(gaussKrugerCrs({ widthDegrees: 3, centralMeridianDegrees: 72, zoneInEasting: false })).toBeNull();
  });
});

describe('the requests', () => {
  it('sends only the choices made', () => {
    expect(previewFormFields(INITIAL_CHOICES)).toEqual({ layer: 'facilities' });
    const fields = previewFormFields({
      ...INITIAL_CHOICES,
      crs: 'gcj02',
      encoding: 'gbk',
      mapping: { name: '名称', category: null },
      valueMap: { category: { 网吧: 'supermarket' } },
      repair: true,
    });
    expect(fields).toEqual({
      layer: 'facilities',
      crs: 'gcj02',
      encoding: 'gbk',
      mapping: '{"name":"名称","category":null}',
      valueMap: '{"category":{"网吧":"supermarket"}}',
      repair: 'true',
    });
    expect(commitBody({ ...INITIAL_CHOICES, crs: 'gcj02' }, true)).toMatchObject({
      crs: 'gcj02',
      encoding: undefined,
      acceptScenarioChanges: true,
    });
  });

  it('forgets the mappings when the layer or the encoding changes, keeps them otherwise', () => {
    // Read as GBK, a Big5 file's column 名稱 comes out garbled: the mapping to it means nothing in Big5.
    const mapped = {
      ...INITIAL_CHOICES,
      encoding: 'gbk' as const,
      mapping: { name: '柩Ψ' },
      valueMap: { category: { ㄠ: 'kindergarten' } },
    };
    expect(withChoices(mapped, { encoding: 'big5' })).toMatchObject({
      encoding: 'big5',
      mapping: null,
      valueMap: null,
    });
    expect(withChoices(mapped, { layer: 'communities' })).toMatchObject({ mapping: null, valueMap: null });
    expect(withChoices(mapped, { encoding: 'gbk', crs: 'gcj02', repair: true })).toEqual({
      ...mapped,
      crs: 'gcj02',
      repair: true,
    });
    expect(withChoices(mapped, { mapping: { name: 'name' } }).mapping).toEqual({ name: 'name' });
  });

  it('edits mappings and value maps without touching the others', () => {
    const mapping = { name: '名称', category: '类别' };
    expect(withFieldColumn(mapping, 'category', '')).toEqual({ name: '名称', category: null });
    expect(mapping.category).toBe('类别');
    const valueMap = withValueCode(
      { category: { 卫生室: 'health_station' } },
      'category',
      '网吧',
      'supermarket',
    );
    expect(valueMap).toEqual({ category: { 卫生室: 'health_station', 网吧: 'supermarket' } });
    expect(withValueCode(valueMap, 'category', '网吧', '')).toEqual({
      category: { 卫生室: 'health_station' },
    });
  });
});

describe('the preview summary', () => {
  const features = [
    feature('ok', { type: 'Point', coordinates: [109.7, 28.3] }),
    feature('error', { type: 'Point', coordinates: [116.4, 39.9] }),
    feature('warning', {
      type: 'Polygon',
      coordinates: [
        [
          [109.6, 28.2],
          [109.8, 28.2],
          [109.8, 28.4],
          [109.6, 28.2],
        ],
      ],
    }),
    feature('error', null),
  ];

  it('counts statuses and frames every geometry', () => {
    expect(countStatuses(features)).toEqual({ ok: 1, repaired: 0, warning: 1, error: 2 });
    expect(previewBbox(features)).toEqual([109.6, 28.2, 116.4, 39.9]);
    expect(previewBbox([feature('error', null)])).toBeNull();
  });

  it('allows the commit only without errors and with scenario changes accepted', () => {
    const preview = { canCommit: true, committed: false, scenarioImpact: null } as unknown as ImportPreview;
    expect(canCommit(preview, false)).toBe(true);
    expect(canCommit({ ...preview, canCommit: false }, true)).toBe(false);
    const impacted = {
      ...preview,
      scenarioImpact: { requiresAcceptance: true, scenarios: [], policy: '', policyZh: '' },
    };
    expect(canCommit(impacted, false)).toBe(false);
    expect(canCommit(impacted, true)).toBe(true);
    expect(canCommit({ ...preview, committed: true }, true)).toBe(false);
  });
});

describe('a new region from the wizard', () => {
  const newtown = { id: 'newtown', name: '新城', nameEn: 'New Town' };

  it('asks the server to create it, with its names, and sends the import to it', () => {
    const choices: ImportChoices = { ...INITIAL_CHOICES, layer: 'network', newRegion: newtown };
    expect(previewFormFields(choices)).toEqual({
      layer: 'network',
      create: 'true',
      name: '新城',
      nameEn: 'New Town',
    });
    expect(importRegionId('demo', choices)).toBe('newtown');
    expect(importRegionId('demo', INITIAL_CHOICES)).toBe('demo');
    expect(previewFormFields(INITIAL_CHOICES)).not.toHaveProperty('create');
    // No English name: the field is left out rather than sent empty.
    expect(previewFormFields({ ...choices, newRegion: { ...newtown, nameEn: ' ' } })).not.toHaveProperty(
      'nameEn',
    );
  });

  it('names what is wrong with its id or name before anything is sent', () => {
    expect(newRegionProblem(newtown, ['demo'])).toBeNull();
    expect(newRegionProblem({ ...newtown, id: '' }, [])).toBe('id-empty');
    expect(newRegionProblem({ ...newtown, id: 'New Town' }, [])).toBe('id-format');
    expect(newRegionProblem({ ...newtown, id: '-town' }, [])).toBe('id-format');
    expect(newRegionProblem({ ...newtown, id: '新城' }, [])).toBe('id-format');
    expect(newRegionProblem(newtown, ['demo', 'newtown'])).toBe('id-taken');
    expect(newRegionProblem({ ...newtown, name: '  ' }, [])).toBe('name-empty');
  });
});

describe('gaussKrugerZoneOf', () => {
  it('reads back every CGCS2000 Gauss–Krüger code gaussKrugerCrs names', () => {
    for (let code = 4491; code <= 4554; code += 1) {
      const zone = gaussKrugerZoneOf(`EPSG:${code}`);
      expect(zone, String(code)).not.toBeNull();
      expect(gaussKrugerCrs(zone!)).toBe(`EPSG:${code}`);
    }
    expect(gaussKrugerZoneOf('EPSG:4525')).toEqual({
      widthDegrees: 3,
      centralMeridianDegrees: 111,
      zoneInEasting: true,
      zoneNumber: 37,
    });
    expect(gaussKrugerZoneOf('EPSG:4490')).toBeNull();
    expect(gaussKrugerZoneOf('gcj02')).toBeNull();
  });
});
