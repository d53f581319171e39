/**
 * Writes a shipped synthetic region (data/geojson/README.md) — the same bytes on every run.
 *
 *   npx tsx scripts/generate-demo.ts                 # data/geojson/demo
 *   npx tsx scripts/generate-demo.ts --region jishou-demo   # data/geojson/jishou-demo
 *   npx tsx scripts/generate-demo.ts --all           # every shipped region
 *   npx tsx scripts/generate-demo.ts --scale 20      # data/geojson/demo-x20 (benchmarks; not committed)
 *   npx tsx scripts/generate-demo.ts --out some/dir  # anywhere else
 */

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  GENERATED_REGIONS,
  generateDemoRegion,
  isGeneratedRegionId,
  type GeneratedRegionId,
} from './demo-region/generate';

const REPOSITORY_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `usage: npx tsx scripts/generate-demo.ts [--region ${Object.keys(GENERATED_REGIONS).join('|')} | --all] [--scale N] [--out DIR]`;

interface Arguments {
  regions: GeneratedRegionId[];
  scale: number;
  /** Where each region is written. */
  outDirectory: (region: GeneratedRegionId) => string;
}

function parseArguments(argv: string[]): Arguments {
  let scale = 1;
  let out: string | null = null;
  let regions: GeneratedRegionId[] = ['demo'];
  const regionOf = (value: string): GeneratedRegionId => {
    if (!isGeneratedRegionId(value))
      throw new Error(`unknown region ${value}: one of ${Object.keys(GENERATED_REGIONS).join(', ')}`);
    return value;
  };
  for (let k = 0; k < argv.length; k++) {
    const argument = argv[k];
    const value = () => {
      const next = argv[++k];
      if (next === undefined) throw new Error(`${argument} needs a value`);
      return next;
    };
    if (argument === '--scale') scale = Number(value());
    else if (argument.startsWith('--scale=')) scale = Number(argument.slice('--scale='.length));
    else if (argument === '--out') out = value();
    else if (argument.startsWith('--out=')) out = argument.slice('--out='.length);
    else if (argument === '--region') regions = [regionOf(value())];
    else if (argument.startsWith('--region=')) regions = [regionOf(argument.slice('--region='.length))];
    else if (argument === '--all') regions = Object.keys(GENERATED_REGIONS) as GeneratedRegionId[];
    else if (argument === '--help' || argument === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument ${argument} (${USAGE})`);
  }
  if (!Number.isInteger(scale) || scale < 1)
    throw new Error(`--scale must be a positive integer, got ${scale}`);
  if (out !== null && regions.length > 1) throw new Error('--out takes one region, not --all');
  const outDirectory = (region: GeneratedRegionId) =>
    out === null
      ? path.join(REPOSITORY_ROOT, 'data/geojson', scale === 1 ? region : `${region}-x${scale}`)
      : path.resolve(out);
  return { regions, scale, outDirectory };
}

async function main(): Promise<void> {
  const { regions, scale, outDirectory } = parseArguments(process.argv.slice(2));
  for (const region of regions) await writeRegion(region, scale, outDirectory(region));
}

async function writeRegion(region: GeneratedRegionId, scale: number, outDirectory: string): Promise<void> {
  const started = performance.now();
  const { files, summary } = generateDemoRegion({ region, scale });
  const generatedMilliseconds = performance.now() - started;
  await mkdir(outDirectory, { recursive: true });
  for (const [name, text] of Object.entries(files))
    await writeFile(path.join(outDirectory, name), text, 'utf8');

  const { counts } = summary;
  console.log(
    `${summary.regionId}: wrote ${Object.keys(files).length} files to ${path.relative(process.cwd(), outDirectory) || '.'} (generated in ${Math.round(generatedMilliseconds)} ms)`,
  );
  for (const [name, bytes] of Object.entries(summary.fileBytes))
    console.log(`  ${name.padEnd(20)} ${(bytes / 1024).toFixed(0).padStart(8)} KiB`);
  console.log(
    `  network ${counts.networkEdges} edges, ${counts.networkNodes} nodes${counts.tileLinks ? ` (${counts.tileLinks} tile links)` : ''}; ` +
      `${counts.units} units; ${counts.communities} communities; ${counts.streets} streets; ${counts.facilities} facilities`,
  );
  if (scale === 1) {
    for (const community of summary.communities) {
      console.log(
        `  ${community.id.padEnd(16)} ${community.type.padEnd(10)} ${String(community.residents).padStart(6)} residents ${String(community.households).padStart(5)} households  ${community.name}`,
      );
    }
  }
  console.log(
    `  facilities: ${Object.entries(summary.facilitiesByCategory)
      .map(([category, count]) => `${category} ${count}`)
      .join(', ')}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
