/**
 * Provision and reach side by side (standards §4), per item the profile asks for: "has one inside"
 * (配建, the documents' 覆盖率: facilities of the item's categories inside the community, with the
 * provision rule's verdict) and "share of residents within the tier" (步行可达, with the reach rule's
 * verdict), paired when a document asks both of one item (002: a kindergarten or a nursery). Items
 * no rule asks for follow, figures only, for every category with a tier.
 */
import { ruleById, type ResultStatus } from '../../lib/standards';

interface ResultLike {
  ruleId: string;
  kind: string;
  status: ResultStatus;
  figure: number | null;
  walk?: { requirement: { key: string; allOf: readonly { anyOf: readonly { minutes: number }[] }[] } };
}

/** What a row is about: facilities of any of the categories, the whole life circle, or fixed minutes. */
export type ProvisionReachSubject =
  | { kind: 'categories'; categories: readonly string[] }
  | { kind: 'circle'; minutes: number }
  | { kind: 'fixed'; categories: readonly string[]; minutes: number };

export interface ProvisionReachRow<R extends ResultLike = ResultLike> {
  key: string;
  subject: ProvisionReachSubject;
  /** Facilities of the categories inside the community; null for a whole circle (no one facility). */
  count: number | null;
  /** The provision rule's result, when the profile asks for provision of the item. */
  provision: R | null;
  /** Share of residents within the walk (0–1); null when unknown or without residents. */
  share: number | null;
  /** Walking minutes asked (each category's tier, or the document's fixed minutes); empty without a tier. */
  minutes: number[];
  /** The reach rule's result, when the profile asks for reach of the item. */
  reach: R | null;
}

export interface ProvisionReachTable<R extends ResultLike = ResultLike> {
  /** Items the profile's rules ask for, in table order. */
  required: ProvisionReachRow<R>[];
  /** Other categories with a tier in the table in force: figures only. */
  others: ProvisionReachRow<R>[];
}

const countOf = (counts: Readonly<Record<string, number>> | null, categories: readonly string[]) =>
  counts === null ? null : categories.reduce((sum, category) => sum + (counts[category] ?? 0), 0);

/**
 * The table of one community.
 * @param rules its community rule results (any order; the table keeps theirs)
 * @param facilityCountByCategory facilities inside it by category; null when the layer is unknown
 * @param reachShareByKey share of residents meeting each requirement (a category id, `a|b`, `circle@15`…)
 * @param tiers category → tier minutes in force
 */
export function provisionReachTable<R extends ResultLike>(
  rules: readonly R[],
  facilityCountByCategory: Readonly<Record<string, number>> | null,
  reachShareByKey: Readonly<Record<string, number | null>>,
  tiers: Readonly<Record<string, number | null>>,
): ProvisionReachTable<R> {
  const rows = new Map<string, ProvisionReachRow<R>>();
  const rowOf = (key: string, subject: ProvisionReachSubject): ProvisionReachRow<R> => {
    let row = rows.get(key);
    if (!row) {
      const categories = subject.kind === 'circle' ? null : subject.categories;
      const single = categories?.length === 1 ? categories[0] : null;
      const minutes = single !== null && typeof tiers[single] === 'number' ? [tiers[single]!] : [];
      row = {
        key,
        subject,
        count: categories ? countOf(facilityCountByCategory, categories) : null,
        provision: null,
        // Without a reach rule, the category's own figure at its tier (as information).
        share: single !== null && minutes.length > 0 ? (reachShareByKey[single] ?? null) : null,
        minutes: subject.kind === 'fixed' ? [subject.minutes] : minutes,
        reach: null,
      };
      rows.set(key, row);
    }
    return row;
  };
  for (const result of rules) {
    const measure = ruleById(result.ruleId).measure;
    if (result.kind === 'provision' && measure.of === 'facilities') {
      rowOf(measure.categories.join('|'), { kind: 'categories', categories: measure.categories }).provision =
        result;
    } else if (result.kind === 'reach' && measure.of === 'reach') {
      const spec = measure.reach;
      const row =
        spec.reach === 'circle'
          ? rowOf(`circle@${spec.circleMinutes}`, { kind: 'circle', minutes: spec.circleMinutes })
          : spec.reach === 'fixed'
            ? rowOf(`${spec.categories.join('|')}@${spec.minutes}`, {
                kind: 'fixed',
                categories: spec.categories,
                minutes: spec.minutes,
              })
            : rowOf(spec.categories.join('|'), { kind: 'categories', categories: spec.categories });
      row.reach = result;
      const requirement = result.walk?.requirement;
      row.share = requirement ? (reachShareByKey[requirement.key] ?? result.figure) : result.figure;
      row.minutes = requirement
        ? [
            ...new Set(requirement.allOf.flatMap((target) => target.anyOf.map((option) => option.minutes))),
          ].sort((a, b) => a - b)
        : row.minutes;
    }
  }
  const required = [...rows.values()];
  const asked = new Set(
    required.flatMap((row) => (row.subject.kind === 'circle' ? [] : row.subject.categories)),
  );
  const others = Object.entries(tiers)
    .filter(([category, minutes]) => typeof minutes === 'number' && !asked.has(category))
    .map(([category]) => rowOf(category, { kind: 'categories', categories: [category] }));
  return { required, others };
}
