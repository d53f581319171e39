/**
 * Import benchmark (issue 5): how long a city's own layers take to preview and to commit through the
 * API, at county size. Figures printed, nothing asserted.
 *
 *   npm run bench:import                       # demo region at --scale 20, embedded PostGIS
 *   npm run bench:import -- --scale 5          # another size
 *   npm run bench:import -- --units-only --repreview
 *                                              # the units only, previewed twice (a choice changed)
 *   npm run bench:import -- --units-only --new-census
 *                                              # every unit's residents and households changed
 *   npm run bench:import -- --folder data/geojson/demo-x20
 *                                              # a region folder written by generate:demo
 *   DATABASE_URL=postgres://postgres@127.0.0.1:54329/postgres npm run bench:import
 *                                              # + the same on the PostgreSQL server
 *
 * The files imported are the generated region's own layers written as a bureau would hand them
 * over: the population units as GeoJSON (replacing the layer; as stored, or with `--new-census` as
 * a new census gives them, every unit's residents and households changed), every facility again as a GCJ-02
 * CSV with Chinese headers and new ids (added), and the communities as a zipped Shapefile
 * (replacing the layer). A scenario exists, so the replacements also work out their effect on it.
 */

import type { z } from 'zod';
import type { importPreviewSchema } from '../../contract/imports.js';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { wgs84ToGcj02 } from '../../core/import/chinese-offsets.js';
import { openEmbeddedDatabase, type Database } from '../../server/src/db/client.js';
import { loadRegionFolder } from '../../server/src/db/load-region.js';
import { migrate } from '../../server/src/db/migrate.js';
import { featureCollectionShapefile, type ExportFeature } from '../../server/src/export/feature-table.js';
import { generateDemoRegion } from '../demo-region/generate.js';
import { benchOnServerIfConfigured, parseScaleArgument, signedInApp } from './bench-support.js';

/** The parts of a preview this bench reports (contract/imports.ts has the whole shape). */
type ImportPreviewAnswer = z.output<typeof importPreviewSchema>;

interface ImportFile {
  label: string;
  name: string;
  bytes: Uint8Array;
  fields: Record<string, string>;
}

const since = (start: number) => performance.now() - start;
const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(2)} s`;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The generated region's layers as the files a bureau would hand over. */
async function bureauFiles(files: Record<string, string>, newCensus: boolean): Promise<ImportFile[]> {
  const units = newCensus ? censusOf(files['units.geojson']) : files['units.geojson'];
  const facilities = JSON.parse(files['facilities.geojson']) as {
    features: { geometry: { coordinates: [number, number] }; properties: Record<string, unknown> }[];
  };
  const csvLines = ['编号,名称,类别,经度,纬度'];
  for (const feature of facilities.features) {
    const [lon, lat] = wgs84ToGcj02(feature.geometry.coordinates);
    const name = String(feature.properties.name).replace(/[",]/g, ' ');
    csvLines.push(
      `gcj-${feature.properties.id},${name},${feature.properties.category},${lon.toFixed(7)},${lat.toFixed(7)}`,
    );
  }
  const communities = JSON.parse(files['communities.geojson']) as { features: ExportFeature[] };
  const shapefile = featureCollectionShapefile('communities', {
    type: 'FeatureCollection',
    features: communities.features.map((feature) => ({
      type: 'Feature',
      geometry: feature.geometry,
      properties: {
        id: feature.properties!.id,
        name: feature.properties!.name,
        type: feature.properties!.type,
        streetId: feature.properties!.streetId,
      },
    })),
  });
  return [
    {
      label: `units${newCensus ? ' of a new census' : ''}, GeoJSON (${megabytes(Buffer.byteLength(units))}), replacing the layer`,
      name: 'units.geojson',
      bytes: new TextEncoder().encode(units),
      fields: { layer: 'units', replace: 'true' },
    },
    {
      label: `facilities, GCJ-02 CSV with Chinese headers (${facilities.features.length} rows), added`,
      name: 'facilities-gcj02.csv',
      bytes: new TextEncoder().encode(`${csvLines.join('\n')}\n`),
      fields: { layer: 'facilities', crs: 'gcj02' },
    },
    {
      label: `communities, zipped Shapefile (${communities.features.length} polygons), replacing the layer`,
      name: 'communities.zip',
      bytes: shapefile,
      fields: { layer: 'communities', replace: 'true' },
    },
  ];
}

/** The units as a new census counts them: every unit 3 % more residents (at least one) and households to match. */
function censusOf(unitsText: string): string {
  const units = JSON.parse(unitsText) as {
    features: { properties: { residents: number; households?: number | null } }[];
  };
  for (const { properties } of units.features) {
    const residents = Math.max(properties.residents + 1, Math.round(properties.residents * 1.03));
    if (typeof properties.households === 'number' && properties.residents > 0)
      properties.households = Math.round((properties.households * residents) / properties.residents);
    properties.residents = residents;
  }
  return JSON.stringify(units);
}

async function benchImports(database: Database, regionId: string, files: ImportFile[]): Promise<void> {
  const app = await signedInApp(database);
  const scenario = await app.request(`/api/regions/${regionId}/scenarios`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'bench', basedOn: 'baseline' }),
  });
  if (!scenario.ok) throw new Error(`scenario: ${scenario.status} ${await scenario.text()}`);
  const only = process.argv.includes('--units-only') ? files.slice(0, 1) : files;
  const repreview = process.argv.includes('--repreview');
  for (const file of only) {
    const previewOnce = async () => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
      for (const [key, value] of Object.entries(file.fields)) form.append(key, value);
      const previewStart = performance.now();
      const previewed = await app.request(`/api/regions/${regionId}/imports`, { method: 'POST', body: form });
      const answer = (await previewed.json()) as ImportPreviewAnswer;
      if (!previewed.ok || !answer.canCommit)
        throw new Error(
          `${file.name}: preview ${previewed.status} ${JSON.stringify(answer.problems?.slice(0, 3) ?? answer)}`,
        );
      return { preview: answer, milliseconds: since(previewStart) };
    };
    let { preview, milliseconds: previewMilliseconds } = await previewOnce();
    if (repreview) {
      // The wizard previews again on every change of a choice: the same file at once, as after one.
      const again = await previewOnce();
      console.log(
        `  ${file.label}: first preview ${seconds(previewMilliseconds)}, previewed again at once ${seconds(again.milliseconds)}`,
      );
      ({ preview, milliseconds: previewMilliseconds } = again);
    }
    const start = performance.now();
    const committed = await app.request(`/api/regions/${regionId}/imports/${preview.importId}/commit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ acceptScenarioChanges: true }),
    });
    const commitMilliseconds = since(start);
    if (!committed.ok) throw new Error(`${file.name}: commit ${committed.status} ${await committed.text()}`);
    console.log(`  ${file.label}`);
    console.log(
      `    preview ${seconds(previewMilliseconds)} (${preview.featureCount} features, ${preview.problems.length} notes/warnings), ` +
        `commit ${seconds(commitMilliseconds)}; changes: +${preview.changes.added} ~${preview.changes.updated} −${preview.changes.removed}` +
        (preview.scenarioImpact?.scenarios.length
          ? `; ${preview.scenarioImpact.scenarios.length} scenario told`
          : ''),
    );
  }
}

/** `--folder DIR` reads a region folder written by `npm run generate:demo`; other arguments are the scale. */
async function regionFiles(argv: string[]): Promise<{ files: Record<string, string>; what: string }> {
  const at = argv.findIndex((argument) => argument === '--folder');
  if (at >= 0) {
    const folder = argv[at + 1];
    if (!folder) throw new Error('--folder needs a region folder (e.g. data/geojson/demo-x20)');
    const names = (await readdir(folder)).filter((name) => /\.(geojson|json)$/.test(name));
    const files = Object.fromEntries(
      await Promise.all(names.map(async (name) => [name, await readFile(path.join(folder, name), 'utf8')])),
    ) as Record<string, string>;
    return { files, what: `the region folder ${folder}` };
  }
  const { scale } = parseScaleArgument(argv);
  return { files: generateDemoRegion({ scale }).files, what: `demo region at --scale ${scale}` };
}

async function main(): Promise<void> {
  let start = performance.now();
  const { files, what } = await regionFiles(
    process.argv
      .slice(2)
      .filter((argument) => !['--units-only', '--repreview', '--new-census'].includes(argument)),
  );
  console.log(`Import benchmark — ${what} (Node ${process.version}, ${os.cpus().length} cores)`);
  const folder = await mkdtemp(path.join(os.tmpdir(), 'lifecircle-import-bench-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(folder, name), text, 'utf8');
  const regionId = (JSON.parse(await readFile(path.join(folder, 'region.json'), 'utf8')) as { id: string })
    .id;
  const imports = await bureauFiles(files, process.argv.includes('--new-census'));
  console.log(`files ready in ${seconds(since(start))}`);

  try {
    console.log('\nEmbedded PostGIS (PGlite)');
    start = performance.now();
    const embedded = await openEmbeddedDatabase(null);
    try {
      await migrate(embedded);
      const report = await loadRegionFolder(embedded, folder);
      console.log(
        `  open, migrate and load the region: ${seconds(since(start))} (${report.counts.units} units, ${report.counts.communities} communities, ${report.counts.facilities} facilities)`,
      );
      await benchImports(embedded, regionId, imports);
    } finally {
      await embedded.close();
    }

    await benchOnServerIfConfigured(folder, 'the imports', async (server) => {
      await benchImports(server, regionId, imports);
    });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
