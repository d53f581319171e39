/**
 * Turns the server's standards advice (村改社区 classification, relocation merge/split advice) into
 * the rows the advice section shows: per village its classification and, for a candidate, the rules
 * it would not meet as its target type grouped in reading order with what each lacks; per relocation
 * community the recommended merge or the proposed parts.
 */
import type {
  Bilingual,
  RelocationAdviceAnswer,
  RelocationCommunityAdvice,
  VillageCandidatesAnswer,
  VillageConversionEntry,
} from '../../lib/api-types';
import type { CommunityTypeId } from '../../lib/standards';
import type { ScenarioEdit } from './scenario-core';

/** A rule a village would be held to as its target type, with its shortfall. */
type ConversionRuleGap = VillageConversionEntry['gaps']['floorArea'][number];

/** What the conversion rules are grouped by on screen, in reading order. */
export const LACK_GROUPS = ['size', 'floorArea', 'staff', 'provision', 'facilities', 'other'] as const;
export type LackGroup = (typeof LACK_GROUPS)[number];

/**
 * One rule a village would not meet as its target type (不达标, 建议) or could not be judged on
 * (待定·缺数据), with what it lacks where the server could put it as a quantity.
 */
export interface VillageLack {
  group: LackGroup;
  gap: ConversionRuleGap;
  /** For a reach rule: the walking minutes of its tier (null: the tier table gives it none). */
  tierMinutes: number | null;
}

export interface VillageRow {
  communityId: string;
  name: string;
  residents: number;
  /** The 村改居 classification (never a failure), or not-applicable without the test. */
  status: VillageConversionEntry['status'];
  candidate: boolean;
  /** 申请类型 recorded for the village (null: none). */
  applicationTarget: VillageConversionEntry['applicationTarget'];
  /** The type it is held to, and why that one (its application, the planner's request, the default). */
  target: VillageConversionEntry['gaps']['type'];
  targetFrom: VillageConversionEntry['gaps']['targetFrom'];
  conditions: VillageConversionEntry['conditions'];
  reason: Bilingual | null;
  /** Rules not met or undetermined as the target type (for every village: a planner may convert any). */
  lacks: VillageLack[];
  counts: VillageConversionEntry['gaps']['counts'];
}

const SHOWN_GAP_STATUSES: ReadonlySet<string> = new Set(['fail', 'advice', 'undetermined']);

/** What one village would lack as its target type, in reading order (size, floor area, staff, provision, reach, other). */
export function villageLacks(entry: VillageConversionEntry): VillageLack[] {
  const lacks: VillageLack[] = [];
  for (const group of LACK_GROUPS) {
    if (group === 'facilities') {
      for (const tier of entry.gaps.facilities)
        for (const gap of tier.gaps)
          if (SHOWN_GAP_STATUSES.has(gap.status)) lacks.push({ group, gap, tierMinutes: tier.tierMinutes });
      continue;
    }
    for (const gap of entry.gaps[group])
      if (SHOWN_GAP_STATUSES.has(gap.status)) lacks.push({ group, gap, tierMinutes: null });
  }
  return lacks;
}

const CLASSIFICATION_ORDER: Record<VillageConversionEntry['status'], number> = {
  candidate: 0,
  undetermined: 1,
  'not-candidate': 2,
  'not-applicable': 3,
};

/** Every village of the report: candidates, then undetermined, then the rest, each group by name. */
export function villageRows(report: VillageCandidatesAnswer): VillageRow[] {
  return report.villages
    .map((entry) => ({
      communityId: entry.communityId,
      name: entry.name,
      residents: entry.residents,
      status: entry.status,
      candidate: entry.candidate,
      applicationTarget: entry.applicationTarget,
      target: entry.gaps.type,
      targetFrom: entry.gaps.targetFrom,
      conditions: entry.conditions,
      reason: entry.reason,
      lacks: villageLacks(entry),
      counts: entry.gaps.counts,
    }))
    .sort(
      (a, b) =>
        CLASSIFICATION_ORDER[a.status] - CLASSIFICATION_ORDER[b.status] ||
        a.name.localeCompare(b.name, 'zh-CN'),
    );
}

export interface MergeRow {
  /** The adjacent community that adds the least walking time; null when none qualifies. */
  intoId: string | null;
  intoName: string | null;
  intoType: CommunityTypeId | null;
  /** Mean walk of the relocated residents to its service station, minutes. */
  meanWalkMinutes: number | null;
  /** That less the walk to their own station, minutes. */
  addedWalkMinutes: number | null;
  mergedResidents: number | null;
  /** How far the merged community would lie outside its type's band (0 inside). */
  mergedOutsideBand: number;
  edit: ScenarioEdit | null;
  message: Bilingual;
}

export interface SplitPartRow {
  /** The first part keeps the community's name; the others are the names of their `create` edits. */
  name: string;
  residents: number;
  households: number;
  unitIds: string[];
}

export interface SplitRow {
  ok: boolean;
  parts: SplitPartRow[];
  edits: ScenarioEdit[];
  message: Bilingual;
}

export interface RelocationRow {
  communityId: string;
  name: string;
  residents: number;
  status: RelocationCommunityAdvice['status'];
  merge: MergeRow | null;
  split: SplitRow | null;
}

const toMinutes = (seconds: number | null) => (seconds === null ? null : seconds / 60);

function mergeRow(advice: NonNullable<RelocationCommunityAdvice['merge']>): MergeRow {
  const recommended =
    advice.candidates.find((candidate) => candidate.communityId === advice.recommended) ?? null;
  return {
    intoId: recommended?.communityId ?? null,
    intoName: recommended?.name ?? null,
    intoType: recommended?.type ?? null,
    meanWalkMinutes: toMinutes(recommended?.meanWalkSeconds ?? null),
    addedWalkMinutes: toMinutes(recommended?.addedWalkSeconds ?? null),
    mergedResidents: recommended?.mergedResidents ?? null,
    mergedOutsideBand: recommended?.mergedResidentsOutsideBand ?? 0,
    edit: recommended && advice.edit ? advice.edit : null,
    message: advice.message,
  };
}

/** The name of the community a `create` edit makes. */
function createdName(edit: ScenarioEdit | undefined): string | null {
  return edit?.op === 'create' ? edit.community.name : null;
}

function splitRow(name: string, advice: NonNullable<RelocationCommunityAdvice['split']>): SplitRow {
  return {
    ok: advice.ok,
    parts: advice.parts.map((part, index) => ({
      name: index === 0 ? name : (createdName(advice.edits[index - 1]) ?? `${name} ${index + 1}`),
      residents: part.residents,
      households: part.households,
      unitIds: part.unitIds,
    })),
    // Only a valid proposal is offered as edits.
    edits: advice.ok ? advice.edits : [],
    message: advice.message,
  };
}

/** Every relocation community with its advice: those to act on (merge, split) first, then by name. */
export function relocationRows(report: RelocationAdviceAnswer): RelocationRow[] {
  const order: Record<RelocationCommunityAdvice['status'], number> = {
    merge: 0,
    split: 0,
    'not-judged': 1,
    'within-band': 2,
  };
  return report.communities
    .map((entry) => ({
      communityId: entry.communityId,
      name: entry.name,
      residents: entry.residents,
      status: entry.status,
      merge: entry.status === 'merge' && entry.merge ? mergeRow(entry.merge) : null,
      split: entry.status === 'split' && entry.split ? splitRow(entry.name, entry.split) : null,
    }))
    .sort((a, b) => order[a.status] - order[b.status] || a.name.localeCompare(b.name, 'zh-CN'));
}

/**
 * The `convert-village` edits that turn every village with an application (申请类型) into the type it
 * applied for, skipping those already converted among the pending edits (`liveType` not `village`).
 */
export function conversionsByApplication(
  rows: readonly VillageRow[],
  liveType: (communityId: string) => string | null,
): ScenarioEdit[] {
  return rows
    .filter((row) => row.applicationTarget !== null && liveType(row.communityId) === 'village')
    .map((row) => ({ op: 'convert-village', communityId: row.communityId, to: row.applicationTarget! }));
}
