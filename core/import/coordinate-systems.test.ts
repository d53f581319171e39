import { describe, expect, it } from 'vitest';
import {
  crsByEpsg,
  crsFromGeoJsonMember,
  crsFromPrj,
  guessProjectedCrs,
  parseCrsOption,
  toWgs84,
} from './coordinate-systems.js';

const ESRI_GK = (name: string, centralMeridian: number, falseEasting: number) =>
  `PROJCS["${name}",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",${falseEasting}],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${centralMeridian}],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;

describe('coordinate systems', () => {
  it('parses --crs values', () => {
    expect(parseCrsOption('EPSG:4546')).toMatchObject({
      ok: true,
      crs: { id: 'EPSG:4546', kind: 'projected' },
    });
    expect(parseCrsOption('4490')).toMatchObject({ ok: true, crs: { id: 'EPSG:4490', kind: 'geographic' } });
    expect(parseCrsOption('GCJ-02')).toMatchObject({ ok: true, crs: { id: 'gcj02' } });
    expect(parseCrsOption('bd09')).toMatchObject({ ok: true, crs: { id: 'bd09' } });
    expect(parseCrsOption('EPSG:2383')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not supported/),
    });
    expect(parseCrsOption('mars-grid')).toMatchObject({ ok: false });
  });

  it('defines the CGCS2000 Gauss–Krüger zones as PostGIS does', () => {
    expect(crsByEpsg(4546)!.proj4).toBe(
      '+proj=tmerc +lat_0=0 +lon_0=111 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs',
    );
    expect(crsByEpsg(4525)!.proj4).toBe(
      '+proj=tmerc +lat_0=0 +lon_0=111 +k=1 +x_0=37500000 +y_0=0 +ellps=GRS80 +units=m +no_defs',
    );
    expect(crsByEpsg(4513)!.proj4).toContain('+lon_0=75 +k=1 +x_0=25500000');
    expect(crsByEpsg(4554)!.proj4).toContain('+lon_0=135 +k=1 +x_0=500000');
    expect(crsByEpsg(4491)!.proj4).toContain('+lon_0=75 +k=1 +x_0=13500000');
    expect(crsByEpsg(4512)!.proj4).toContain('+lon_0=135 +k=1 +x_0=500000');
    expect(crsByEpsg(4555)).toBeNull();
  });

  it('identifies .prj files and refuses datums it cannot shift', () => {
    expect(crsFromPrj(ESRI_GK('CGCS2000_3_Degree_GK_CM_111E', 111, 500000))).toMatchObject({
      ok: true,
      crs: { id: 'EPSG:4546' },
    });
    expect(crsFromPrj(ESRI_GK('CGCS2000_3_Degree_GK_Zone_37', 111, 37500000))).toMatchObject({
      ok: true,
      crs: { id: 'EPSG:4525' },
    });
    expect(crsFromPrj(ESRI_GK('CGCS2000_6_Degree_GK_CM_111E', 111, 500000))).toMatchObject({
      ok: true,
      crs: { id: 'EPSG:4508' },
    });
    expect(
      crsFromPrj(
        'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
      ),
    ).toMatchObject({
      ok: true,
      crs: { id: 'EPSG:4326' },
    });
    expect(
      crsFromPrj(
        'GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433],AUTHORITY["EPSG","4490"]]',
      ),
    ).toMatchObject({
      ok: true,
      crs: { id: 'EPSG:4490' },
    });
    expect(
      crsFromPrj(
        'PROJCS["WGS_1984_UTM_Zone_49N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",111.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]',
      ),
    ).toMatchObject({ ok: true, crs: { id: 'EPSG:32649' } });
    const xian = crsFromPrj(
      'PROJCS["Xian_1980_3_Degree_GK_CM_111E",GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["Central_Meridian",111.0],UNIT["Meter",1.0]]',
    );
    expect(xian).toMatchObject({ ok: false, reason: expect.stringMatching(/Xian 1980.*七参数/) });
    expect(crsFromPrj('PROJCS["x"')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not readable WKT/),
    });
  });

  it('reads the legacy GeoJSON crs member', () => {
    expect(
      crsFromGeoJsonMember({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4546' } }),
    ).toMatchObject({ ok: true, crs: { id: 'EPSG:4546' } });
    expect(
      crsFromGeoJsonMember({ type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } }),
    ).toMatchObject({ ok: true, crs: { id: 'EPSG:4326' } });
    expect(crsFromGeoJsonMember(undefined)).toBeNull();
  });

  it('converts Gauss–Krüger coordinates: the central meridian maps to itself and the zone prefix only shifts eastings', () => {
    const cm111 = toWgs84(crsByEpsg(4546)!);
    const zone37 = toWgs84(crsByEpsg(4525)!);
    expect(cm111([500000, 0])[0]).toBeCloseTo(111, 9);
    expect(cm111([500000, 0])[1]).toBeCloseTo(0, 9);
    const [lon, lat] = cm111([500000, 3_100_000]);
    expect(lon).toBeCloseTo(111, 9);
    expect(lat).toBeGreaterThan(28);
    expect(lat).toBeLessThan(28.1);
    const near = cm111([373_000, 3_130_000]);
    const prefixed = zone37([37_373_000, 3_130_000]);
    expect(prefixed[0]).toBeCloseTo(near[0], 9);
    expect(prefixed[1]).toBeCloseTo(near[1], 9);
  });

  it('guesses a projected system from eastings', () => {
    expect(guessProjectedCrs(37_380_000, null)?.id).toBe('EPSG:4525');
    expect(guessProjectedCrs(19_380_000, null)?.id).toBe('EPSG:4497');
    expect(guessProjectedCrs(380_000, 109.7)?.id).toBe('EPSG:4546');
    expect(guessProjectedCrs(380_000, null)).toBeNull();
  });
});
