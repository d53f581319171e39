import { describe, expect, it } from 'vitest';
import { ProblemLog } from '../../../core/import/import-problems.js';
import { isDomainError } from '../domain-error.js';
import type { ImportOptions } from '../../../contract/import-options.js';
import { convertUpload, idPrefixFor, readUpload } from './read-upload.js';

const encode = (text: string) => new TextEncoder().encode(text);
const CSV = encode('名称,经度,纬度\n幼儿园甲,109.72,28.28\n');

/** The DomainError `work` throws, as code, params and both sentences. */
function refusal(work: () => unknown) {
  try {
    work();
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return {
      code: error.code,
      params: error.params,
      en: error.message,
      zh: error.messageZh,
      status: error.status,
    };
  }
  throw new Error('expected a refusal');
}

const upload = (options: Partial<ImportOptions>, fileName = 'facilities.csv', bytes = CSV) => ({
  regionId: 'demo',
  fileName,
  bytes,
  options: { layer: 'facilities', ...options } as ImportOptions,
});

describe('readUpload', () => {
  it('reads a file into records, in the coordinate system declared', () => {
    const table = readUpload(upload({ crs: 'gcj02' }));
    expect(table).toMatchObject({ format: 'csv', columns: ['名称', '经度', '纬度'], crsFrom: 'option' });
    expect(table.records).toHaveLength(1);
  });

  it('refuses a malformed region id, an unknown coordinate system and an unreadable file, in both languages', () => {
    expect(refusal(() => readUpload({ ...upload({}), regionId: 'Demo 1' }))).toEqual({
      code: 'import.invalid-region-id',
      params: { regionId: 'Demo 1' },
      en: 'region id "Demo 1" must be lower-case letters, digits and hyphens (at most 63)',
      zh: '区域编号“Demo 1”只能由小写字母、数字和连字符组成（最多 63 个字符）',
      status: 400,
    });
    const crs = refusal(() => readUpload(upload({ crs: 'EPSG:2' })));
    expect(crs).toMatchObject({ code: 'import.invalid-crs', status: 400 });
    expect(crs.en).toMatch(/^crs: /);
    expect(crs.zh).toMatch(/^坐标系：/);
    expect(refusal(() => readUpload(upload({}, 'roads.shp', encode('x'))))).toMatchObject({
      code: 'import.file-unreadable',
      en: expect.stringMatching(/^roads\.shp: a Shapefile needs its \.dbf/),
      zh: expect.stringMatching(/^roads\.shp：Shapefile 需要配套的 \.dbf/),
      status: 400,
    });
  });

  it('takes an OSM extract for the network layer only', () => {
    const osm = encode('<osm version="0.6"><node id="1" lat="28.28" lon="109.72"/></osm>');
    expect(readUpload(upload({ layer: 'network' }, 'town.osm', osm)).format).toBe('osm');
    expect(refusal(() => readUpload(upload({ layer: 'units' }, 'town.osm', osm)))).toMatchObject({
      code: 'import.osm-not-network',
      params: { fileName: 'town.osm' },
      en: 'town.osm: an OSM extract gives the network layer here (for a whole region from OSM use npm run import:osm)',
    });
  });
});

describe('convertUpload', () => {
  it('converts the records with the mapping and notes a file without records', () => {
    const choices = {
      layer: 'facilities' as const,
      fileName: '幼儿园.csv',
      mapping: { name: '名称', lon: '经度', lat: '纬度', category: null },
      valueMap: {},
      options: { layer: 'facilities' } as ImportOptions,
      regionExtent: null,
      takenIds: null,
    };
    const log = new ProblemLog('facilities');
    const conversion = convertUpload(readUpload(upload({})), choices, log);
    expect(conversion.features.map((feature) => feature.geometry)).toEqual([
      { type: 'Point', coordinates: [109.72, 28.28] },
    ]);
    // No ASCII in the file name: ids are numbered after the layer's letter.
    expect(conversion.features[0].id).toMatch(/^f-/);
    expect(log.problems).toEqual(conversion.problems);

    const emptyLog = new ProblemLog('facilities');
    convertUpload(readUpload(upload({}, 'empty.csv', encode('名称,经度,纬度\n'))), choices, emptyLog);
    expect(emptyLog.problems.map((problem) => problem.message)).toContain('the file holds no records');
  });
});

describe('idPrefixFor', () => {
  it('takes the file name in lower-case ASCII, else the layer letter', () => {
    expect(idPrefixFor('Schools 2024.xlsx', 'facilities')).toBe('schools-2024');
    expect(idPrefixFor('人口单元.csv', 'units')).toBe('u');
    expect(idPrefixFor('roads.geojson', 'network')).toBe('roads');
  });
});
