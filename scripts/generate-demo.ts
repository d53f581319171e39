/**
 * Writes the synthetic demo region (data/geojson/README.md) — the same bytes on every run.
 *
 *   npx tsx scripts/generate-demo.ts                 # data/geojson/demo
 *   npx tsx scripts/generate-demo.ts --scale 20      # data/geojson/demo-x20 (benchmarks; not committed)
 *   npx tsx scripts/generate-demo.ts --out some/dir  # anywhere else
 */

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDemoRegion } from './demo-region/generate';

const REPOSITORY_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArguments(argv: string[]): { scale: number; outDirectory: string } {
  let scale = 1;
  let out: string | null = null;
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
    else if (argument === '--help' || argument === '-h') {
      console.log('usage: npx tsx scripts/generate-demo.ts [--scale N] [--out DIR]');
      process.exit(0);
    } else throw new Error(`unknown argument ${argument} (usage: [--scale N] [--out DIR])`);
  }
  if (!Number.isInteger(scale) || scale < 1)
    throw new Error(`--scale must be a positive integer, got ${scale}`);
  const defaultOut = path.join(REPOSITORY_ROOT, 'data/geojson', scale === 1 ? 'demo' : `demo-x${scale}`);
  return { scale, outDirectory: out === null ? defaultOut : path.resolve(out) };
}

async function main(): Promise<void> {
  const { scale, outDirectory } = parseArguments(process.argv.slice(2));
  const started = performance.now();
  const { files, summary } = generateDemoRegion({ scale });
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
