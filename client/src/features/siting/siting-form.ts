/**
 * The siting form (选址) as the planner fills it, and the request it makes: defaults follow the
 * category (its tier and the demand group it serves); typed numbers are checked here, so a bad
 * one is named beside its field before anything is sent. Pure, so tested without a page.
 */
import { MAX_SITING_COUNT } from '../../../../contract/siting';
import { demandGroupOf, type DemandGroup } from '../../../../core/accessibility/demand-groups';
import { FACILITY_CATEGORIES, type FacilityCategoryId } from '../../lib/standards';
import type { SitingRequest } from './siting-api';

export { MAX_SITING_COUNT };
export const SITING_TIERS_MINUTES = [5, 10, 15] as const;
export type SitingTierMinutes = (typeof SITING_TIERS_MINUTES)[number];
export const CANDIDATE_KINDS = ['network', 'grid'] as const;
export type CandidateKind = (typeof CANDIDATE_KINDS)[number];

export interface SitingForm {
  category: FacilityCategoryId;
  countText: string;
  minutes: SitingTierMinutes;
  demand: DemandGroup;
  candidates: CandidateKind;
  /** Empty: no capacity (the plain covering problem). */
  capacityText: string;
  keepExisting: boolean;
}

/** The tier a category is reached within by default, as one of the form's choices (15 where it has none). */
export function defaultTierMinutes(category: FacilityCategoryId): SitingTierMinutes {
  const tier = FACILITY_CATEGORIES[category].tierMinutes;
  return SITING_TIERS_MINUTES.find((minutes) => minutes === tier) ?? 15;
}

export function initialSitingForm(category: FacilityCategoryId): SitingForm {
  return {
    category,
    countText: '3',
    minutes: defaultTierMinutes(category),
    demand: demandGroupOf(category),
    candidates: 'network',
    capacityText: '',
    keepExisting: true,
  };
}

/** A new category brings its own tier and demand group; the rest of the form stays. */
export function withCategory(form: SitingForm, category: FacilityCategoryId): SitingForm {
  return { ...form, category, minutes: defaultTierMinutes(category), demand: demandGroupOf(category) };
}

export type SitingFormProblem = 'count' | 'capacity';

export type SitingRequestResult =
  { ok: true; body: SitingRequest } | { ok: false; problems: SitingFormProblem[] };

/** The request of a filled form, or which fields do not read as allowed numbers. */
export function sitingRequest(form: SitingForm): SitingRequestResult {
  const problems: SitingFormProblem[] = [];
  const count = form.countText.trim() === '' ? Number.NaN : Number(form.countText);
  if (!Number.isInteger(count) || count < 1 || count > MAX_SITING_COUNT) problems.push('count');
  const capacityText = form.capacityText.trim();
  const capacity = capacityText === '' ? undefined : Number(capacityText);
  if (capacity !== undefined && !(Number.isFinite(capacity) && capacity > 0)) problems.push('capacity');
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    body: {
      category: form.category,
      count,
      minutes: form.minutes,
      demand: form.demand,
      candidates: form.candidates,
      keepExisting: form.keepExisting,
      ...(capacity !== undefined ? { capacity } : {}),
    },
  };
}
