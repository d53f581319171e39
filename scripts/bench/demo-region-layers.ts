/**
 * The scaled demo region's files for the siting and partition benchmarks, without a database: read
 * from `data/geojson/demo-x<N>` when `npm run generate:demo -- --scale N` wrote it, else generated in
 * memory. In memory the generator's own checks run first; when they fail (a plan that misses a
 * requirement new categories added), the town is rendered anyway and the bench says so, since the
 * figures measured here do not depend on those requirements.
 */

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDemoRegion } from '../demo-region/generate.js';
import { DEMO_PLAN } from '../demo-region/layout.js';
import { DEMO_SEED } from '../demo-region/prng.js';
import { renderRegionFiles } from '../demo-region/render.js';
import { buildDemoTown } from '../demo-region/town.js';

const REPOSITORY_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** File name (`units.geojson` …) → text of the demo region at `scale`. */
export async function demoRegionFiles(scale: number): Promise<Record<string, string>> {
  const folder = path.join(REPOSITORY_ROOT, 'data/geojson', scale === 1 ? 'demo' : `demo-x${scale}`);
  if (existsSync(path.join(folder, 'units.geojson'))) {
    console.log(`region: ${path.relative(REPOSITORY_ROOT, folder)}`);
    const names = ['network', 'units', 'facilities', 'communities', 'streets', 'water'].map(
      (name) => `${name}.geojson`,
    );
    return Object.fromEntries(
      await Promise.all(
        [...names, 'region.json'].map(async (name) => [
          name,
          await readFile(path.join(folder, name), 'utf8'),
        ]),
      ),
    );
  }
  try {
    const { files } = generateDemoRegion({ scale });
    console.log(`region: demo at scale ${scale}, generated in memory`);
    return files;
  } catch (error) {
    console.log(
      `region: demo at scale ${scale}, rendered in memory without the generator's checks, which fail here:\n  ${String((error as Error).message).replaceAll('\n', '\n  ')}`,
    );
    return renderRegionFiles(buildDemoTown(DEMO_PLAN, DEMO_SEED), scale).files;
  }
}
