/**
 * The demo region generator as a pure function: plan → town → region files, all in memory.
 * `scripts/generate-demo.ts` writes the result; tests call this directly.
 */

import type { CommunityTypeId } from '../../core/standards/community-types';
import type { FacilityCategoryId } from '../../core/standards/facility-categories';
import { countByCategory } from './facilities';
import { DEMO_SEED } from './prng';
import { demoRegionId, renderRegionFiles, type RegionCounts, type RegionFiles } from './render';
import { assertRenderedRequirements, assertTownRequirements } from './requirements';
import { buildDemoTown, type DemoTown } from './town';

/** Options of {@link generateDemoRegion}. */
export interface GenerateDemoOptions {
  /** How many copies of the town to tile (1 = the shipped demo). */
  scale?: number;
  /** PRNG seed; the shipped demo uses DEMO_SEED. */
  seed?: number;
}

/** What was generated, for the command line and for tests. */
export interface DemoSummary {
  regionId: string;
  scale: number;
  counts: RegionCounts;
  /** Per community of the town (one tile): id, name, type and population. */
  communities: { id: string; name: string; type: CommunityTypeId; residents: number; households: number }[];
  /** Facilities of each category over the whole region. */
  facilitiesByCategory: Record<FacilityCategoryId, number>;
  /** Size of each file in bytes (UTF-8). */
  fileBytes: Record<string, number>;
}

/** A generated region: its files in memory, a summary, and the town behind them. */
export interface GeneratedDemo {
  /** File name → exact text. */
  files: RegionFiles;
  summary: DemoSummary;
  /** The town every tile was rendered from. */
  town: DemoTown;
}

/** Generates the demo region (or a scaled copy) in memory and checks its requirements. */
export function generateDemoRegion(options: GenerateDemoOptions = {}): GeneratedDemo {
  const scale = options.scale ?? 1;
  const town = buildDemoTown(options.seed ?? DEMO_SEED);
  assertTownRequirements(town);
  const { files, counts } = renderRegionFiles(town, scale);
  const fileBytes = Object.fromEntries(
    Object.entries(files).map(([name, text]) => [name, Buffer.byteLength(text, 'utf8')]),
  );
  assertRenderedRequirements(scale, counts, fileBytes);
  const facilitiesByCategory = countByCategory(town.facilities);
  for (const category of Object.keys(facilitiesByCategory) as FacilityCategoryId[])
    facilitiesByCategory[category] *= scale;
  return {
    files,
    town,
    summary: {
      regionId: demoRegionId(scale),
      scale,
      counts,
      communities: town.communities.map((community) => ({
        id: community.plan.id,
        name: community.plan.name,
        type: community.plan.type,
        residents: community.residents,
        households: community.households,
      })),
      facilitiesByCategory,
      fileBytes,
    },
  };
}
