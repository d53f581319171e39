/**
 * The synthetic region generator as a pure function: plan → town → region files, all in memory.
 * `scripts/generate-demo.ts` writes the result; tests call this directly.
 */

import type { CommunityTypeId } from '../../core/standards/community-types';
import type { FacilityCategoryId } from '../../core/standards/facility-categories';
import { countByCategory } from './facilities';
import { JISHOU_PLAN } from './jishou-layout';
import { DEMO_PLAN } from './layout';
import { DEMO_SEED, JISHOU_SEED } from './prng';
import { renderRegionFiles, scaledRegionId, type RegionCounts, type RegionFiles } from './render';
import {
  assertRenderedRequirements,
  assertTownRequirements,
  demoRequirements,
  jishouRequirements,
  type TownRequirements,
} from './requirements';
import { buildDemoTown, type DemoTown } from './town';
import type { TownPlan } from './town-plan';

/** A region the generator writes: its plan, its fixed seed and what it must contain. */
export interface GeneratedRegion {
  plan: TownPlan;
  seed: number;
  requirements: TownRequirements;
}

/** The shipped synthetic regions, by id, in the order the server loads them (data/geojson/<id>). */
export const GENERATED_REGIONS = {
  demo: { plan: DEMO_PLAN, seed: DEMO_SEED, requirements: demoRequirements },
  'jishou-demo': { plan: JISHOU_PLAN, seed: JISHOU_SEED, requirements: jishouRequirements },
} satisfies Record<string, GeneratedRegion>;
export type GeneratedRegionId = keyof typeof GENERATED_REGIONS;

/** Whether `value` names a region the generator writes. */
export function isGeneratedRegionId(value: string): value is GeneratedRegionId {
  return Object.hasOwn(GENERATED_REGIONS, value);
}

/** Options of {@link generateDemoRegion}. */
export interface GenerateDemoOptions {
  /** Which region to generate (default `demo`). */
  region?: GeneratedRegionId;
  /** How many copies of the town to tile (1 = the shipped region). */
  scale?: number;
  /** PRNG seed; the shipped regions use their own fixed seeds. */
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

/** Generates a shipped region (the demo unless named) or a scaled copy in memory, and checks it. */
export function generateDemoRegion(options: GenerateDemoOptions = {}): GeneratedDemo {
  const scale = options.scale ?? 1;
  const region: GeneratedRegion = GENERATED_REGIONS[options.region ?? 'demo'];
  const town = buildDemoTown(region.plan, options.seed ?? region.seed);
  assertTownRequirements(town, region.requirements);
  const { files, counts } = renderRegionFiles(town, scale);
  const fileBytes = Object.fromEntries(
    Object.entries(files).map(([name, text]) => [name, Buffer.byteLength(text, 'utf8')]),
  );
  assertRenderedRequirements(region.plan.region.id, scale, counts, fileBytes);
  const facilitiesByCategory = countByCategory(town.facilities);
  for (const category of Object.keys(facilitiesByCategory) as FacilityCategoryId[])
    facilitiesByCategory[category] *= scale;
  return {
    files,
    town,
    summary: {
      regionId: scaledRegionId(region.plan, scale),
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
