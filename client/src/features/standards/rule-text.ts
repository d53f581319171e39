/**
 * Readable forms of rule results, the same on every panel, export preview and the printed page:
 * status and grade labels, a figure in its unit, documents named by title with their clause (never
 * "文件 002"), and the figures an undetermined result is missing, in the interface's language.
 */
import { formatNumber, formatShare } from '../../lib/format';
import type { Language, MessageKey } from '../../lib/i18n';
import {
  SOURCE_DOCUMENTS,
  type Bilingual,
  type ResultStatus,
  type RuleGrade,
  type RuleSource,
} from '../../lib/standards';
import type { BadgeTone } from '../../ui/badge';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A result as every helper here reads it (a community's, a region's, a gap: all carry these). */
export interface ShownResult {
  ruleId: string;
  kind: string;
  status: ResultStatus;
  grade: RuleGrade;
  figure: number | null;
  threshold: string;
  unit: Bilingual;
  sources: readonly RuleSource[];
  missing?: readonly string[];
}

/** Whether a result is the 村改居 classification (candidate / not / undetermined: never a failure). */
export function isClassification(result: { kind: string }): boolean {
  return result.kind === 'classification';
}

/** The label of a status: 合格, 不合格, 建议, 待定·缺数据, 不适用; 候选, 非候选, 待定 for a classification. */
export function statusKey(result: { status: ResultStatus; kind: string }): MessageKey {
  if (isClassification(result) && result.status === 'undetermined')
    return 'rule.status.classificationUndetermined';
  return `rule.status.${result.status}`;
}

/** The badge colour of a status: advice is amber and undetermined grey, never the red of a failure. */
export function statusTone(status: ResultStatus): BadgeTone {
  switch (status) {
    case 'pass':
      return 'pass';
    case 'fail':
      return 'fail';
    case 'advice':
      return 'advice';
    case 'undetermined':
      return 'undetermined';
    case 'candidate':
      return 'candidate';
    default:
      return 'not-applicable';
  }
}

export function gradeKey(grade: RuleGrade): MessageKey {
  return `rule.grade.${grade}`;
}

/** A document by its title in the interface's language: 《乐山市“十四五”城乡社区发展治理规划》. */
export function documentTitle(source: Pick<RuleSource, 'document' | 'title'>, language: Language): string {
  return language === 'en' ? SOURCE_DOCUMENTS[source.document].titleEn : source.title;
}

/** A source as a planner cites it: the document's title and the clause (“《…》专栏2”). */
export function sourceText(source: RuleSource, language: Language): string {
  const title = documentTitle(source, language);
  return language === 'en' ? `${title}, ${source.clause}` : `${title}${source.clause}`;
}

/** Each document once, by title, in the order the sources name them (for a compact line). */
export function documentTitles(sources: readonly RuleSource[], language: Language): string[] {
  const seen = new Set<string>();
  const titles: string[] = [];
  for (const source of sources) {
    if (seen.has(source.document)) continue;
    seen.add(source.document);
    titles.push(documentTitle(source, language));
  }
  return titles;
}

/** A figure in its unit: shares as percentages, areas and counts with their unit ("1 234 人", "35.2%"). */
export function figureText(figure: number | null, unit: Bilingual, language: Language): string | null {
  if (figure === null || !Number.isFinite(figure)) return null;
  if (unit.en === '%') return formatShare(figure);
  const digits = Math.abs(figure) >= 100 || Number.isInteger(figure) ? 0 : Math.abs(figure) >= 10 ? 1 : 2;
  const text = formatNumber(figure, digits);
  const name = unit[language];
  if (!name) return text;
  return `${text} ${name}`;
}

/** One missing figure's name (SurveyedFigures names, `facilities`, `reach:<key>`, `floorAreaSquareMeters:<id>`…). */
export function missingName(name: string, t: Translate): string {
  const [head, detail] = name.split(/:(.*)/s, 2);
  if (detail !== undefined) {
    if (head === 'reach') return t('missing.reachOf', { key: detail });
    if (head === 'floorAreaSquareMeters') return t('missing.floorArea', { id: detail });
    if (head === 'landAreaSquareMeters') return t('missing.landArea', { id: detail });
    if (head === 'position') return t('missing.position', { id: detail });
  }
  const key = `missing.${name}`;
  return MISSING_KEYS.has(key) ? t(key as MessageKey) : name;
}

const MISSING_KEYS = new Set<string>([
  'missing.serviceFloorAreaSquareMeters',
  'missing.stationProvenance',
  'missing.activityFloorShare',
  'missing.commercialFloorShare',
  'missing.staff',
  'missing.socialWorkers',
  'missing.grids',
  'missing.gridWorkers',
  'missing.policeOfficers',
  'missing.auxiliaryPoliceOfficers',
  'missing.openingHoursPerDay',
  'missing.parkingSpaces',
  'missing.newResidentialArea',
  'missing.seatKind',
  'missing.agriculturalLandShare',
  'missing.developmentProgress',
  'missing.seatName',
  'missing.applicationTarget',
  'missing.facilities',
  'missing.reach',
]);

/** "缺少：服务用房面积、社区工作者人数" for an undetermined result; null when nothing is missing. */
export function missingText(
  names: readonly string[] | undefined,
  t: Translate,
  language: Language,
): string | null {
  if (!names || names.length === 0) return null;
  const list = names.map((name) => missingName(name, t)).join(language === 'en' ? ', ' : '、');
  return t('rule.missing', { names: list });
}

/** Severity for sorting a list: what to act on first. */
export const STATUS_ORDER: Record<ResultStatus, number> = {
  fail: 0,
  advice: 1,
  undetermined: 2,
  candidate: 3,
  'not-candidate': 4,
  pass: 5,
  'not-applicable': 6,
};

/** A rule result with everything a row shows: the contract's and core's results both fit it. */
export interface RuleResultView extends ShownResult {
  scope: string;
  title: Bilingual;
  advice: Bilingual;
  toolDefault: boolean;
  toolDefaultNote: Bilingual | null;
  note?: Bilingual | null;
  reason?: string;
  side?: 'below' | 'above';
  walk?: {
    speedMetersPerSecond: number;
    requirement: {
      key: string;
      allOf: readonly { anyOf: readonly { category: string; minutes: number }[] }[];
    };
  };
}

/** Counts of each status over results, classification apart (it never counts as a failure). */
export interface StatusCounts {
  pass: number;
  fail: number;
  advice: number;
  undetermined: number;
  notApplicable: number;
  /** pass + fail + advice. */
  judged: number;
}

export function statusCounts(results: readonly { status: ResultStatus; kind: string }[]): StatusCounts {
  const counts: StatusCounts = { pass: 0, fail: 0, advice: 0, undetermined: 0, notApplicable: 0, judged: 0 };
  for (const result of results) {
    if (isClassification(result)) continue;
    if (result.status === 'not-applicable') counts.notApplicable += 1;
    else if (result.status === 'pass' || result.status === 'fail' || result.status === 'advice')
      counts[result.status] += 1;
    else if (result.status === 'undetermined') counts.undetermined += 1;
  }
  counts.judged = counts.pass + counts.fail + counts.advice;
  return counts;
}
