/**
 * What judging a rule answers (standards §0), the same shape for a community, a street and the
 * region, so the API, the screen, exports and the printed page all say it the same way.
 */

import type { Bilingual } from '../text/bilingual.js';
import type { SeatKind } from './community-figures.js';
import type { RuleSource } from './documents.js';
import type { ReachRequirement } from './reach.js';
import type { RuleGrade, RuleKind, RuleScope } from './rules.js';

/**
 * - `pass` / `fail`: a binding or expected rule with its figure known;
 * - `advice`: guidance (原则上, 为宜, 宜, 可, 一般…) not met — 建议, never 不合格;
 * - `undetermined`: a figure it needs is missing (待定·缺数据) — never pass, never fail;
 * - `not-applicable`: the rule does not concern this community (its type, its area, nothing to judge).
 */
export const RULE_STATUSES = ['pass', 'fail', 'advice', 'undetermined', 'not-applicable'] as const;
export type RuleStatus = (typeof RULE_STATUSES)[number];

/** The 村改居 test is a classification, never a failure (standards §2). */
export const CLASSIFICATION_STATUSES = ['candidate', 'not-candidate', 'undetermined'] as const;
export type ClassificationStatus = (typeof CLASSIFICATION_STATUSES)[number];

/** Any status a result may carry: a rule's, or a classification's (which may also be not-applicable). */
export type ResultStatus = RuleStatus | 'candidate' | 'not-candidate';

/** Why a rule was not applicable or undetermined. */
export const RESULT_REASONS = [
  /** The community's type is outside the rule's (under the profile). */
  'not-for-type',
  /** The rule concerns new residential areas (002's 新建居住社区) and this is not one. */
  'not-new-residential',
  /** Nothing to judge: no health centre to be next to anything, no grids to staff, no residents. */
  'nothing-to-judge',
  /** The tier table in force gives the rule's categories no tier. */
  'no-tier',
  /** The document sets no limit here (a county seat). */
  'no-limit',
  /** A figure the rule needs is missing (see `missing`). */
  'missing-data',
] as const;
export type ResultReason = (typeof RESULT_REASONS)[number];

export interface RuleResult {
  ruleId: string;
  kind: RuleKind;
  scope: RuleScope;
  grade: RuleGrade;
  status: ResultStatus;
  /** The figure that decided it (a share as 0–1, an area in m², a distance in m…), or null. */
  figure: number | null;
  /** The bound it was held to, readable: "≥ 30", "4 500–12 000", "≥ 80 %", "≤ 200 m". */
  threshold: string;
  /** The same bound as numbers (shares as 0–1), or null where there is none. */
  bounds: { min: number | null; max: number | null } | null;
  unit: Bilingual;
  /** Whether a figure of the result is this tool's own choice (工具默认), not a document's. */
  toolDefault: boolean;
  /** What the tool chose, when toolDefault. */
  toolDefaultNote: Bilingual | null;
  sources: readonly RuleSource[];
  title: Bilingual;
  advice: Bilingual;
  /** For fail/advice: whether the figure is below or above the bound. */
  side?: 'below' | 'above';
  reason?: ResultReason;
  /** For `undetermined`: the figures that are missing (SurveyedFigures names, `facilities`, `reach:<key>`…). */
  missing?: readonly string[];
  /** A reading the tool chose that bears on this result (a boundary, a clause's scope). */
  note?: Bilingual | null;
  /** For reach rules: the speed and what was walked to, from the tier table in force. */
  walk?: { speedMetersPerSecond: number; requirement: ReachRequirement };
}

/** Who a region-scope or street-scope result is about. */
export type RegionSubject =
  | { kind: 'region' }
  | { kind: 'street'; streetId: string; seat: { kind: SeatKind | null; name: string | null } | null };

export interface RegionRuleResult extends RuleResult {
  subject: RegionSubject;
  /** Communities the figure is over, and those whose figures were missing. */
  communities: { counted: number; missing: readonly string[] };
}

/**
 * A community's share in a region- or street-scope rule: shown beside its own results, never
 * judged on its own (standards §0).
 */
export interface RuleContribution {
  ruleId: string;
  kind: RuleKind;
  scope: RuleScope;
  grade: RuleGrade;
  title: Bilingual;
  unit: Bilingual;
  sources: readonly RuleSource[];
  communityId: string;
  /** The community's own figure of the measure (its workers per 10 000, whether it has a centre as 1/0…), or null. */
  figure: number | null;
  /** What it adds to the region's numerator and denominator, where the measure is a ratio. */
  numerator: number | null;
  denominator: number | null;
  /** The status of the region or street result it belongs to. */
  subjectStatus: ResultStatus;
  subject: RegionSubject;
}

export interface ResultSummary {
  pass: number;
  fail: number;
  advice: number;
  undetermined: number;
  notApplicable: number;
  candidate: number;
  notCandidate: number;
  /** Results actually judged (pass + fail + advice): what a ranking should rank by. */
  judged: number;
}

/** Counts of each status; a classification never counts as a failure. */
export function summarizeResults(results: readonly { status: ResultStatus }[]): ResultSummary {
  const summary: ResultSummary = {
    pass: 0,
    fail: 0,
    advice: 0,
    undetermined: 0,
    notApplicable: 0,
    candidate: 0,
    notCandidate: 0,
    judged: 0,
  };
  for (const { status } of results) {
    if (status === 'not-applicable') summary.notApplicable += 1;
    else if (status === 'not-candidate') summary.notCandidate += 1;
    else summary[status] += 1;
  }
  summary.judged = summary.pass + summary.fail + summary.advice;
  return summary;
}
