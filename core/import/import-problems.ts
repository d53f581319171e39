/**
 * Problems an import finds, each naming where (row, record or feature, and the feature's id), which
 * field (and the file's column it came from) and what is wrong, so a planner can fix the file.
 * Errors block the import (all or nothing); warnings and notes are reported and do not. Every
 * problem is said in English (`message`: the command line, the API) and in Chinese (`messageZh`:
 * the wizard), location and field included.
 */
import type { Bilingual } from '../formats/bilingual-error.js';
import { locationZh } from './bilingual-text.js';
import { fieldLabelZh, type ImportLayer } from './import-layers.js';

export type ProblemSeverity = 'error' | 'warning' | 'note';

/** Machine-readable kinds, stable for the client wizard and the tests. */
export const PROBLEM_CODES = [
  'unreadable',
  'crs-unknown',
  'missing-column',
  'required-field',
  'empty-value',
  'not-a-number',
  'out-of-range',
  'unknown-value',
  'duplicate-id',
  'id-exists',
  'geometry-missing',
  'geometry-type',
  'geometry-malformed',
  'not-degrees',
  'axis-swapped',
  'outside-region',
  'invalid-geometry',
  'repaired',
  'unknown-reference',
  'no-parent',
  'derived',
  'defaulted',
  'rounded',
  'text-encoding',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface ImportProblem {
  severity: ProblemSeverity;
  code: ProblemCode;
  /** 0-based position of the record in the file; null for problems of the file or the region. */
  index: number | null;
  /** How a person finds the record: "row 7" (CSV line), "record 5" (Shapefile), "feature #3" (GeoJSON). */
  location: string | null;
  /** The record's id (mapped or generated), when known. */
  featureId: string | null;
  /** The layer field concerned (e.g. "residents", "geometry"), when one is. */
  field: string | null;
  /** The file's column the field was read from, when one was. */
  column: string | null;
  /** The whole sentence, location and field included. */
  message: string;
  /** `location` in Chinese: "第 7 行", "第 5 条记录", "第 4 个要素（#3）". */
  locationZh: string | null;
  /** The field's Chinese name, e.g. "常住人口" for residents. */
  fieldZh: string | null;
  /** The whole sentence in Chinese, location and field included. */
  messageZh: string;
  /** What is wrong without the location and field, for a table that shows those in columns of their own. */
  detail: string;
  /** `detail` in Chinese. */
  detailZh: string;
}

/** The most problems listed in one answer; the counts by code always cover every problem. */
export const MAX_LISTED_PROBLEMS = 2000;

export interface ProblemInput {
  severity?: ProblemSeverity;
  code: ProblemCode;
  index?: number | null;
  location?: string | null;
  featureId?: string | null;
  field?: string | null;
  column?: string | null;
  /** `location` in Chinese when it is not a record's ("row 7" and the like are translated here). */
  locationZh?: string | null;
  /** What is wrong in both languages, without the location prefix (added here). */
  text: Bilingual;
}

/**
 * Builds a problem whose message starts with where it is: `row 7 (id "f-3"), field "residents"
 * (column "人口"): …`, and in Chinese `第 7 行（编号“f-3”），字段“常住人口”（文件列“人口”）：…`.
 * `layer` names the field in Chinese (a field of no layer keeps its own name).
 */
export function makeProblem(input: ProblemInput, layer: ImportLayer | null = null): ImportProblem {
  const parts: string[] = [];
  const partsZh: string[] = [];
  const whereZh = input.location ? (input.locationZh ?? locationZh(input.location)) : null;
  const fieldZh = input.field ? fieldLabelZh(input.field, layer) : null;
  if (input.location) {
    parts.push(input.featureId ? `${input.location} (id "${input.featureId}")` : input.location);
    partsZh.push(input.featureId ? `${whereZh}（编号“${input.featureId}”）` : whereZh!);
  }
  if (input.field) {
    parts.push(input.column ? `field "${input.field}" (column "${input.column}")` : `field "${input.field}"`);
    partsZh.push(input.column ? `字段“${fieldZh}”（文件列“${input.column}”）` : `字段“${fieldZh}”`);
  }
  const prefix = parts.join(', ');
  const prefixZh = partsZh.join('，');
  return {
    severity: input.severity ?? 'error',
    code: input.code,
    index: input.index ?? null,
    location: input.location ?? null,
    featureId: input.featureId ?? null,
    field: input.field ?? null,
    column: input.column ?? null,
    message: prefix ? `${prefix}: ${input.text.en}` : input.text.en,
    locationZh: whereZh,
    fieldZh,
    messageZh: prefixZh ? `${prefixZh}：${input.text.zh}` : input.text.zh,
    detail: input.text.en,
    detailZh: input.text.zh,
  };
}

/** Whether any problem blocks the import. */
export function hasErrors(problems: readonly ImportProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

/** Problems counted by severity and code, e.g. `{ error: { "not-a-number": 3 } }`. */
export function countProblems(
  problems: readonly ImportProblem[],
): Record<ProblemSeverity, Partial<Record<ProblemCode, number>>> {
  const counts: Record<ProblemSeverity, Partial<Record<ProblemCode, number>>> = {
    error: {},
    warning: {},
    note: {},
  };
  for (const problem of problems) {
    const bySeverity = counts[problem.severity];
    bySeverity[problem.code] = (bySeverity[problem.code] ?? 0) + 1;
  }
  return counts;
}

/** Errors first, then warnings, then notes; within each, in file order (file-level problems first). */
export function sortProblems(problems: readonly ImportProblem[]): ImportProblem[] {
  const rank: Record<ProblemSeverity, number> = { error: 0, warning: 1, note: 2 };
  return problems
    .map((problem, order) => ({ problem, order }))
    .sort(
      (a, b) =>
        rank[a.problem.severity] - rank[b.problem.severity] ||
        (a.problem.index ?? -1) - (b.problem.index ?? -1) ||
        a.order - b.order,
    )
    .map(({ problem }) => problem);
}

/** The problems of one import in the order its steps find them (sortProblems keeps that order within a record). */
export class ProblemLog {
  readonly problems: ImportProblem[] = [];

  constructor(private readonly layer: ImportLayer | null = null) {}

  /** Adds a problem made from `input` (see makeProblem). */
  report(input: ProblemInput): void {
    this.problems.push(makeProblem(input, this.layer));
  }

  /** Adds problems made elsewhere (e.g. by convertFeatures), in their order. */
  add(problems: readonly ImportProblem[]): void {
    this.problems.push(...problems);
  }

  /** Indexes of the records already refused for their geometry (e.g. outside the region). */
  recordsRefusedForGeometry(): Set<number | null> {
    return new Set(
      this.problems
        .filter((problem) => problem.severity === 'error' && problem.field === 'geometry')
        .map((problem) => problem.index),
    );
  }
}
