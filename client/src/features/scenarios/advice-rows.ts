/**
 * Turns the server's standards advice (村改社区 candidates, relocation merge/split advice) into the
 * rows the advice section shows: what a candidate village would lack as a list of readable items
 * (m² of floor area, workers, facility categories per tier, residents outside the band) instead of
 * the rule-by-rule report, and per relocation community the recommended merge or the proposed parts.
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

/** A rule a village would be held to as the target type, with what it lacks. */
type ConversionRuleGap = VillageConversionEntry['gaps']['floorArea'][number];

/** One thing a village would lack as an urban (or fringe) community. */
export type VillageLack =
  /** Service floor area missing to pass a rule, m². */
  | { kind: 'floor-area'; ruleId: string; title: Bilingual; squareMeters: number }
  /** Workers missing to pass a rule. */
  | { kind: 'staff'; ruleId: string; title: Bilingual; workers: number }
  /** A share rule failing by this much (0–1). */
  | { kind: 'share'; ruleId: string; title: Bilingual; share: number }
  /** A failing rule whose shortfall the server could not put as a quantity. */
  | { kind: 'rule'; ruleId: string; title: Bilingual; figure: number | null; threshold: string }
  /** Categories of one tier its residents do not reach (enough of them). */
  | { kind: 'facilities'; tierMinutes: number; categories: { category: string; name: Bilingual }[] }
  /** Outside the target type's size band: negative below it, positive above it. */
  | {
      kind: 'size';
      measure: 'residents' | 'households';
      value: number;
      band: { min: number | null; max: number | null };
      outsideBand: number;
    };

export interface VillageRow {
  communityId: string;
  name: string;
  residents: number;
  candidate: boolean;
  conditions: VillageConversionEntry['conditions'];
  reason: Bilingual | null;
  /** Empty for a village that is not a candidate (it is not asked what it would lack). */
  lacks: VillageLack[];
}

function ruleLack(gap: ConversionRuleGap, group: 'floorArea' | 'staff'): VillageLack | null {
  if (gap.status !== 'fail') return null;
  const shortfall = gap.shortfall;
  if (!shortfall || !(shortfall.amount > 0))
    return {
      kind: 'rule',
      ruleId: gap.ruleId,
      title: gap.title,
      figure: gap.figure,
      threshold: gap.threshold,
    };
  // core/scenario/village-conversion.ts names its units: m², workers (人), or share points (%, as 0–1).
  if (shortfall.unit.en === '%')
    return { kind: 'share', ruleId: gap.ruleId, title: gap.title, share: shortfall.amount };
  if (group === 'floorArea' && shortfall.unit.en === 'm²')
    return { kind: 'floor-area', ruleId: gap.ruleId, title: gap.title, squareMeters: shortfall.amount };
  return { kind: 'staff', ruleId: gap.ruleId, title: gap.title, workers: shortfall.amount };
}

/** What one village would lack as its target type, in reading order (floor area, staff, facilities, size). */
export function villageLacks(entry: VillageConversionEntry): VillageLack[] {
  const lacks: VillageLack[] = [];
  for (const gap of entry.gaps.floorArea) {
    const lack = ruleLack(gap, 'floorArea');
    if (lack) lacks.push(lack);
  }
  for (const gap of entry.gaps.staff) {
    const lack = ruleLack(gap, 'staff');
    if (lack) lacks.push(lack);
  }
  for (const tier of [...entry.gaps.facilities].sort((a, b) => a.tierMinutes - b.tierMinutes)) {
    if (tier.lacking.length === 0) continue;
    const names = new Map(tier.categories.map((category) => [category.category, category.name]));
    lacks.push({
      kind: 'facilities',
      tierMinutes: tier.tierMinutes,
      categories: tier.lacking.map((category) => ({
        category,
        name: names.get(category) ?? { zh: category, en: category },
      })),
    });
  }
  for (const size of entry.gaps.size) {
    if (size.outsideBand === 0 || !size.band) continue;
    lacks.push({
      kind: 'size',
      measure: size.measure,
      value: size.value,
      band: size.band,
      outsideBand: size.outsideBand,
    });
  }
  return lacks;
}

/** Every village of the report, candidates first, each group by name. */
export function villageRows(report: VillageCandidatesAnswer): VillageRow[] {
  return report.villages
    .map((entry) => ({
      communityId: entry.communityId,
      name: entry.name,
      residents: entry.residents,
      candidate: entry.candidate,
      conditions: entry.conditions,
      reason: entry.reason,
      lacks: entry.candidate ? villageLacks(entry) : [],
    }))
    .sort((a, b) => Number(b.candidate) - Number(a.candidate) || a.name.localeCompare(b.name, 'zh-CN'));
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
