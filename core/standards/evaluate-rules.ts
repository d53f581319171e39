/**
 * Judges one community against the community-scope rules of a profile (rules.ts). A rule's outcome
 * depends only on what its document says: binding/expected rules pass or fail, guidance passes or
 * gives advice, a missing figure leaves it undetermined, and the 村改居 test classifies. Pure and
 * allocation-light: the evaluator calls it while a planner paints.
 */

import type { Bilingual } from '../text/bilingual.js';
import type { CommunityTypeId } from './community-types.js';
import type { SurveyedFigures } from './community-figures.js';
import type { StandardsProfileId } from './profiles.js';
import { reachRequirementOf, type ReachContext } from './reach.js';
import type { ResultReason, ResultStatus, RuleResult } from './rule-results.js';
import {
  RULES,
  rulesOfProfile,
  typesOf,
  type CommunityMeasure,
  type ProfileRule,
  type RuleDefinition,
  type RuleThreshold,
} from './rules.js';
import { TOOL_DEFAULTS, TOOL_SETTING_NOTES, type ToolSettings } from './tool-defaults.js';

/** A facility inside the community, as the rules read it. */
export interface FacilityFigures {
  id: string;
  category: string;
  floorAreaSquareMeters: number | null;
  landAreaSquareMeters: number | null;
  /**
   * Straight-line metres to the nearest facility of each category named as an adjacency target
   * (adjacencyCategories().to), anywhere in the region: Infinity when the region has none of the
   * category, null (or absent) when a position needed is unknown.
   */
  nearestMetersByCategory?: Readonly<Record<string, number | null>>;
}

/** Reach shares of a community's residents, with the tier table and speed they were computed with. */
export interface ReachFigures extends ReachContext {
  /** Share of residents meeting each requirement (by key, see reach.ts), 0–1; null with no residents. */
  shareByKey: Readonly<Record<string, number | null>>;
}

/** What the rules read off a community: its surveyed figures, what its units add up to, its facilities and reach. */
export interface CommunityFigures extends SurveyedFigures {
  type: CommunityTypeId;
  residents: number;
  households: number;
  /** Facilities inside it; null when the facility layer is not known (provision rules undetermined). */
  facilities: readonly FacilityFigures[] | null;
  /** Walking reach; null without a walking network (reach rules undetermined). */
  reach: ReachFigures | null;
}

/** Categories adjacency rules measure between: from (health centres…) to (elderly-care facilities). */
export function adjacencyCategories(): { from: ReadonlySet<string>; to: ReadonlySet<string> } {
  return ADJACENCY;
}

/** One formatter for every threshold: toLocaleString builds a new one per call (slow when painting). */
const NUMBER_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
export const formatNumber = (value: number) => NUMBER_FORMAT.format(value).replace(/,/g, ' ');
export const formatShare = (value: number) => `${formatNumber(Math.round(value * 1000) / 10)} %`;

interface Bounds {
  min: number | null;
  max: number | null;
}

/** A measured figure, or why there is none. */
type Measured =
  | { value: number; missing?: undefined; reason?: undefined }
  | { value: null; missing: readonly string[]; reason?: undefined }
  | { value: null; missing?: undefined; reason: ResultReason };

const missing = (...names: string[]): Measured => ({ value: null, missing: names });
const known = (value: number): Measured => ({ value });

function ratio(numerator: number | null, denominator: number, per: number, numeratorName: string): Measured {
  if (numerator === null) return missing(numeratorName);
  if (!(denominator > 0)) return { value: null, reason: 'nothing-to-judge' };
  return known((numerator / denominator) * per);
}

/** Facilities of the categories inside the community. */
function facilitiesOf(
  figures: CommunityFigures,
  categories: readonly string[],
): readonly FacilityFigures[] | null {
  return figures.facilities === null
    ? null
    : figures.facilities.filter((facility) => categories.includes(facility.category));
}

/**
 * A figure whose parts may be unknown, with the bound it must reach: the known part decides when it
 * already meets a minimum (more cannot undo that) or already breaks a maximum; otherwise undetermined.
 */
function partial(knownPart: number, unknown: readonly string[], bounds: Bounds): Measured {
  if (unknown.length === 0) return known(knownPart);
  if (bounds.min !== null && knownPart >= bounds.min) return known(knownPart);
  if (bounds.max !== null && knownPart > bounds.max) return known(knownPart);
  return missing(...unknown);
}

function measure(measureSpec: CommunityMeasure, figures: CommunityFigures, bounds: Bounds): Measured {
  switch (measureSpec.of) {
    case 'residents':
      return known(figures.residents);
    case 'households':
      return known(figures.households);
    case 'serviceFloorArea':
      return figures.serviceFloorAreaSquareMeters === null
        ? missing('serviceFloorAreaSquareMeters')
        : known(figures.serviceFloorAreaSquareMeters);
    case 'serviceFloorAreaPer100Households':
      return ratio(
        figures.serviceFloorAreaSquareMeters,
        figures.households,
        100,
        'serviceFloorAreaSquareMeters',
      );
    case 'activityFloorShare':
      return figures.activityFloorShare === null
        ? missing('activityFloorShare')
        : known(figures.activityFloorShare);
    case 'commercialFloorShare':
      return figures.commercialFloorShare === null
        ? missing('commercialFloorShare')
        : known(figures.commercialFloorShare);
    case 'staff':
      return figures.staff === null ? missing('staff') : known(figures.staff);
    case 'gridWorkersPerGrid':
      if (figures.grids === null) return missing('grids');
      return ratio(figures.gridWorkers, figures.grids, 1, 'gridWorkers');
    case 'police': {
      const parts: [number | null, string][] = [[figures.policeOfficers, 'policeOfficers']];
      if (measureSpec.countAuxiliary)
        parts.push([figures.auxiliaryPoliceOfficers, 'auxiliaryPoliceOfficers']);
      const sum = parts.reduce((total, [value]) => total + (value ?? 0), 0);
      return partial(
        sum,
        parts.filter(([value]) => value === null).map(([, name]) => name),
        bounds,
      );
    }
    case 'openingHoursPerDay':
      return figures.openingHoursPerDay === null
        ? missing('openingHoursPerDay')
        : known(figures.openingHoursPerDay);
    case 'parkingSpacesPerHousehold':
      return ratio(figures.parkingSpaces, figures.households, 1, 'parkingSpaces');
    case 'facilities': {
      const inside = facilitiesOf(figures, measureSpec.categories);
      if (inside === null) return missing('facilities');
      if (!measureSpec.largest) return known(inside.length);
      const field = measureSpec.largest === 'floor' ? 'floorAreaSquareMeters' : 'landAreaSquareMeters';
      let largest = 0;
      const unknown: string[] = [];
      for (const facility of inside) {
        const area = facility[field];
        if (area === null) unknown.push(`${field}:${facility.id}`);
        else largest = Math.max(largest, area);
      }
      return partial(largest, unknown, bounds);
    }
    case 'nearestFacility': {
      const from = facilitiesOf(figures, measureSpec.from);
      if (from === null) return missing('facilities');
      if (from.length === 0) return { value: null, reason: 'nothing-to-judge' };
      // The farthest of them from its nearest target: every one must be next to one.
      let farthest = 0;
      const unknown: string[] = [];
      for (const facility of from) {
        let nearest: number | null = null;
        let anyUnknown = false;
        for (const category of measureSpec.to) {
          const meters = facility.nearestMetersByCategory?.[category];
          if (meters === undefined || meters === null) anyUnknown = true;
          else nearest = nearest === null ? meters : Math.min(nearest, meters);
        }
        if (nearest !== null && (!anyUnknown || (bounds.max !== null && nearest <= bounds.max)))
          farthest = Math.max(farthest, nearest);
        else unknown.push(`position:${facility.id}`);
      }
      return partial(farthest, unknown, { min: null, max: bounds.max });
    }
    case 'reach':
    case 'villageConversion':
      throw new Error(`measure "${measureSpec.of}" is judged on its own path`);
  }
}

function boundsOf(
  threshold: RuleThreshold,
  figures: CommunityFigures,
  settings: ToolSettings,
): { bounds: Bounds } | { missing: readonly string[] } | { reason: ResultReason } {
  switch (threshold.kind) {
    case 'min':
      return { bounds: { min: threshold.value, max: null } };
    case 'max':
      return { bounds: { min: null, max: threshold.value } };
    case 'range':
      return { bounds: { min: threshold.min, max: threshold.max } };
    case 'min-by-residents':
      return {
        bounds: {
          min: figures.residents < threshold.boundary ? threshold.below : threshold.atOrAbove,
          max: null,
        },
      };
    case 'band-by-type': {
      const band = threshold.bands[figures.type];
      return band ? { bounds: { min: band.min, max: band.max } } : { reason: 'not-for-type' };
    }
    case 'min-by-provenance':
      if (figures.stationProvenance === null) return { missing: ['stationProvenance'] };
      return {
        bounds: {
          min: figures.stationProvenance === 'new' ? threshold.newBuild : threshold.otherwise,
          max: null,
        },
      };
    case 'min-setting':
      return { bounds: { min: settings[threshold.setting], max: null } };
    case 'max-setting':
      return { bounds: { min: null, max: settings[threshold.setting] } };
    case 'conversion':
    case 'max-by-seat':
      throw new Error(`threshold "${threshold.kind}" is judged on its own path`);
  }
}

function describeBounds(bounds: Bounds, unit: Bilingual): string {
  const isShare = unit.en === '%';
  const show = (value: number) => (isShare ? formatShare(value) : formatNumber(value));
  const suffix = unit.en === 'm' ? ' m' : '';
  if (bounds.min !== null && bounds.max !== null) return `${show(bounds.min)}–${show(bounds.max)}${suffix}`;
  if (bounds.min !== null) return `≥ ${show(bounds.min)}${suffix}`;
  return `≤ ${show(bounds.max!)}${suffix}`;
}

/** Whether, and how, a rule under a profile rests on a figure of the tool's own choosing. */
export function toolDefaultOf(
  rule: RuleDefinition,
  entry: ProfileRule,
): { toolDefault: boolean; toolDefaultNote: Bilingual | null } {
  const setting =
    entry.threshold.kind === 'min-setting' || entry.threshold.kind === 'max-setting'
      ? entry.threshold.setting
      : null;
  const notes = [setting ? TOOL_SETTING_NOTES[setting] : null, rule.toolDefault ?? null].filter(
    (note): note is Bilingual => note !== null,
  );
  return {
    toolDefault: notes.length > 0,
    toolDefaultNote:
      notes.length === 0
        ? null
        : { zh: notes.map((note) => note.zh).join('；'), en: notes.map((note) => note.en).join('; ') },
  };
}

/** What every result of a rule under a profile shares. */
export function resultBase(
  rule: RuleDefinition,
  entry: ProfileRule,
): Omit<RuleResult, 'status' | 'figure' | 'threshold' | 'bounds'> {
  return {
    ruleId: rule.id,
    kind: rule.kind,
    scope: rule.scope,
    grade: entry.grade,
    unit: rule.unit,
    ...toolDefaultOf(rule, entry),
    sources: entry.sources,
    title: rule.title,
    advice: rule.advice,
    note: entry.note ?? null,
  };
}

/** The status of a rule whose figure is outside its bound: guidance gives advice, the others fail. */
export function unmetStatus(entry: ProfileRule): ResultStatus {
  return entry.grade === 'guidance' ? 'advice' : 'fail';
}

/** Compares a known figure with its bounds. */
export function judged(
  base: Omit<RuleResult, 'status' | 'figure' | 'threshold' | 'bounds'>,
  entry: ProfileRule,
  figure: number,
  bounds: Bounds,
  threshold: string,
): RuleResult {
  const result = { ...base, figure, threshold, bounds };
  if (bounds.min !== null && figure < bounds.min)
    return { ...result, status: unmetStatus(entry), side: 'below' };
  if (bounds.max !== null && figure > bounds.max)
    return { ...result, status: unmetStatus(entry), side: 'above' };
  return { ...result, status: 'pass' };
}

const SHARE_TEXT = (value: number) => `${formatNumber(Math.round(value * 1000) / 10)}%`;

function judgeConversion(
  base: Omit<RuleResult, 'status' | 'figure' | 'threshold' | 'bounds'>,
  threshold: Extract<RuleThreshold, { kind: 'conversion' }>,
  figures: CommunityFigures,
): RuleResult {
  const described = `> ${SHARE_TEXT(threshold.progressAbove)} / < ${SHARE_TEXT(threshold.farmlandBelow)}`;
  const bounds = { min: null, max: null };
  const { developmentProgress: progress, agriculturalLandShare: farmland } = figures;
  const byProgress = progress !== null && progress > threshold.progressAbove;
  const byFarmland = farmland !== null && farmland < threshold.farmlandBelow;
  if (byProgress || byFarmland) {
    return {
      ...base,
      status: 'candidate',
      figure: byProgress ? progress : farmland,
      threshold: described,
      bounds,
    };
  }
  const absent = [
    progress === null ? 'developmentProgress' : null,
    farmland === null ? 'agriculturalLandShare' : null,
  ].filter((name): name is string => name !== null);
  // One figure missing and the other not deciding: the village may still qualify on the missing one.
  if (absent.length > 0) {
    return {
      ...base,
      status: 'undetermined',
      figure: progress ?? farmland,
      threshold: described,
      bounds,
      reason: 'missing-data',
      missing: absent,
    };
  }
  return { ...base, status: 'not-candidate', figure: progress, threshold: described, bounds };
}

/**
 * Judges a community by one rule as `profile` states it. `settings` are the tool defaults in force
 * (the reach share, the adjacency distance). Throws for a rule the profile does not hold or one that
 * is not of community scope (programmer error).
 */
export function evaluateRule(
  rule: RuleDefinition,
  profile: StandardsProfileId,
  figures: CommunityFigures,
  settings: ToolSettings = TOOL_DEFAULTS,
): RuleResult {
  const entry = rule.profiles[profile];
  if (!entry) throw new Error(`profile ${profile} does not hold rule ${rule.id}`);
  if (rule.scope !== 'community')
    throw new Error(`rule ${rule.id} is judged for the ${rule.scope}, not per community`);
  const base = resultBase(rule, entry);
  const notApplicable = (reason: ResultReason, threshold = ''): RuleResult => ({
    ...base,
    status: 'not-applicable',
    figure: null,
    threshold,
    bounds: null,
    reason,
  });
  const undetermined = (names: readonly string[], threshold: string, bounds: Bounds | null): RuleResult => ({
    ...base,
    status: 'undetermined',
    figure: null,
    threshold,
    bounds,
    reason: 'missing-data',
    missing: names,
  });

  if (!typesOf(rule, profile).includes(figures.type)) return notApplicable('not-for-type');
  if (rule.newResidentialOnly) {
    if (figures.newResidentialArea === null) return undetermined(['newResidentialArea'], '', null);
    if (!figures.newResidentialArea) return notApplicable('not-new-residential');
  }
  const { threshold } = entry;
  if (threshold.kind === 'conversion') return judgeConversion(base, threshold, figures);

  if (rule.measure.of === 'reach') {
    const found = boundsOf(threshold, figures, settings);
    if (!('bounds' in found)) throw new Error(`reach rule ${rule.id} needs a plain threshold`);
    const described = describeBounds(found.bounds, rule.unit);
    if (figures.reach === null) return undetermined(['reach'], described, found.bounds);
    const requirement = reachRequirementOf(rule.measure.reach, figures.reach.tiers);
    if (requirement === null) return notApplicable('no-tier', described);
    const walk = { speedMetersPerSecond: figures.reach.speedMetersPerSecond, requirement };
    const share = figures.reach.shareByKey[requirement.key];
    if (share === undefined)
      return { ...undetermined([`reach:${requirement.key}`], described, found.bounds), walk };
    if (share === null) return { ...notApplicable('nothing-to-judge', described), walk };
    return { ...judged(base, entry, share, found.bounds, described), walk };
  }

  if (rule.measure.of === 'villageConversion' || rule.scope !== 'community') {
    throw new Error(`rule ${rule.id}: measure "${rule.measure.of}" is not a community measure`);
  }
  const found = boundsOf(threshold, figures, settings);
  if ('reason' in found) return notApplicable(found.reason);
  if ('missing' in found) {
    // 002 专栏2: where both minimums agree (≥ the higher, or below the lower) the provenance does not matter.
    if (threshold.kind === 'min-by-provenance' && figures.serviceFloorAreaSquareMeters !== null) {
      const area = figures.serviceFloorAreaSquareMeters;
      const low = Math.min(threshold.newBuild, threshold.otherwise);
      const high = Math.max(threshold.newBuild, threshold.otherwise);
      const described = `≥ ${formatNumber(threshold.newBuild)} / ${formatNumber(threshold.otherwise)}`;
      if (area >= high) return judged(base, entry, area, { min: high, max: null }, described);
      if (area < low) return judged(base, entry, area, { min: low, max: null }, described);
    }
    return undetermined(found.missing, '', null);
  }
  const described = describeBounds(found.bounds, rule.unit);
  const figure = measure(rule.measure as CommunityMeasure, figures, found.bounds);
  if (figure.value === null) {
    if (figure.reason) return notApplicable(figure.reason, described);
    return undetermined(figure.missing, described, found.bounds);
  }
  const result = judged(base, entry, figure.value, found.bounds, described);
  if (threshold.kind === 'min-by-residents' && figures.residents === threshold.boundary) {
    return { ...result, note: threshold.boundaryNote };
  }
  return result;
}

/** Judges a community by every community-scope rule of a profile, in table order. */
export function evaluateCommunity(
  profile: StandardsProfileId,
  figures: CommunityFigures,
  settings: ToolSettings = TOOL_DEFAULTS,
): RuleResult[] {
  return communityRulesOf(profile).map((rule) => evaluateRule(rule, profile, figures, settings));
}

const COMMUNITY_RULES_BY_PROFILE = new Map<StandardsProfileId, readonly RuleDefinition[]>();

/** The community-scope rules of a profile, in table order. */
export function communityRulesOf(profile: StandardsProfileId): readonly RuleDefinition[] {
  let rules = COMMUNITY_RULES_BY_PROFILE.get(profile);
  if (!rules) {
    rules = rulesOfProfile(profile).filter((rule) => rule.scope === 'community');
    COMMUNITY_RULES_BY_PROFILE.set(profile, rules);
  }
  return rules;
}

const ADJACENCY = (() => {
  const from = new Set<string>();
  const to = new Set<string>();
  for (const rule of RULES) {
    if (rule.measure.of !== 'nearestFacility') continue;
    for (const category of rule.measure.from) from.add(category);
    for (const category of rule.measure.to) to.add(category);
  }
  return { from, to };
})();
