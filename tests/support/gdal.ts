/**
 * GDAL's ogr2ogr as the independent writer of test files: Shapefiles in the code pages other
 * programs use, written at test time from a GeoJSON the test makes. The tests that need it fail,
 * never skip, where it is missing: install gdal-bin (.ci/run does).
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

let ogr2ogrRuns: boolean | undefined;

/** Throws, saying how to install it, unless ogr2ogr runs here (asked once per test file). */
export function requireOgr2ogr(): void {
  ogr2ogrRuns ??= spawnSync('ogr2ogr', ['--version'], { encoding: 'utf8' }).status === 0;
  if (!ogr2ogrRuns)
    throw new Error(
      'ogr2ogr (GDAL) is missing: apt-get install gdal-bin — these tests read files GDAL writes and do not run without it',
    );
}

/** A GeoJSON feature for writeShapefile: a point and its attributes. */
export interface GdalFeature {
  lonLat: [number, number];
  properties: Record<string, string | number | null>;
}

/**
 * The files of a Shapefile that ogr2ogr writes from `features` with `layerOptions` (e.g.
 * `['ENCODING=BIG5']`), by extension: { shp, shx, dbf, prj, cpg? }.
 */
export async function writeShapefileWithGdal(
  name: string,
  features: GdalFeature[],
  layerOptions: string[] = [],
): Promise<Record<string, Uint8Array>> {
  requireOgr2ogr();
  const folder = await mkdtemp(path.join(tmpdir(), 'lifecircle-gdal-'));
  try {
    const source = path.join(folder, 'source.geojson');
    await writeFile(
      source,
      JSON.stringify({
        type: 'FeatureCollection',
        features: features.map((feature) => ({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: feature.lonLat },
          properties: feature.properties,
        })),
      }),
    );
    await run('ogr2ogr', [
      '-f',
      'ESRI Shapefile',
      path.join(folder, `${name}.shp`),
      source,
      ...layerOptions.flatMap((option) => ['-lco', option]),
    ]);
    const files: Record<string, Uint8Array> = {};
    for (const file of await readdir(folder)) {
      if (!file.startsWith(`${name}.`)) continue;
      files[file.slice(name.length + 1).toLowerCase()] = new Uint8Array(
        await readFile(path.join(folder, file)),
      );
    }
    return files;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
