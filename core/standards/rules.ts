/**
 * Every planning rule of standards.md as data: id, sources, the community types it applies to, what
 * it measures, its threshold in each profile that holds it, and its message in Chinese and English.
 * evaluate-rules.ts judges a community against this table; nothing else decides pass or fail.
 */

import type { CommunityTypeId } from './community-types.js';
import type { StandardsProfileId } from './profiles.js';

/** What a rule reads off a community (see CommunityFigures in evaluate-rules.ts). */
export type RuleMeasure =
  | 'residents'
  | 'households'
  | 'serviceFloorAreaSquareMeters'
  | 'serviceFloorAreaPer100Households'
  | 'activityFloorShare'
  | 'commercialFloorShare'
  | 'staffPer10kResidents'
  | 'staff'
  | 'socialWorkers'
  | 'gridWorkersPerGrid'
  | 'townshipCommunitiesAtSeat'
  | 'villageConversion'
  | `coveredShare:${string}`;

/** A bound that may step with the community's residents (e.g. 600 m² below 5 000 people, 800 m² above). */
export interface ResidentStep {
  /** Applies while residents are below this; the last step has none. */
  belowResidents?: number;
  value: number;
}

export type RuleThreshold =
  | { kind: 'min'; value: number }
  | { kind: 'max'; value: number }
  | { kind: 'range'; min: number; max: number }
  | { kind: 'min-by-residents'; steps: readonly ResidentStep[] }
  /** The size band of the community's own type (standards §1, COMMUNITY_TYPES). */
  | { kind: 'type-band'; band: 'residents' | 'households' }
  /** 村改居 (standards §2): development progress above `progressAbove` or farmland share below `farmlandBelow`. */
  | { kind: 'conversion'; progressAbove: number; farmlandBelow: number };

export type Bilingual = { zh: string; en: string };

export interface RuleDefinition {
  id: string;
  /** Seed document ids (000–004) or national standards the rule comes from. */
  sources: readonly string[];
  title: Bilingual;
  /** Community types the rule applies to; every type when 'all'. */
  appliesTo: readonly CommunityTypeId[] | 'all';
  measure: RuleMeasure;
  /** Unit of the measured figure, for display. */
  unit: Bilingual;
  /** The rule's threshold in each profile that holds it; a profile without an entry does not check it. */
  thresholds: Partial<Record<StandardsProfileId, RuleThreshold>>;
  /** Said when a community fails: what to do about it. */
  advice: Bilingual;
}

const URBAN_TYPES: readonly CommunityTypeId[] = ['urban', 'fringe', 'relocation', 'township', 'new'];
const ALL_PROFILES = ['national', 'jishou', 'kaili', 'leshan', 'linjiang', 'qujing'] as const;

function everyProfile(threshold: RuleThreshold, except: readonly StandardsProfileId[] = []) {
  return Object.fromEntries(
    ALL_PROFILES.filter((profile) => !except.includes(profile)).map((profile) => [profile, threshold]),
  ) as Partial<Record<StandardsProfileId, RuleThreshold>>;
}

const PEOPLE = { zh: '人', en: 'residents' };
const HOUSEHOLDS = { zh: '户', en: 'households' };
const SQUARE_METERS = { zh: 'm²', en: 'm²' };
const SHARE = { zh: '%', en: '%' };

/**
 * Life-circle reach rules: the share of a community's residents who reach a category within its tier
 * (core/accessibility coverage). The categories are those Leshan (002) asks every community to have;
 * the 80 % share is this tool's reading of "每个社区配备" for walking access, adjustable per profile.
 */
const REACH_SHARE = 0.8;
const REACH_CATEGORIES: readonly { id: string; zh: string; en: string }[] = [
  { id: 'service_station', zh: '社区综合服务站', en: 'community service station' },
  { id: 'kindergarten', zh: '幼儿园', en: 'kindergarten' },
  { id: 'supermarket', zh: '综合超市', en: 'supermarket' },
  { id: 'fitness_ground', zh: '健身场地', en: 'fitness ground' },
  { id: 'park', zh: '公园绿地/应急避难场所', en: 'park / emergency shelter' },
  { id: 'elderly_day_care', zh: '老年人日间照料中心', en: 'elderly day care' },
  { id: 'health_station', zh: '社区卫生服务站', en: 'health station' },
  { id: 'primary_school', zh: '小学', en: 'primary school' },
];
/** Categories Leshan's per-community set names (002); the rest come from GB 50180's tiers. */
const LESHAN_REACH = new Set(['service_station', 'kindergarten', 'supermarket', 'fitness_ground', 'park']);

export const RULES: readonly RuleDefinition[] = [
  {
    id: 'size.residents',
    sources: ['002'],
    title: { zh: '常住人口规模', en: 'Residents within the type’s band' },
    appliesTo: ['urban', 'fringe'],
    measure: 'residents',
    unit: PEOPLE,
    thresholds: { leshan: { kind: 'type-band', band: 'residents' } },
    advice: { zh: '超出上限宜拆分，低于下限宜合并', en: 'Split above the band, merge below it' },
  },
  {
    id: 'size.households',
    sources: ['002'],
    title: { zh: '户数规模', en: 'Households within the type’s band' },
    appliesTo: ['urban', 'fringe'],
    measure: 'households',
    unit: HOUSEHOLDS,
    thresholds: { leshan: { kind: 'type-band', band: 'households' } },
    advice: { zh: '超出上限宜拆分，低于下限宜合并', en: 'Split above the band, merge below it' },
  },
  {
    id: 'size.relocation',
    sources: ['002'],
    title: { zh: '易地扶贫搬迁安置社区规模', en: 'Relocation community size' },
    appliesTo: ['relocation'],
    measure: 'residents',
    unit: PEOPLE,
    thresholds: everyProfile({ kind: 'range', min: 800, max: 2000 }),
    advice: {
      zh: '不足 800 人宜并入所在社区或村，超过 2 000 人可分设为多个社区',
      en: 'Below 800 merge into the community or village it sits in; above 2 000 it may be split',
    },
  },
  {
    id: 'size.new.households',
    sources: ['003'],
    title: { zh: '新成立社区户数', en: 'New community households' },
    appliesTo: ['new'],
    measure: 'households',
    unit: HOUSEHOLDS,
    thresholds: { linjiang: { kind: 'range', min: 3000, max: 4000 } },
    advice: { zh: '新成立社区宜为 3 000–4 000 户', en: 'A new community should have 3 000–4 000 households' },
  },
  {
    id: 'township.count',
    sources: ['002'],
    title: { zh: '集镇社区数量', en: 'Communities per township seat' },
    appliesTo: ['township'],
    measure: 'townshipCommunitiesAtSeat',
    unit: { zh: '个', en: 'communities' },
    thresholds: { leshan: { kind: 'range', min: 1, max: 2 } },
    advice: { zh: '每个乡镇政府驻地设 1–2 个集镇社区', en: 'One or two communities per township seat' },
  },
  {
    id: 'village.conversion',
    sources: ['002'],
    title: { zh: '村改居条件', en: 'Village-to-community conversion test' },
    appliesTo: ['village'],
    measure: 'villageConversion',
    unit: SHARE,
    thresholds: everyProfile({ kind: 'conversion', progressAbove: 0.5, farmlandBelow: 0.5 }),
    advice: {
      zh: '城市拆迁开发进度过半或农业用地面积占比不到一半，可纳入村改社区',
      en: 'Development past half or farmland under half of the area: a candidate to become an urban community',
    },
  },
  {
    id: 'area.per100hh',
    sources: ['001', '002', '003', '004'],
    title: { zh: '每百户服务用房面积', en: 'Service floor area per 100 households' },
    appliesTo: 'all',
    measure: 'serviceFloorAreaPer100Households',
    unit: { zh: 'm²/百户', en: 'm² per 100 households' },
    thresholds: everyProfile({ kind: 'min', value: 30 }, ['jishou']),
    advice: { zh: '按每百户不低于 30 m² 配建服务用房', en: 'Provide at least 30 m² per 100 households' },
  },
  {
    id: 'area.national.min',
    sources: ['000', 'GB 50180-2018'],
    title: { zh: '服务用房面积下限（国家）', en: 'Service floor area minimum (national)' },
    appliesTo: URBAN_TYPES,
    measure: 'serviceFloorAreaSquareMeters',
    unit: SQUARE_METERS,
    thresholds: { national: { kind: 'min', value: 600 }, jishou: { kind: 'min', value: 600 } },
    advice: {
      zh: '城市社区服务用房不少于 600 m²',
      en: 'An urban community needs at least 600 m² of service floor',
    },
  },
  {
    id: 'area.urban.min',
    sources: ['001'],
    title: { zh: '服务用房面积下限（按人口）', en: 'Service floor area minimum by population' },
    appliesTo: URBAN_TYPES,
    measure: 'serviceFloorAreaSquareMeters',
    unit: SQUARE_METERS,
    thresholds: {
      kaili: { kind: 'min-by-residents', steps: [{ belowResidents: 5000, value: 600 }, { value: 800 }] },
    },
    advice: {
      zh: '5 000 人以下不少于 600 m²，以上不少于 800 m²',
      en: '600 m² below 5 000 residents, 800 m² above',
    },
  },
  {
    id: 'area.rural.min',
    sources: ['001'],
    title: { zh: '农村社区服务用房面积下限', en: 'Rural service floor area minimum' },
    appliesTo: ['village'],
    measure: 'serviceFloorAreaSquareMeters',
    unit: SQUARE_METERS,
    thresholds: {
      kaili: { kind: 'min-by-residents', steps: [{ belowResidents: 2000, value: 400 }, { value: 500 }] },
    },
    advice: {
      zh: '2 000 人以下不少于 400 m²，以上不少于 500 m²',
      en: '400 m² below 2 000 residents, 500 m² above',
    },
  },
  {
    id: 'area.leshan.min',
    sources: ['002'],
    title: { zh: '服务用房面积下限（乐山）', en: 'Service floor area minimum (Leshan)' },
    appliesTo: 'all',
    measure: 'serviceFloorAreaSquareMeters',
    unit: SQUARE_METERS,
    // 002 专栏2: new builds ≥ 500 m², rebuilt/bought/rented ≥ 300 m²; the region data does not say
    // which a station is, so the lower bound is checked and the advice names both.
    thresholds: { leshan: { kind: 'min', value: 300 } },
    advice: {
      zh: '新建不少于 500 m²，改扩建、购置或租赁不少于 300 m²',
      en: 'New builds 500 m², rebuilt, bought or rented 300 m²',
    },
  },
  {
    id: 'area.activity.share',
    sources: ['003'],
    title: { zh: '居民活动用房占比', en: 'Resident activity share of the facility' },
    appliesTo: 'all',
    measure: 'activityFloorShare',
    unit: SHARE,
    thresholds: { linjiang: { kind: 'min', value: 0.6 } },
    advice: {
      zh: '居民活动用房不低于服务设施面积的 60%',
      en: 'At least 60 % of the facility for residents’ activities',
    },
  },
  {
    id: 'area.commerce.share',
    sources: ['002', '003'],
    title: { zh: '商业和综合服务设施面积占比', en: 'Commerce and service share of floor area' },
    appliesTo: 'all',
    measure: 'commercialFloorShare',
    unit: SHARE,
    thresholds: { leshan: { kind: 'min', value: 0.12 }, linjiang: { kind: 'min', value: 0.1 } },
    advice: { zh: '提高社区商业和综合服务设施面积占比', en: 'Raise the share of commerce and services' },
  },
  {
    id: 'staff.per10k',
    sources: ['002', '003'],
    title: { zh: '每万城镇常住人口社区工作者', en: 'Community workers per 10 000 urban residents' },
    appliesTo: URBAN_TYPES,
    measure: 'staffPer10kResidents',
    unit: { zh: '人/万人', en: 'per 10 000' },
    thresholds: { leshan: { kind: 'min', value: 18 }, linjiang: { kind: 'min', value: 18 } },
    advice: {
      zh: '每万城镇常住人口配备不少于 18 名社区工作者',
      en: 'At least 18 workers per 10 000 residents',
    },
  },
  {
    id: 'staff.min',
    sources: ['001'],
    title: { zh: '专职工作人员', en: 'Full-time staff' },
    appliesTo: 'all',
    measure: 'staff',
    unit: PEOPLE,
    thresholds: { kaili: { kind: 'min', value: 5 } },
    advice: { zh: '每个社区不少于 5 名专职工作人员', en: 'At least 5 full-time workers per community' },
  },
  {
    id: 'staff.socialworkers',
    sources: ['003'],
    title: { zh: '持证社会工作者', en: 'Certified social workers' },
    appliesTo: ['urban'],
    measure: 'socialWorkers',
    unit: PEOPLE,
    thresholds: { linjiang: { kind: 'min', value: 3 } },
    advice: {
      zh: '每个城市社区不少于 3 名社工师',
      en: 'At least 3 certified social workers per urban community',
    },
  },
  {
    id: 'staff.grid',
    sources: ['003', '004'],
    title: { zh: '网格专职网格员', en: 'A full-time worker for every grid' },
    appliesTo: 'all',
    measure: 'gridWorkersPerGrid',
    unit: { zh: '人/网格', en: 'per grid' },
    thresholds: { linjiang: { kind: 'min', value: 1 }, qujing: { kind: 'min', value: 1 } },
    advice: { zh: '每个网格配备 1 名专职网格员', en: 'One full-time grid worker per grid' },
  },
  ...REACH_CATEGORIES.map((category): RuleDefinition => ({
    id: `reach.${category.id}`,
    sources: LESHAN_REACH.has(category.id) ? ['002', 'GB 50180-2018'] : ['GB 50180-2018'],
    title: { zh: `步行可达${category.zh}`, en: `Walking reach of a ${category.en}` },
    appliesTo: URBAN_TYPES,
    measure: `coveredShare:${category.id}`,
    unit: SHARE,
    thresholds: LESHAN_REACH.has(category.id)
      ? { national: { kind: 'min', value: REACH_SHARE }, leshan: { kind: 'min', value: REACH_SHARE } }
      : { national: { kind: 'min', value: REACH_SHARE } },
    advice: {
      zh: `在生活圈内补齐${category.zh}`,
      en: `Provide a ${category.en} within its life-circle tier`,
    },
  })),
];

const RULES_BY_PROFILE = new Map<StandardsProfileId, readonly RuleDefinition[]>();

/** The rules a profile checks, in table order (the table is constant, so each list is built once). */
export function rulesOfProfile(profile: StandardsProfileId): readonly RuleDefinition[] {
  let rules = RULES_BY_PROFILE.get(profile);
  if (!rules) {
    rules = RULES.filter((rule) => rule.thresholds[profile] !== undefined);
    RULES_BY_PROFILE.set(profile, rules);
  }
  return rules;
}

/** The rule of the table with this id; throws for an id the table does not hold (programmer error). */
export function ruleById(id: string): RuleDefinition {
  const rule = RULES.find((candidate) => candidate.id === id);
  if (!rule) throw new Error(`rule "${id}" is not in the rule table`);
  return rule;
}
