/**
 * Judges the region- and street-scope rules of a profile (standards §0, §5): a figure over all
 * communities the rule applies to (workers per 10 000 urban residents, the 社工师 average, coverage
 * rates) or over a street's communities (township seats, an elderly-care complex per street). A
 * community is never failed by such a rule; it gets its contribution beside its own results.
 */

import type { CommunityTypeId } from './community-types.js';
import type { SeatKind } from './community-figures.js';
import {
  evaluateCommunity,
  formatNumber,
  formatShare,
  judged,
  resultBase,
  type CommunityFigures,
} from './evaluate-rules.js';
import type { StandardsProfileId } from './profiles.js';
import type {
  RegionRuleResult,
  RegionSubject,
  ResultReason,
  RuleContribution,
  RuleResult,
} from './rule-results.js';
import {
  rulesOfProfile,
  type ProfileRule,
  type RegionMeasure,
  type RuleDefinition,
  type StreetMeasure,
} from './rules.js';
import { TOOL_DEFAULTS, type ToolSettings } from './tool-defaults.js';

/** A community as the region rules read it: its figures, its id and its street. */
export interface RegionCommunity extends CommunityFigures {
  id: string;
  streetId: string;
}

/** A street (街道) or township (乡镇) of the region. */
export interface StreetRecord {
  id: string;
  name: string;
  kind: 'street' | 'township';
}

export interface RegionJudgement {
  /** Region results first, then street results by street, in table order. */
  results: RegionRuleResult[];
  /** Each community's contributions, by community id (only communities a rule counts). */
  contributions: Map<string, RuleContribution[]>;
}

const REGION: RegionSubject = { kind: 'region' };

/** A community's share of a ratio: its numerator and denominator, null where its figure is missing. */
interface Part {
  numerator: number | null;
  denominator: number | null;
}

/** For each region measure: a community's part, and how a figure is made of the parts. */
function partOf(measure: RegionMeasure, community: RegionCommunity): Part {
  const inside = (categories: readonly string[]) =>
    community.facilities === null
      ? null
      : community.facilities.some((facility) => categories.includes(facility.category))
        ? 1
        : 0;
  switch (measure.of) {
    case 'staffPer10kResidents':
      return { numerator: community.staff, denominator: community.residents };
    case 'socialWorkersPerCommunity':
      return { numerator: community.socialWorkers, denominator: 1 };
    case 'certifiedShareOfStaff':
      return {
        numerator: community.staff === null ? null : community.socialWorkers,
        denominator: community.socialWorkers === null ? null : community.staff,
      };
    case 'shareWithFacility':
      return { numerator: inside(measure.categories), denominator: 1 };
    case 'shareWithStation': {
      // A station facility inside, or a surveyed station floor area, shows a station.
      const facility = inside(['service_station']);
      const floor = community.serviceFloorAreaSquareMeters;
      const has =
        facility === 1 || (floor !== null && floor > 0) ? 1 : facility === 0 || floor === 0 ? 0 : null;
      return { numerator: has, denominator: 1 };
    }
    case 'shareWithGrids':
      return { numerator: community.grids === null ? null : community.grids >= 1 ? 1 : 0, denominator: 1 };
  }
}

const PER: Partial<Record<RegionMeasure['of'], number>> = { staffPer10kResidents: 10_000 };

function describe(bounds: { min: number | null; max: number | null }, isShare: boolean): string {
  const show = isShare ? formatShare : formatNumber;
  if (bounds.min !== null && bounds.max !== null) return `${show(bounds.min)}–${show(bounds.max)}`;
  return bounds.min !== null ? `≥ ${show(bounds.min)}` : `≤ ${show(bounds.max!)}`;
}

function boundsOfPlain(rule: RuleDefinition, entry: ProfileRule): { min: number | null; max: number | null } {
  const { threshold } = entry;
  switch (threshold.kind) {
    case 'min':
      return { min: threshold.value, max: null };
    case 'max':
      return { min: null, max: threshold.value };
    case 'range':
      return { min: threshold.min, max: threshold.max };
    default:
      throw new Error(
        `rule ${rule.id}: a ${rule.scope} rule needs a min, max or range threshold, not "${threshold.kind}"`,
      );
  }
}

function regionResult(
  rule: RuleDefinition,
  entry: ProfileRule,
  subject: RegionSubject,
  counted: number,
  missingIds: readonly string[],
  figure: number | null,
  bounds: { min: number | null; max: number | null } | null,
  reason?: ResultReason,
): RegionRuleResult {
  const base = resultBase(rule, entry);
  const threshold = bounds ? describe(bounds, rule.unit.en === '%') : '';
  const communities = { counted, missing: missingIds };
  if (reason) {
    const status = reason === 'missing-data' ? 'undetermined' : 'not-applicable';
    const missing = reason === 'missing-data' ? missingIds : undefined;
    return { ...base, status, figure, threshold, bounds, reason, missing, subject, communities };
  }
  return { ...judged(base, entry, figure!, bounds!, threshold), subject, communities };
}

function contribution(
  rule: RuleDefinition,
  entry: ProfileRule,
  community: RegionCommunity,
  figure: number | null,
  part: Part,
  subject: RegionSubject,
  subjectResult: RuleResult,
): RuleContribution {
  return {
    ruleId: rule.id,
    kind: rule.kind,
    scope: rule.scope,
    grade: entry.grade,
    title: rule.title,
    unit: rule.unit,
    sources: entry.sources,
    communityId: community.id,
    figure,
    numerator: part.numerator,
    denominator: part.denominator,
    subjectStatus: subjectResult.status,
    subject,
  };
}

function judgeRegionRule(
  rule: RuleDefinition,
  entry: ProfileRule,
  measure: RegionMeasure,
  communities: readonly RegionCommunity[],
  add: (result: RegionRuleResult, contributions: RuleContribution[]) => void,
): void {
  const applicable = communities.filter((community) => appliesTo(rule, entry, community.type));
  const bounds = boundsOfPlain(rule, entry);
  const parts = applicable.map((community) => partOf(measure, community));
  const missingIds = applicable
    .filter((_, k) => parts[k].numerator === null || parts[k].denominator === null)
    .map((c) => c.id);
  let numerator = 0;
  let denominator = 0;
  parts.forEach((part) => {
    numerator += part.numerator ?? 0;
    denominator += part.denominator ?? 0;
  });
  const per = PER[measure.of] ?? 1;
  let result: RegionRuleResult;
  if (missingIds.length > 0)
    result = regionResult(rule, entry, REGION, applicable.length, missingIds, null, bounds, 'missing-data');
  else if (denominator <= 0)
    result = regionResult(rule, entry, REGION, applicable.length, [], null, bounds, 'nothing-to-judge');
  else
    result = regionResult(
      rule,
      entry,
      REGION,
      applicable.length,
      [],
      (numerator / denominator) * per,
      bounds,
    );
  add(
    result,
    applicable.map((community, k) => {
      const { numerator: n, denominator: d } = parts[k];
      const own = n === null || d === null || d <= 0 ? null : (n / d) * per;
      return contribution(rule, entry, community, own, parts[k], REGION, result);
    }),
  );
}

function appliesTo(rule: RuleDefinition, entry: ProfileRule, type: CommunityTypeId): boolean {
  return (entry.appliesTo ?? rule.appliesTo).includes(type);
}

/** 002 三、（一）1: how many township communities a seat of each kind may have (null: no limit). */
function seatLimit(entry: ProfileRule, kind: SeatKind): number | null {
  const { threshold } = entry;
  if (threshold.kind !== 'max-by-seat')
    throw new Error(`township.seat needs a max-by-seat threshold, not "${threshold.kind}"`);
  return kind === 'township-seat'
    ? threshold.townshipSeat
    : kind === 'former-township-seat'
      ? threshold.formerTownshipSeat
      : threshold.countySeat;
}

function judgeSeats(
  rule: RuleDefinition,
  entry: ProfileRule,
  communities: readonly RegionCommunity[],
  add: (result: RegionRuleResult, contributions: RuleContribution[]) => void,
): void {
  const groups = new Map<
    string,
    { streetId: string; kind: SeatKind | null; name: string | null; members: RegionCommunity[] }
  >();
  for (const community of communities) {
    if (!appliesTo(rule, entry, community.type)) continue;
    const key = `${community.streetId}\u0000${community.seatKind ?? ''}\u0000${community.seatName ?? ''}`;
    let group = groups.get(key);
    if (!group)
      groups.set(
        key,
        (group = {
          streetId: community.streetId,
          kind: community.seatKind,
          name: community.seatName,
          members: [],
        }),
      );
    group.members.push(community);
  }
  for (const group of groups.values()) {
    const subject: RegionSubject = {
      kind: 'street',
      streetId: group.streetId,
      seat: { kind: group.kind, name: group.name },
    };
    const count = group.members.length;
    const ids = group.members.map((member) => member.id);
    let result: RegionRuleResult;
    if (group.kind === null) {
      result = regionResult(rule, entry, subject, count, ids, count, null, 'missing-data');
      result = { ...result, missing: ['seatKind'] };
    } else {
      const limit = seatLimit(entry, group.kind);
      result =
        limit === null
          ? regionResult(rule, entry, subject, count, [], count, null, 'no-limit')
          : regionResult(rule, entry, subject, count, [], count, { min: null, max: limit });
    }
    add(
      result,
      group.members.map((member) =>
        contribution(rule, entry, member, count, { numerator: 1, denominator: null }, subject, result),
      ),
    );
  }
}

function judgeStreetFacilities(
  rule: RuleDefinition,
  entry: ProfileRule,
  measure: Extract<StreetMeasure, { of: 'streetFacilities' }>,
  communities: readonly RegionCommunity[],
  streets: readonly StreetRecord[] | null,
  add: (result: RegionRuleResult, contributions: RuleContribution[]) => void,
): void {
  const bounds = boundsOfPlain(rule, entry);
  if (streets === null) {
    // Without the street list nobody knows which are streets (街道) and which townships (乡镇).
    add(
      {
        ...regionResult(rule, entry, REGION, communities.length, [], null, bounds, 'missing-data'),
        missing: ['streets'],
      },
      [],
    );
    return;
  }
  for (const street of streets) {
    if (street.kind !== measure.streetKind) continue;
    const members = communities.filter(
      (community) => community.streetId === street.id && appliesTo(rule, entry, community.type),
    );
    const subject: RegionSubject = { kind: 'street', streetId: street.id, seat: null };
    const counts = members.map((member) =>
      member.facilities === null
        ? null
        : member.facilities.filter((facility) =>
            (measure.categories as readonly string[]).includes(facility.category),
          ).length,
    );
    const total = counts.reduce<number>((sum, value) => sum + (value ?? 0), 0);
    const unknownIds = members.filter((_, k) => counts[k] === null).map((member) => member.id);
    // Facilities found already meet the minimum whatever the unknown communities hold.
    const decided = unknownIds.length === 0 || (bounds.min !== null && total >= bounds.min);
    const result = decided
      ? regionResult(rule, entry, subject, members.length, [], total, bounds)
      : regionResult(rule, entry, subject, members.length, unknownIds, null, bounds, 'missing-data');
    add(
      result,
      members.map((member, k) =>
        contribution(
          rule,
          entry,
          member,
          counts[k],
          { numerator: counts[k], denominator: null },
          subject,
          result,
        ),
      ),
    );
  }
}

/**
 * Judges every region- and street-scope rule of `profile` over the communities of a region (or a
 * scenario). `streets` may be null when the street list is unknown (then street-kind rules are
 * undetermined). Results in table order; contributions keyed by community id.
 */
export function evaluateRegion(
  profile: StandardsProfileId,
  communities: readonly RegionCommunity[],
  streets: readonly StreetRecord[] | null,
): RegionJudgement {
  const results: RegionRuleResult[] = [];
  const contributions = new Map<string, RuleContribution[]>();
  const add = (result: RegionRuleResult, parts: RuleContribution[]) => {
    results.push(result);
    for (const part of parts) {
      const list = contributions.get(part.communityId);
      if (list) list.push(part);
      else contributions.set(part.communityId, [part]);
    }
  };
  for (const rule of rulesOfProfile(profile)) {
    if (rule.scope === 'community') continue;
    const entry = rule.profiles[profile]!;
    const measure = rule.measure as RegionMeasure | StreetMeasure;
    if (measure.of === 'townshipCommunitiesAtSeat') judgeSeats(rule, entry, communities, add);
    else if (measure.of === 'streetFacilities')
      judgeStreetFacilities(rule, entry, measure, communities, streets, add);
    else judgeRegionRule(rule, entry, measure, communities, add);
  }
  return { results, contributions };
}

/** Every result of a region at once: each community's own results and the region's. */
export function evaluateAll(
  profile: StandardsProfileId,
  communities: readonly RegionCommunity[],
  streets: readonly StreetRecord[] | null,
  settings: ToolSettings = TOOL_DEFAULTS,
): { communities: Map<string, RuleResult[]>; region: RegionJudgement } {
  return {
    communities: new Map(
      communities.map((community) => [community.id, evaluateCommunity(profile, community, settings)]),
    ),
    region: evaluateRegion(profile, communities, streets),
  };
}
