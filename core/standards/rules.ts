/**
 * Every planning rule of standards.md as data: what it measures, whom it applies to, and — per
 * profile that holds it — the threshold, grade and clause its own document states. A profile holds a
 * rule only when its document says it (standards §7): nothing of one city's document appears under
 * another's profile, not even as a source. evaluate-rules.ts and evaluate-region.ts judge against
 * this table; nothing else decides a result.
 */

import type { Bilingual } from '../text/bilingual.js';
import {
  COMMUNITY_NOT_VILLAGE_TYPES,
  COMMUNITY_TYPE_IDS,
  URBAN_COMMUNITY_TYPES,
  type CommunityTypeId,
  type SizeRange,
} from './community-types.js';
import { sourceOf, type RuleSource } from './documents.js';
import type { FacilityCategoryId } from './facility-categories.js';
import { STANDARDS_PROFILE_IDS, type StandardsProfileId } from './profiles.js';
import {
  categoryRequirements,
  reachRequirementOf,
  uniqueRequirements,
  type ReachRequirement,
  type ReachSpec,
  type TierTable,
} from './reach.js';
import type { ToolSettingId } from './tool-defaults.js';

/** 约束性 (binding), 预期性 (expected), or guidance (原则上, 为宜, 宜, 可, 一般, 推动…): as the source states it. */
export const RULE_GRADES = ['binding', 'expected', 'guidance'] as const;
export type RuleGrade = (typeof RULE_GRADES)[number];

/** Judged per community, per street (or township seat), or for the whole region. */
export type RuleScope = 'community' | 'street' | 'region';

export type RuleKind =
  | 'size-band'
  | 'floor-area'
  | 'share'
  | 'staff'
  | 'provision'
  | 'reach'
  | 'classification'
  | 'adjacency'
  | 'count'
  | 'service-hours';

/** What a community-scope rule reads off a community (CommunityFigures in evaluate-rules.ts). */
export type CommunityMeasure =
  | { of: 'residents' }
  | { of: 'households' }
  | { of: 'serviceFloorArea' }
  | { of: 'serviceFloorAreaPer100Households' }
  | { of: 'activityFloorShare' }
  | { of: 'commercialFloorShare' }
  | { of: 'staff' }
  | { of: 'gridWorkersPerGrid' }
  /** Police officers, with auxiliary police (辅警) counted where the document accepts them. */
  | { of: 'police'; countAuxiliary: boolean }
  | { of: 'openingHoursPerDay' }
  | { of: 'parkingSpacesPerHousehold' }
  /**
   * Facilities of any of the categories inside the community: their number, or (with `largest`) the
   * largest floor or land area among them, m² (0 with none).
   */
  | { of: 'facilities'; categories: readonly FacilityCategoryId[]; largest?: 'floor' | 'land' }
  /** The farthest of the community's `from` facilities from its nearest `to` facility, m (straight line). */
  | { of: 'nearestFacility'; from: readonly FacilityCategoryId[]; to: readonly FacilityCategoryId[] }
  | { of: 'reach'; reach: ReachSpec }
  | { of: 'villageConversion' };

/** What a region-scope rule reads off all communities it applies to. */
export type RegionMeasure =
  /** Σ staff / Σ residents × 10 000. */
  | { of: 'staffPer10kResidents' }
  /** Σ certified social workers / number of communities. */
  | { of: 'socialWorkersPerCommunity' }
  /** Σ certified social workers / Σ staff. */
  | { of: 'certifiedShareOfStaff' }
  /** Share of communities with a facility of any of the categories inside. */
  | { of: 'shareWithFacility'; categories: readonly FacilityCategoryId[] }
  /** Share of communities with a service station (a station facility inside, or a recorded station floor area). */
  | { of: 'shareWithStation' }
  /** Share of communities divided into grids (grids ≥ 1). */
  | { of: 'shareWithGrids' };

/** What a street-scope rule reads off a street's communities. */
export type StreetMeasure =
  /** Township-seat communities at each seat of the street. */
  | { of: 'townshipCommunitiesAtSeat' }
  /** Facilities of the categories inside the street's communities, for streets of `streetKind`. */
  | { of: 'streetFacilities'; categories: readonly FacilityCategoryId[]; streetKind: 'street' | 'township' };

export type RuleMeasure = CommunityMeasure | RegionMeasure | StreetMeasure;

export type RuleThreshold =
  | { kind: 'min'; value: number }
  | { kind: 'max'; value: number }
  | { kind: 'range'; min: number; max: number }
  /** A minimum stepping at a residents boundary, with what the document leaves open exactly at it. */
  | { kind: 'min-by-residents'; boundary: number; below: number; atOrAbove: number; boundaryNote: Bilingual }
  /** A band per community type (002's size standards). */
  | { kind: 'band-by-type'; bands: Partial<Record<CommunityTypeId, { min: number; max: number }>> }
  /** 002 专栏2: new stations one minimum, rebuilt/bought/rented another. */
  | { kind: 'min-by-provenance'; newBuild: number; otherwise: number }
  /** 村改居: development progress above, or farmland share below (both 0–1). */
  | { kind: 'conversion'; progressAbove: number; farmlandBelow: number }
  /** Communities per township seat by the seat's kind; null: no limit. */
  | { kind: 'max-by-seat'; townshipSeat: number; formerTownshipSeat: number; countySeat: null }
  /** A minimum or maximum this tool chooses (TOOL_DEFAULTS), editable per request. */
  | { kind: 'min-setting'; setting: ToolSettingId }
  | { kind: 'max-setting'; setting: ToolSettingId };

/** The rule as one profile's document states it. */
export interface ProfileRule {
  grade: RuleGrade;
  /** The words the grade is read from: the 属性 column, or the clause's own wording (原则上, 为宜, 不少于…). */
  gradeWording: string;
  sources: readonly RuleSource[];
  threshold: RuleThreshold;
  /** Types this document applies it to, where narrower or wider than the rule's default. */
  appliesTo?: readonly CommunityTypeId[];
  /** A reading the tool had to choose, said wherever the rule is shown. */
  note?: Bilingual;
}

export interface RuleDefinition {
  id: string;
  kind: RuleKind;
  scope: RuleScope;
  title: Bilingual;
  /** Said when the rule is not met: what to do about it. */
  advice: Bilingual;
  /** Unit of the figure, for display; '%' marks a share held as 0–1. */
  unit: Bilingual;
  /** Community types the rule applies to (a profile may say otherwise, ProfileRule.appliesTo). */
  appliesTo: readonly CommunityTypeId[];
  /** New residential areas only (002's 新建居住社区): needs the `newResidentialArea` figure. */
  newResidentialOnly?: boolean;
  measure: RuleMeasure;
  /** Each profile holding the rule, as its document states it. A profile without an entry does not check it. */
  profiles: Partial<Record<StandardsProfileId, ProfileRule>>;
  /** Part of the rule that is this tool's own choice besides a setting threshold (e.g. a circle's categories). */
  toolDefault?: Bilingual;
}

const ALL_TYPES: readonly CommunityTypeId[] = COMMUNITY_TYPE_IDS;
/** 002 counts 城市社区 apart from 集镇社区 (一、（一）: 城市社区131个、集镇社区132个). */
const LESHAN_CITY_TYPES: readonly CommunityTypeId[] = URBAN_COMMUNITY_TYPES.filter(
  (type) => type !== 'township',
);

const PEOPLE: Bilingual = { zh: '人', en: 'residents' };
const HOUSEHOLDS: Bilingual = { zh: '户', en: 'households' };
const WORKERS: Bilingual = { zh: '人', en: 'workers' };
const SQUARE_METERS: Bilingual = { zh: 'm²', en: 'm²' };
const METERS: Bilingual = { zh: 'm', en: 'm' };
const SHARE: Bilingual = { zh: '%', en: '%' };
const FACILITIES: Bilingual = { zh: '处', en: 'facilities' };

const GB = (clause: string) => sourceOf('GB 50180-2018', clause, null);

/** 002 三、（一）3's per-community facility list, quoted once for the provision and reach rules. */
const LESHAN_PER_COMMUNITY =
  '每个社区原则上配建一个社区综合服务站、一所幼儿园(托儿所)、一个综合超市；至少有一片公共活动场地（含室外综合健身场地）并配置健身器材、健身步道、休息座椅、儿童娱乐等设施；原则上有一片开发的公共绿地或社区（街心）公园等，在紧急情况下可转换为应急避难场所';
const LESHAN_CIRCLES = '构建“15分钟-10分钟-5分钟”社区服务圈';
const JISHOU_FIVE_SMALL = '加快推进社区“小广场”“小绿地”“小垃圾站”“小停车场”“小公厕”建设';

/** 002's per-community facilities: provision (配建) and reach of each, with the grade of its own clause. */
const LESHAN_FACILITIES: readonly {
  id: string;
  categories: readonly FacilityCategoryId[];
  zh: string;
  en: string;
  grade: RuleGrade;
  gradeWording: string;
}[] = [
  {
    id: 'service_station',
    categories: ['service_station'],
    zh: '社区综合服务站',
    en: 'community service station',
    grade: 'guidance',
    gradeWording: '原则上',
  },
  {
    id: 'kindergarten_or_nursery',
    categories: ['kindergarten', 'nursery'],
    zh: '幼儿园（托儿所）',
    en: 'kindergarten or nursery',
    grade: 'guidance',
    gradeWording: '原则上',
  },
  {
    id: 'supermarket',
    categories: ['supermarket'],
    zh: '综合超市',
    en: 'supermarket',
    grade: 'guidance',
    gradeWording: '原则上',
  },
  // "至少有一片" stands outside the clause that 原则上 opens: a plain requirement.
  {
    id: 'fitness_ground',
    categories: ['fitness_ground'],
    zh: '公共活动场地（含室外综合健身场地）',
    en: 'public activity ground with outdoor fitness equipment',
    grade: 'expected',
    gradeWording: '至少有一片',
  },
  {
    id: 'park',
    categories: ['park'],
    zh: '公共绿地或社区公园（可作应急避难场所）',
    en: 'green space or pocket park usable as an emergency shelter',
    grade: 'guidance',
    gradeWording: '原则上',
  },
];

/** GB 50180-2018's everyday facilities the national profile's reach rules cover, each at its tier. */
const NATIONAL_REACH: readonly { id: FacilityCategoryId; zh: string; en: string }[] = [
  { id: 'service_station', zh: '社区综合服务站', en: 'community service station' },
  { id: 'kindergarten', zh: '幼儿园', en: 'kindergarten' },
  { id: 'primary_school', zh: '小学', en: 'primary school' },
  { id: 'middle_school', zh: '初中', en: 'middle school' },
  { id: 'health_station', zh: '社区卫生服务站', en: 'health station' },
  { id: 'health_centre', zh: '社区卫生服务中心', en: 'community health centre' },
  { id: 'elderly_day_care', zh: '老年人日间照料中心', en: 'elderly day care' },
  { id: 'supermarket', zh: '综合超市', en: 'supermarket' },
  { id: 'fitness_ground', zh: '公共活动场地（健身场地）', en: 'public activity / fitness ground' },
  { id: 'park', zh: '公园绿地', en: 'park' },
];

const REACH_SHARE_THRESHOLD: RuleThreshold = { kind: 'min-setting', setting: 'reachShare' };

/** Reach rules per category: national ones (GB 50180 tiers) and 002's per-community set. */
function reachRules(): RuleDefinition[] {
  const rules = new Map<string, RuleDefinition>();
  const rule = (
    id: string,
    categories: readonly FacilityCategoryId[],
    zh: string,
    en: string,
  ): RuleDefinition => {
    let existing = rules.get(id);
    if (!existing) {
      existing = {
        id: `reach.${id}`,
        kind: 'reach',
        scope: 'community',
        title: { zh: `步行可达${zh}`, en: `Walking reach of a ${en}` },
        advice: {
          zh: `在生活圈内补齐${zh}，使更多居民在分级时间内步行可达`,
          en: `Provide a ${en} within its life-circle tier for more residents`,
        },
        unit: SHARE,
        appliesTo: URBAN_COMMUNITY_TYPES,
        measure: { of: 'reach', reach: { reach: 'tier', categories } },
        profiles: {},
      };
      rules.set(id, existing);
    }
    return existing;
  };
  for (const category of NATIONAL_REACH) {
    rule(category.id, [category.id], category.zh, category.en).profiles.national = {
      grade: 'expected',
      gradeWording: '国家标准生活圈分级',
      sources: [GB('3.0.4、附录B')],
      threshold: REACH_SHARE_THRESHOLD,
    };
  }
  for (const facility of LESHAN_FACILITIES) {
    rule(facility.id, facility.categories, facility.zh, facility.en).profiles.leshan = {
      grade: 'expected',
      gradeWording: '构建',
      sources: [sourceOf('002', '三、（一）3', `${LESHAN_CIRCLES}。${LESHAN_PER_COMMUNITY}`)],
      threshold: REACH_SHARE_THRESHOLD,
      appliesTo: COMMUNITY_NOT_VILLAGE_TYPES,
    };
  }
  return [...rules.values()];
}

/** 002's per-community facilities: has one inside (配建). */
function leshanProvisionRules(): RuleDefinition[] {
  return LESHAN_FACILITIES.map((facility) => ({
    id: `provision.${facility.id}`,
    kind: 'provision',
    scope: 'community',
    title: { zh: `配建${facility.zh}`, en: `Has a ${facility.en} inside` },
    advice: { zh: `在社区内配建${facility.zh}`, en: `Provide a ${facility.en} inside the community` },
    unit: FACILITIES,
    appliesTo: COMMUNITY_NOT_VILLAGE_TYPES,
    measure: { of: 'facilities', categories: facility.categories },
    profiles: {
      leshan: {
        grade: facility.grade,
        gradeWording: facility.gradeWording,
        sources: [sourceOf('002', '三、（一）3', LESHAN_PER_COMMUNITY)],
        threshold: { kind: 'min', value: 1 },
      },
    },
  }));
}

/** 000's five small facilities (五小) per urban community. */
function jishouFiveSmallRules(): RuleDefinition[] {
  const small: { id: string; categories: readonly FacilityCategoryId[]; zh: string; en: string }[] = [
    { id: 'square', categories: ['fitness_ground'], zh: '小广场', en: 'small square' },
    { id: 'green', categories: ['park'], zh: '小绿地', en: 'small green space' },
    { id: 'refuse', categories: ['refuse_station'], zh: '小垃圾站', en: 'small refuse station' },
    { id: 'parking', categories: ['parking'], zh: '小停车场', en: 'small car park' },
    { id: 'toilet', categories: ['public_toilet'], zh: '小公厕', en: 'small public toilet' },
  ];
  return small.map((facility) => ({
    id: `provision.small.${facility.id}`,
    kind: 'provision',
    scope: 'community',
    title: { zh: `社区${facility.zh}`, en: `A ${facility.en} in the community` },
    advice: { zh: `推进社区${facility.zh}建设`, en: `Build a ${facility.en} in the community` },
    unit: FACILITIES,
    appliesTo: URBAN_COMMUNITY_TYPES,
    measure: { of: 'facilities', categories: facility.categories },
    profiles: {
      jishou: {
        grade: 'guidance',
        gradeWording: '加快推进',
        sources: [sourceOf('000', '四、16', JISHOU_FIVE_SMALL)],
        threshold: { kind: 'min', value: 1 },
        note:
          facility.id === 'square'
            ? {
                zh: '“小广场”按公共活动场地（健身场地）类设施计',
                en: 'A “small square” is counted as a public activity / fitness ground',
              }
            : undefined,
      },
    },
  }));
}

export const RULES: readonly RuleDefinition[] = [
  // ── §1 size bands ─────────────────────────────────────────────────────────────────────────────
  {
    id: 'size.residents',
    kind: 'size-band',
    scope: 'community',
    title: { zh: '常住人口规模', en: 'Residents within the type’s band' },
    advice: { zh: '超出上限宜拆分，低于下限宜合并', en: 'Split above the band, merge below it' },
    unit: PEOPLE,
    appliesTo: ['urban', 'fringe'],
    measure: { of: 'residents' },
    profiles: {
      leshan: {
        grade: 'guidance',
        gradeWording: '原则上…为宜',
        sources: [
          sourceOf(
            '002',
            '三、（一）1',
            '传统城区社区适宜人口规模原则上为1500-3000户、常住人口4500-12000人为宜',
          ),
          sourceOf('002', '三、（一）1', '社区建制规模以1000-2000户、常住人口3000-6000人为宜'),
        ],
        threshold: {
          kind: 'band-by-type',
          bands: { urban: { min: 4500, max: 12000 }, fringe: { min: 3000, max: 6000 } },
        },
      },
    },
  },
  {
    id: 'size.households',
    kind: 'size-band',
    scope: 'community',
    title: { zh: '户数规模', en: 'Households within the type’s band' },
    advice: { zh: '超出上限宜拆分，低于下限宜合并', en: 'Split above the band, merge below it' },
    unit: HOUSEHOLDS,
    appliesTo: ['urban', 'fringe'],
    measure: { of: 'households' },
    profiles: {
      leshan: {
        grade: 'guidance',
        gradeWording: '原则上…为宜',
        sources: [
          sourceOf(
            '002',
            '三、（一）1',
            '传统城区社区适宜人口规模原则上为1500-3000户、常住人口4500-12000人为宜',
          ),
          sourceOf('002', '三、（一）1', '社区建制规模以1000-2000户、常住人口3000-6000人为宜'),
        ],
        threshold: {
          kind: 'band-by-type',
          bands: { urban: { min: 1500, max: 3000 }, fringe: { min: 1000, max: 2000 } },
        },
      },
    },
  },
  {
    id: 'size.relocation',
    kind: 'size-band',
    scope: 'community',
    title: { zh: '易地扶贫搬迁安置社区规模', en: 'Relocation community size' },
    advice: {
      zh: '不足 800 人纳入所在村或社区管理，超出 2 000 人可按多个社区建制',
      en: 'Below 800 merge into the village or community it sits in; above 2 000 it may be split',
    },
    unit: PEOPLE,
    appliesTo: ['relocation'],
    measure: { of: 'residents' },
    profiles: {
      leshan: {
        grade: 'guidance',
        gradeWording: '为宜、可',
        sources: [
          sourceOf(
            '002',
            '三、（一）1',
            '易地扶贫搬迁社区以常住人口800-2000人为宜（不足800人纳入所在村或社区管理，超出2000人可按多个社区建制）',
          ),
        ],
        threshold: { kind: 'range', min: 800, max: 2000 },
      },
    },
  },
  {
    id: 'size.new.households',
    kind: 'size-band',
    scope: 'community',
    title: { zh: '新成立社区户数', en: 'New community households' },
    advice: {
      zh: '新成立社区一般控制在 3 000–4 000 户',
      en: 'A new community should have 3 000–4 000 households',
    },
    unit: HOUSEHOLDS,
    appliesTo: ['new'],
    measure: { of: 'households' },
    profiles: {
      linjiang: {
        grade: 'expected',
        gradeWording: '一般控制在',
        sources: [sourceOf('003', '四、（十）', '新成立社区一般控制在3000—4000户范围内')],
        threshold: { kind: 'range', min: 3000, max: 4000 },
      },
    },
  },
  {
    id: 'township.seat',
    kind: 'count',
    scope: 'street',
    title: { zh: '乡镇驻地集镇社区数量', en: 'Township-seat communities per seat' },
    advice: {
      zh: '非县级人民政府驻地的乡镇政府驻地场镇可设置 1–2 个社区，被撤并的原乡镇政府驻地场镇可设置 1 个社区',
      en: 'At a township seat that is not the county seat at most 2 communities; at a former, merged township seat at most 1',
    },
    unit: { zh: '个', en: 'communities' },
    appliesTo: ['township'],
    measure: { of: 'townshipCommunitiesAtSeat' },
    profiles: {
      leshan: {
        grade: 'guidance',
        gradeWording: '可',
        sources: [
          sourceOf(
            '002',
            '三、（一）1',
            '对于非县级人民政府驻地的一般乡镇，具备相应条件的可在乡镇政府驻地场镇设置1-2个社区，在乡镇行政区划调整改革中被撤并的原乡镇政府驻地场镇符合条件的可设置1个社区',
          ),
        ],
        threshold: { kind: 'max-by-seat', townshipSeat: 2, formerTownshipSeat: 1, countySeat: null },
      },
    },
  },
  // ── §2 村改居 ─────────────────────────────────────────────────────────────────────────────────
  {
    id: 'village.conversion',
    kind: 'classification',
    scope: 'community',
    title: { zh: '村改居条件', en: 'Village-to-community conversion test' },
    advice: {
      zh: '城市拆迁开发进度过半或农业用地面积占比不到一半的城乡结合部的村，规范稳妥推进“村改居”',
      en: 'A fringe village whose development is past half or whose farmland is under half of its area is a candidate to become a community',
    },
    unit: SHARE,
    appliesTo: ['village'],
    measure: { of: 'villageConversion' },
    profiles: {
      leshan: {
        grade: 'guidance',
        gradeWording: '规范稳妥推进',
        sources: [
          sourceOf(
            '002',
            '三、（一）1',
            '城市拆迁开发进度过半或农业用地面积占比不到一半的城乡结合部的村，规范稳妥推进“村改居”工作',
          ),
        ],
        threshold: { kind: 'conversion', progressAbove: 0.5, farmlandBelow: 0.5 },
        note: {
          zh: '文件所指为“城乡结合部的村”；本工具对每个行政村给出判断，是否属城乡结合部由规划人员确认',
          en: 'The document speaks of villages at the urban–rural fringe; the tool tests every village and leaves that judgement to the planner',
        },
      },
    },
  },
  // ── §3 service floor area ─────────────────────────────────────────────────────────────────────
  {
    id: 'area.per100hh',
    kind: 'floor-area',
    scope: 'community',
    title: { zh: '每百户社区综合服务设施面积', en: 'Service floor area per 100 households' },
    advice: {
      zh: '按每百户不低于 30 m² 配建社区综合服务设施',
      en: 'Provide at least 30 m² of service floor per 100 households',
    },
    unit: { zh: 'm²/百户', en: 'm² per 100 households' },
    appliesTo: ALL_TYPES,
    measure: { of: 'serviceFloorAreaPer100Households' },
    profiles: {
      national: {
        grade: 'expected',
        gradeWording: '预期性',
        sources: [sourceOf('国办发〔2021〕56号', '专栏1', null)],
        threshold: { kind: 'min', value: 30 },
      },
      kaili: {
        grade: 'expected',
        gradeWording: '不低于',
        sources: [
          sourceOf('001', '二、（一）1.（1）', '服务用房面积不低于每百户30平方米'),
          sourceOf('001', '二、（一）2.（1）', '服务用房面积不低于每百户30平方米'),
        ],
        threshold: { kind: 'min', value: 30 },
      },
      leshan: {
        grade: 'expected',
        gradeWording: '预期性',
        sources: [
          sourceOf('002', '专栏1', '每百户居民拥有社区综合服务设施面积（平方米） ≥30 预期性'),
          sourceOf('002', '专栏2·1', '按照每百户不低于 30 平方米标准配建社区综合服务设施'),
        ],
        threshold: { kind: 'min', value: 30 },
        appliesTo: COMMUNITY_NOT_VILLAGE_TYPES,
      },
      linjiang: {
        grade: 'expected',
        gradeWording: '预期性',
        sources: [sourceOf('003', '专栏1·4', '每百户城乡居民拥有社区综合服务设施面积 ≥30 平方米 预期性')],
        threshold: { kind: 'min', value: 30 },
      },
      qujing: {
        grade: 'guidance',
        gradeWording: '原则上',
        sources: [
          sourceOf('004', '三、（三）8', '原则上按照每百户居民不低于30平方米的标准配建城乡社区综合服务设施'),
        ],
        threshold: { kind: 'min', value: 30 },
      },
    },
  },
  {
    id: 'area.national.min',
    kind: 'floor-area',
    scope: 'community',
    title: {
      zh: '社区服务站面积下限（国标 600 m²）',
      en: 'Service station floor area minimum (national 600 m²)',
    },
    advice: {
      zh: '城市社区服务站用房不少于 600 m²',
      en: 'An urban community’s service station needs at least 600 m²',
    },
    unit: SQUARE_METERS,
    appliesTo: URBAN_COMMUNITY_TYPES,
    measure: { of: 'serviceFloorArea' },
    profiles: {
      national: {
        grade: 'expected',
        gradeWording: '配建控制要求',
        sources: [GB('附录C 表C.0.3（社区服务站）')],
        threshold: { kind: 'min', value: 600 },
      },
      jishou: {
        grade: 'expected',
        gradeWording: '确保…达到规定标准',
        sources: [
          sourceOf('000', '一、（二）', '与国标规定的社区服务站面积最低600 m²的标准的要求尚有差距'),
          sourceOf('000', '四、8', '确保全市所有城市社区服务站服务设施用房达到规定标准'),
        ],
        threshold: { kind: 'min', value: 600 },
      },
    },
  },
  {
    id: 'area.urban.min',
    kind: 'floor-area',
    scope: 'community',
    title: { zh: '城市社区服务站面积下限（按人口）', en: 'Urban service station floor area by population' },
    advice: {
      zh: '5 000 人以下不少于 600 m²，5 000 人以上不少于 800 m²',
      en: '600 m² below 5 000 residents, 800 m² from 5 000',
    },
    unit: SQUARE_METERS,
    appliesTo: URBAN_COMMUNITY_TYPES,
    measure: { of: 'serviceFloorArea' },
    profiles: {
      kaili: {
        grade: 'expected',
        gradeWording: '不少于',
        sources: [
          sourceOf(
            '001',
            '二、（一）1.（1）',
            '社区人口5000人以下的服务用房面积不低于每百户30平方米且总面积不少于600平方米、人口5000人以上的服务用房面积不低于每百户30平方米且不少于800平方米',
          ),
        ],
        threshold: {
          kind: 'min-by-residents',
          boundary: 5000,
          below: 600,
          atOrAbove: 800,
          boundaryNote: {
            zh: '常住人口恰为 5 000 人：文件“5000人以下…600平方米”与“5000人以上…800平方米”按“以上、以下包括本数”都含 5 000 人；本工具按“5 000 人及以上不少于 800 m²”判定（standards.md 的读法），按另一读法 600 m² 即可',
            en: 'Exactly 5 000 residents: the document’s “5000人以下 … 600 m²” and “5000人以上 … 800 m²” both include 5 000 by the usual reading of 以上/以下; the tool applies 800 m² from 5 000 (standards.md’s reading) — under the other reading 600 m² would do',
          },
        },
      },
    },
  },
  {
    id: 'area.rural.min',
    kind: 'floor-area',
    scope: 'community',
    title: { zh: '农村社区服务站面积下限（按人口）', en: 'Rural service station floor area by population' },
    advice: {
      zh: '2 000 人以下不少于 400 m²，2 000 人以上不少于 500 m²',
      en: '400 m² below 2 000 residents, 500 m² from 2 000',
    },
    unit: SQUARE_METERS,
    appliesTo: ['village', 'rural'],
    measure: { of: 'serviceFloorArea' },
    profiles: {
      kaili: {
        grade: 'expected',
        gradeWording: '不少于',
        sources: [
          sourceOf(
            '001',
            '二、（一）2.（1）',
            '农村社区人口2000人以下的服务用房面积不低于每百户30平方米且总面积不少于400平方米、人口2000人以上的服务用房面积不低于每百户30平方米且总面积不少于500平方米',
          ),
        ],
        threshold: {
          kind: 'min-by-residents',
          boundary: 2000,
          below: 400,
          atOrAbove: 500,
          boundaryNote: {
            zh: '常住人口恰为 2 000 人：文件“2000人以下…400平方米”与“2000人以上…500平方米”按“以上、以下包括本数”都含 2 000 人；本工具按“2 000 人及以上不少于 500 m²”判定（standards.md 的读法），按另一读法 400 m² 即可',
            en: 'Exactly 2 000 residents: the document’s “2000人以下 … 400 m²” and “2000人以上 … 500 m²” both include 2 000 by the usual reading of 以上/以下; the tool applies 500 m² from 2 000 (standards.md’s reading) — under the other reading 400 m² would do',
          },
        },
      },
    },
  },
  {
    id: 'area.leshan.min',
    kind: 'floor-area',
    scope: 'community',
    title: {
      zh: '社区综合服务设施面积下限（按建设方式）',
      en: 'Service floor area minimum by how the station was provided',
    },
    advice: {
      zh: '新建一般不低于 500 m²；改建扩建、购置租用一般不低于 300 m²',
      en: 'New builds 500 m²; rebuilt, bought or rented 300 m²',
    },
    unit: SQUARE_METERS,
    appliesTo: COMMUNITY_NOT_VILLAGE_TYPES,
    measure: { of: 'serviceFloorArea' },
    profiles: {
      leshan: {
        grade: 'guidance',
        gradeWording: '一般不低于',
        sources: [
          sourceOf(
            '002',
            '专栏2·1',
            '新建社区综合服务设施，按照一般不低于 500 平米；城市改建扩建、购置租用社区一般不低于 300 平米',
          ),
        ],
        threshold: { kind: 'min-by-provenance', newBuild: 500, otherwise: 300 },
        note: {
          zh: '300 m² 一句以“城市”开头；集镇、安置等社区改建、购置或租用的服务设施同样按 300 m² 判定',
          en: 'The 300 m² clause opens with 城市 (city); rebuilt, bought or rented stations of other communities are held to 300 m² as well',
        },
      },
    },
  },
  {
    id: 'area.activity.share',
    kind: 'share',
    scope: 'community',
    title: { zh: '居民活动区域面积占比', en: 'Resident activity share of the service facility' },
    advice: {
      zh: '压缩办公面积，居民活动区域不低于服务设施总建筑面积的 60%',
      en: 'Give at least 60 % of the facility to residents’ activities',
    },
    unit: SHARE,
    appliesTo: ALL_TYPES,
    measure: { of: 'activityFloorShare' },
    profiles: {
      linjiang: {
        grade: 'expected',
        gradeWording: '预期性',
        sources: [
          sourceOf('003', '专栏1·5', '城乡居民活动区域面积占社区综合服务设施总建筑面积比例 ≥60% 预期性'),
        ],
        threshold: { kind: 'min', value: 0.6 },
      },
    },
  },
  {
    id: 'area.commerce.share',
    kind: 'share',
    scope: 'community',
    title: { zh: '社区商业和综合服务设施面积占比', en: 'Commerce and service share of total floor area' },
    advice: {
      zh: '提高社区商业和综合服务设施面积占社区总建筑面积的比例',
      en: 'Raise the share of commerce and services in the community’s floor area',
    },
    unit: SHARE,
    appliesTo: ALL_TYPES,
    measure: { of: 'commercialFloorShare' },
    profiles: {
      leshan: {
        grade: 'binding',
        gradeWording: '约束性',
        sources: [
          sourceOf('002', '专栏1', '社区商业和综合服务设施面积占社区总建筑面积的比例（%） 12% 约束性'),
        ],
        threshold: { kind: 'min', value: 0.12 },
        appliesTo: COMMUNITY_NOT_VILLAGE_TYPES,
        note: {
          zh: '目标值“12%”未写“≥”，按下限判定',
          en: 'The target reads “12%” without “≥”; it is read as a minimum',
        },
      },
      linjiang: {
        grade: 'expected',
        gradeWording: '预期性',
        sources: [sourceOf('003', '专栏1·3', '社区商业和综合服务设施面积占社区总建筑面积比例 ≥10% 预期性')],
        threshold: { kind: 'min', value: 0.1 },
      },
    },
  },
  // ── §5 staff (community scope) ────────────────────────────────────────────────────────────────
  {
    id: 'staff.min',
    kind: 'staff',
    scope: 'community',
    title: { zh: '社区专职工作者人数', en: 'Full-time community workers' },
    advice: { zh: '每个社区专职工作者不少于 5 人', en: 'At least 5 full-time workers per community' },
    unit: WORKERS,
    appliesTo: ALL_TYPES,
    measure: { of: 'staff' },
    profiles: {
      kaili: {
        grade: 'expected',
        gradeWording: '不少于',
        sources: [sourceOf('001', '三、（三）', '每个社区专职工作者不少于5人')],
        threshold: { kind: 'min', value: 5 },
      },
    },
  },
  {
    id: 'staff.grid',
    kind: 'staff',
    scope: 'community',
    title: { zh: '每个网格专职网格员', en: 'A full-time worker for every grid' },
    advice: { zh: '每个网格配备 1 名专职网格员', en: 'One full-time grid worker per grid' },
    unit: { zh: '人/网格', en: 'per grid' },
    appliesTo: COMMUNITY_NOT_VILLAGE_TYPES,
    measure: { of: 'gridWorkersPerGrid' },
    profiles: {
      linjiang: {
        grade: 'expected',
        gradeWording: '至少配备',
        sources: [
          sourceOf(
            '003',
            '六、（十六）',
            '落实城市社区“一格三长”制度…每个网格至少配备1名社区工作者担任专职网格长（员）',
          ),
        ],
        threshold: { kind: 'min', value: 1 },
        appliesTo: URBAN_COMMUNITY_TYPES,
      },
      qujing: {
        grade: 'guidance',
        gradeWording: '原则上',
        sources: [sourceOf('004', '三、（四）10', '原则上1个网格设立1个党支部或党小组，配备1名专职网格员')],
        threshold: { kind: 'min', value: 1 },
      },
    },
  },
  {
    id: 'staff.police',
    kind: 'staff',
    scope: 'community',
    title: { zh: '一社区一警', en: 'A police officer for every community' },
    advice: { zh: '每个社区配备 1 名社区民警', en: 'Assign a police officer to the community' },
    unit: { zh: '人', en: 'officers' },
    appliesTo: URBAN_COMMUNITY_TYPES,
    measure: { of: 'police', countAuxiliary: false },
    profiles: {
      jishou: {
        grade: 'guidance',
        gradeWording: '积极推行',
        sources: [sourceOf('000', '四、11', '积极推行“一社区一片警”模式')],
        threshold: { kind: 'min', value: 1 },
      },
    },
  },
  {
    id: 'staff.police.auxiliary',
    kind: 'staff',
    scope: 'community',
    title: { zh: '一社区一警（辅警）', en: 'A police or auxiliary officer for every community' },
    advice: {
      zh: '每个社区配备 1 名民警或辅警',
      en: 'Assign a police or auxiliary officer to the community',
    },
    unit: { zh: '人', en: 'officers' },
    appliesTo: COMMUNITY_NOT_VILLAGE_TYPES,
    measure: { of: 'police', countAuxiliary: true },
    profiles: {
      leshan: {
        grade: 'guidance',
        gradeWording: '推进',
        sources: [sourceOf('002', '专栏5·3', '推进“一社区一警（辅警）”')],
        threshold: { kind: 'min', value: 1 },
      },
    },
  },
  // ── §6 opening hours ──────────────────────────────────────────────────────────────────────────
  {
    id: 'service.hours',
    kind: 'service-hours',
    scope: 'community',
    title: { zh: '服务设施每天开放时间', en: 'Daily opening hours of the service facility' },
    advice: {
      zh: '社区综合服务设施开放时间一般不少于每天 8 小时',
      en: 'Open the service facility at least 8 hours a day',
    },
    unit: { zh: '小时/天', en: 'hours a day' },
    appliesTo: ALL_TYPES,
    measure: { of: 'openingHoursPerDay' },
    profiles: {
      linjiang: {
        grade: 'guidance',
        gradeWording: '一般不少于',
        sources: [
          sourceOf('003', '四、（十一）', '社区综合服务设施开放时间一般不少于每天8小时，节假日全天开放'),
        ],
        threshold: { kind: 'min', value: 8 },
      },
      qujing: {
        grade: 'guidance',
        gradeWording: '一般不少于',
        sources: [sourceOf('004', '三、（一）3', '社区服务设施开放和服务时间一般不少于每天8小时')],
        threshold: { kind: 'min', value: 8 },
      },
    },
  },
  // ── §4 provision (配建) ────────────────────────────────────────────────────────────────────────
  ...leshanProvisionRules(),
  {
    id: 'provision.parking',
    kind: 'provision',
    scope: 'community',
    title: { zh: '新建居住社区机动车停车位', en: 'Parking spaces in a new residential area' },
    advice: {
      zh: '新建居住社区按不低于 1 车位/户配建机动车停车位，并配套充电设施或预留条件',
      en: 'Provide at least one parking space per household, with EV charging or its provision',
    },
    unit: { zh: '车位/户', en: 'spaces per household' },
    appliesTo: COMMUNITY_NOT_VILLAGE_TYPES,
    newResidentialOnly: true,
    measure: { of: 'parkingSpacesPerHousehold' },
    profiles: {
      leshan: {
        grade: 'expected',
        gradeWording: '按照不低于',
        sources: [
          sourceOf(
            '002',
            '三、（一）3',
            '新建居住社区按照不低于1车位/户标准配建机动车停车位，并配套停车位建设充电设施或者预留建设安装条件',
          ),
        ],
        threshold: { kind: 'min', value: 1 },
      },
    },
  },
  {
    id: 'provision.refuse_station',
    kind: 'provision',
    scope: 'community',
    title: {
      zh: '新建居住社区生活垃圾收集站（用地 ≥ 120 m²）',
      en: 'Refuse collection station of ≥ 120 m² land in a new residential area',
    },
    advice: {
      zh: '新建居住社区宜建设一个用地面积不小于 120 m² 的生活垃圾收集站',
      en: 'Build a refuse collection station on at least 120 m² of land',
    },
    unit: SQUARE_METERS,
    appliesTo: COMMUNITY_NOT_VILLAGE_TYPES,
    newResidentialOnly: true,
    measure: { of: 'facilities', categories: ['refuse_station'], largest: 'land' },
    profiles: {
      leshan: {
        grade: 'guidance',
        gradeWording: '宜',
        sources: [
          sourceOf('002', '三、（一）3', '新建居住社区宜建设一个用地面积不小于120平方米的生活垃圾收集站'),
        ],
        threshold: { kind: 'min', value: 120 },
      },
    },
  },
  {
    id: 'provision.public_toilet',
    kind: 'provision',
    scope: 'community',
    title: {
      zh: '新建居住社区公共厕所（建筑面积 ≥ 30 m²）',
      en: 'Public toilet of ≥ 30 m² floor in a new residential area',
    },
    advice: {
      zh: '新建居住社区宜建设一个建筑面积不小于 30 m² 的公共厕所',
      en: 'Build a public toilet of at least 30 m² floor',
    },
    unit: SQUARE_METERS,
    appliesTo: COMMUNITY_NOT_VILLAGE_TYPES,
    newResidentialOnly: true,
    measure: { of: 'facilities', categories: ['public_toilet'], largest: 'floor' },
    profiles: {
      leshan: {
        grade: 'guidance',
        gradeWording: '宜',
        sources: [
          sourceOf('002', '三、（一）3', '新建居住社区宜建设…建设一个建筑面积不小于30平方米的公共厕所'),
        ],
        threshold: { kind: 'min', value: 30 },
      },
    },
  },
  {
    id: 'provision.workers_rest',
    kind: 'provision',
    scope: 'community',
    title: { zh: '户外劳动者休息驿站', en: 'Outdoor workers’ rest station' },
    advice: {
      zh: '每个城市社区建设不少于 1 个户外劳动者休息驿站',
      en: 'Provide at least one rest station for outdoor workers',
    },
    unit: FACILITIES,
    appliesTo: LESHAN_CITY_TYPES,
    measure: { of: 'facilities', categories: ['workers_rest_station'] },
    profiles: {
      leshan: {
        grade: 'expected',
        gradeWording: '预期性',
        sources: [
          sourceOf('002', '专栏1', '每个城市社区户外劳动者（环卫工、快递小哥等）休息驿站数量 ≥1 预期性'),
        ],
        threshold: { kind: 'min', value: 1 },
      },
    },
  },
  ...jishouFiveSmallRules(),
  {
    id: 'adjacency.health_elderly',
    kind: 'adjacency',
    scope: 'community',
    title: { zh: '社区卫生服务中心与养老服务设施毗邻', en: 'Health centre next to an elderly-care facility' },
    advice: {
      zh: '推动社区卫生服务中心与社区养老服务设施毗邻建设',
      en: 'Build the health centre next to an elderly-care facility',
    },
    unit: METERS,
    appliesTo: ALL_TYPES,
    measure: {
      of: 'nearestFacility',
      from: ['health_centre'],
      to: ['elderly_day_care', 'elderly_care_complex'],
    },
    profiles: {
      leshan: {
        grade: 'guidance',
        gradeWording: '推动',
        sources: [sourceOf('002', '三、（一）3', '推动社区卫生服务中心与社区养老服务设施毗邻建设')],
        threshold: { kind: 'max-setting', setting: 'adjacencyMeters' },
      },
      linjiang: {
        grade: 'guidance',
        gradeWording: '推动',
        sources: [sourceOf('003', '四、（十）', '推动社区卫生服务中心与养老服务机构毗邻建设')],
        threshold: { kind: 'max-setting', setting: 'adjacencyMeters' },
      },
    },
  },
  {
    // 004 names the health station too (社区卫生服务中心（站）): its own measure, so its own rule.
    id: 'adjacency.health_elderly.station',
    kind: 'adjacency',
    scope: 'community',
    title: {
      zh: '社区卫生服务中心（站）与养老服务机构毗邻',
      en: 'Health centre or station next to an elderly-care facility',
    },
    advice: {
      zh: '推动社区卫生服务中心（站）与社区养老服务机构毗邻建设',
      en: 'Build the health centre or station next to an elderly-care facility',
    },
    unit: METERS,
    appliesTo: ALL_TYPES,
    measure: {
      of: 'nearestFacility',
      from: ['health_centre', 'health_station'],
      to: ['elderly_day_care', 'elderly_care_complex'],
    },
    profiles: {
      qujing: {
        grade: 'guidance',
        gradeWording: '推动',
        sources: [sourceOf('004', '三、（三）8', '推动社区卫生服务中心（站）与社区养老服务机构毗邻建设')],
        threshold: { kind: 'max-setting', setting: 'adjacencyMeters' },
      },
    },
  },
  // ── §4 reach (walking population coverage) ────────────────────────────────────────────────────
  ...reachRules(),
  {
    id: 'reach.circle15',
    kind: 'reach',
    scope: 'community',
    title: { zh: '15 分钟生活圈完整度', en: 'Complete 15-minute life circle' },
    advice: {
      zh: '补齐 15 分钟生活圈内居民未能在分级时间内步行到达的设施',
      en: 'Provide the facilities of the 15-minute circle that residents cannot reach within their tiers',
    },
    unit: SHARE,
    appliesTo: URBAN_COMMUNITY_TYPES,
    measure: { of: 'reach', reach: { reach: 'circle', circleMinutes: 15 } },
    toolDefault: {
      zh: '圈内设施为工具默认的日常设施集（依 GB 50180-2018），以分级表中 15 分钟及以内的类别计，各在其分级时间内到达',
      en: 'The circle’s facilities are the tool’s everyday set (after GB 50180-2018): every category the tier table puts within 15 minutes, each reached within its tier',
    },
    profiles: {
      kaili: {
        grade: 'expected',
        gradeWording: '按照…的要求',
        sources: [
          sourceOf(
            '001',
            '二、（一）1.（1）',
            '按照“15分钟便民生活服务圈”的要求，合理确定社区综合服务中心设置规模',
          ),
        ],
        threshold: REACH_SHARE_THRESHOLD,
      },
      leshan: {
        grade: 'expected',
        gradeWording: '构建',
        sources: [
          sourceOf('002', '三、（一）3', LESHAN_CIRCLES),
          sourceOf('002', '三、（一）5', '打造15分钟便民生活圈'),
        ],
        threshold: REACH_SHARE_THRESHOLD,
        appliesTo: COMMUNITY_NOT_VILLAGE_TYPES,
      },
      linjiang: {
        grade: 'guidance',
        gradeWording: '推进',
        sources: [sourceOf('003', '三、（八）', '推进城市社区“15分钟”便民生活圈建设')],
        threshold: REACH_SHARE_THRESHOLD,
      },
    },
  },
  {
    id: 'reach.fitness15',
    kind: 'reach',
    scope: 'community',
    title: { zh: '15 分钟健身圈', en: '15-minute fitness circle' },
    advice: {
      zh: '使村（社区）居民步行 15 分钟内都能到达健身场地',
      en: 'Put a fitness ground within 15 minutes’ walk of every resident',
    },
    unit: SHARE,
    appliesTo: ALL_TYPES,
    measure: {
      of: 'reach',
      reach: { reach: 'fixed', categories: ['fitness_ground', 'sports_ground'], minutes: 15 },
    },
    profiles: {
      linjiang: {
        grade: 'expected',
        gradeWording: '实现…全覆盖',
        sources: [sourceOf('003', '专栏3·9', '实现村（社区）“15分钟健身圈”全覆盖')],
        threshold: { kind: 'min', value: 1 },
        note: {
          zh: '15 分钟为文件所定，不随分级表变化；步行速度按当前设置',
          en: 'The 15 minutes are the document’s and do not follow the tier table; the walking speed in force applies',
        },
      },
    },
  },
  // ── region scope ──────────────────────────────────────────────────────────────────────────────
  {
    id: 'staff.per10k',
    kind: 'staff',
    scope: 'region',
    title: { zh: '每万名城镇常住人口社区工作者', en: 'Community workers per 10 000 urban residents' },
    advice: {
      zh: '每万名城镇常住人口配备 18 名社区工作者',
      en: '18 community workers per 10 000 urban residents',
    },
    unit: { zh: '人/万人', en: 'per 10 000' },
    appliesTo: URBAN_COMMUNITY_TYPES,
    measure: { of: 'staffPer10kResidents' },
    profiles: {
      leshan: {
        grade: 'expected',
        gradeWording: '预期性',
        sources: [sourceOf('002', '专栏1', '每万名城镇常住人口拥有社区工作者（人） 18 预期性')],
        threshold: { kind: 'min', value: 18 },
      },
      linjiang: {
        grade: 'expected',
        gradeWording: '预期性',
        sources: [sourceOf('003', '专栏1·7', '每万城镇常住人口拥有社区工作者 18 人 预期性')],
        threshold: { kind: 'min', value: 18 },
      },
    },
  },
  {
    id: 'staff.socialworkers',
    kind: 'staff',
    scope: 'region',
    title: {
      zh: '平均每个城市社区“社工师”人数',
      en: 'Certified social workers per urban community, on average',
    },
    advice: {
      zh: '平均每个城市社区拥有不少于 3 名“社工师”',
      en: 'On average at least 3 certified social workers per urban community',
    },
    unit: { zh: '人/社区', en: 'per community' },
    appliesTo: URBAN_COMMUNITY_TYPES,
    measure: { of: 'socialWorkersPerCommunity' },
    profiles: {
      linjiang: {
        grade: 'binding',
        gradeWording: '约束性',
        sources: [sourceOf('003', '专栏1·8', '平均每个城市社区拥有“社工师”人数 ≥3 人 约束性')],
        threshold: { kind: 'min', value: 3 },
      },
    },
  },
  {
    id: 'staff.certified.share',
    kind: 'staff',
    scope: 'region',
    title: {
      zh: '社区专职工作者持社会工作职业资格证书比例',
      en: 'Share of full-time workers with a social-work certificate',
    },
    advice: {
      zh: '全市社区专职工作者中取得社会工作职业资格证书者达到 15%',
      en: '15 % of full-time community workers certified in social work',
    },
    unit: SHARE,
    appliesTo: COMMUNITY_NOT_VILLAGE_TYPES,
    measure: { of: 'certifiedShareOfStaff' },
    profiles: {
      leshan: {
        grade: 'expected',
        gradeWording: '预期性',
        sources: [
          sourceOf('002', '专栏1', '全市社区专职工作者中取得社会工作职业资格水平证书人数（%） 15% 预期性'),
        ],
        threshold: { kind: 'min', value: 0.15 },
      },
    },
  },
  {
    id: 'coverage.day_care',
    kind: 'provision',
    scope: 'region',
    title: { zh: '社区日间照料中心覆盖率', en: 'Communities with an elderly day-care centre' },
    advice: {
      zh: '社区日间照料中心覆盖率达到 90% 以上',
      en: 'An elderly day-care centre in at least 90 % of communities',
    },
    unit: SHARE,
    appliesTo: COMMUNITY_NOT_VILLAGE_TYPES,
    measure: { of: 'shareWithFacility', categories: ['elderly_day_care'] },
    profiles: {
      leshan: {
        grade: 'expected',
        gradeWording: '预期性',
        sources: [
          sourceOf('002', '专栏1', '社区日间照料中心覆盖率（%） ≥90 预期性'),
          sourceOf('002', '专栏4·8', '社区日间照料机构覆盖率达 90%以上'),
        ],
        threshold: { kind: 'min', value: 0.9 },
      },
    },
  },
  {
    id: 'coverage.culture_centre',
    kind: 'provision',
    scope: 'region',
    title: { zh: '综合性文化服务中心覆盖率', en: 'Communities with a comprehensive culture centre' },
    advice: { zh: '综合性文化服务中心覆盖率达到 90%', en: 'A culture centre in 90 % of communities' },
    unit: SHARE,
    appliesTo: COMMUNITY_NOT_VILLAGE_TYPES,
    measure: { of: 'shareWithFacility', categories: ['culture_centre'] },
    profiles: {
      leshan: {
        grade: 'expected',
        gradeWording: '预期性',
        sources: [sourceOf('002', '专栏1', '综合性文化服务中心覆盖率（%） 90 预期性')],
        threshold: { kind: 'min', value: 0.9 },
        note: {
          zh: '目标值“90”未写“≥”，按下限判定',
          en: 'The target reads “90” without “≥”; it is read as a minimum',
        },
      },
    },
  },
  {
    id: 'coverage.service_station',
    kind: 'provision',
    scope: 'region',
    title: { zh: '城乡社区综合服务设施覆盖率', en: 'Communities and villages with a service station' },
    advice: { zh: '每个村（社区）都有综合服务设施', en: 'A service station in every community and village' },
    unit: SHARE,
    appliesTo: ALL_TYPES,
    measure: { of: 'shareWithStation' },
    profiles: {
      kaili: {
        grade: 'expected',
        gradeWording: '力争…达到',
        sources: [sourceOf('001', '一、（二）', '全市城乡社区服务站覆盖率达到100％')],
        threshold: { kind: 'min', value: 1 },
      },
      linjiang: {
        grade: 'expected',
        gradeWording: '预期性',
        sources: [
          sourceOf('003', '专栏1·1', '农村社区综合服务设施覆盖率 100% 预期性'),
          sourceOf('003', '专栏1·2', '城市社区综合服务设施覆盖率 100% 预期性'),
        ],
        threshold: { kind: 'min', value: 1 },
      },
    },
  },
  {
    id: 'coverage.grid',
    kind: 'provision',
    scope: 'region',
    title: { zh: '网格化服务管理覆盖率', en: 'Communities under grid management' },
    advice: {
      zh: '每个城乡社区都划分网格实行网格化服务管理',
      en: 'Divide every community and village into grids',
    },
    unit: SHARE,
    appliesTo: ALL_TYPES,
    measure: { of: 'shareWithGrids' },
    profiles: {
      kaili: {
        grade: 'expected',
        gradeWording: '力争…达到',
        sources: [sourceOf('001', '一、（二）', '网格化服务管理覆盖率达到100%')],
        threshold: { kind: 'min', value: 1 },
      },
    },
  },
  // ── street scope ──────────────────────────────────────────────────────────────────────────────
  {
    id: 'provision.elderly_complex.street',
    kind: 'provision',
    scope: 'street',
    title: { zh: '每个街道社区养老服务综合体', en: 'An elderly-care complex in every street' },
    advice: {
      zh: '每个街道建成不少于 1 个社区养老服务综合体',
      en: 'Build at least one community elderly-care complex in the street',
    },
    unit: FACILITIES,
    appliesTo: ALL_TYPES,
    measure: { of: 'streetFacilities', categories: ['elderly_care_complex'], streetKind: 'street' },
    profiles: {
      leshan: {
        grade: 'expected',
        gradeWording: '预期性',
        sources: [
          sourceOf('002', '专栏1', '每个街道建成社区养老服务综合体（个） ≥1 预期性'),
          sourceOf('002', '三、（一）3', '每个街道和有条件的乡镇至少建有一个社区养老服务综合体'),
        ],
        threshold: { kind: 'min', value: 1 },
      },
    },
  },
  {
    id: 'provision.elderly_complex.township',
    kind: 'provision',
    scope: 'street',
    title: {
      zh: '有条件的乡镇社区养老服务综合体',
      en: 'An elderly-care complex in a township that can have one',
    },
    advice: {
      zh: '有条件的乡镇至少建有 1 个社区养老服务综合体',
      en: 'A township that can should build a community elderly-care complex',
    },
    unit: FACILITIES,
    appliesTo: ALL_TYPES,
    measure: { of: 'streetFacilities', categories: ['elderly_care_complex'], streetKind: 'township' },
    profiles: {
      leshan: {
        grade: 'guidance',
        gradeWording: '有条件的',
        sources: [
          sourceOf('002', '三、（一）3', '每个街道和有条件的乡镇至少建有一个社区养老服务综合体'),
          sourceOf('002', '专栏4·8', '全市所有街道和有条件的乡镇至少建有1个社区养老服务综合体'),
        ],
        threshold: { kind: 'min', value: 1 },
      },
    },
  },
];

const RULES_BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));
const RULES_BY_PROFILE = new Map<StandardsProfileId, readonly RuleDefinition[]>(
  STANDARDS_PROFILE_IDS.map((profile) => [
    profile,
    RULES.filter((rule) => rule.profiles[profile] !== undefined),
  ]),
);

/** The rules a profile holds, in table order. */
export function rulesOfProfile(profile: StandardsProfileId): readonly RuleDefinition[] {
  return RULES_BY_PROFILE.get(profile)!;
}

/** The rule of the table with this id; throws for an id the table does not hold (programmer error). */
export function ruleById(id: string): RuleDefinition {
  const rule = RULES_BY_ID.get(id);
  if (!rule) throw new Error(`rule "${id}" is not in the rule table`);
  return rule;
}

/** The rule as `profile` states it, or null when the profile does not hold it. */
export function profileRule(rule: RuleDefinition, profile: StandardsProfileId): ProfileRule | null {
  return rule.profiles[profile] ?? null;
}

/** Community types the rule applies to under a profile. */
export function typesOf(rule: RuleDefinition, profile: StandardsProfileId): readonly CommunityTypeId[] {
  return rule.profiles[profile]?.appliesTo ?? rule.appliesTo;
}

/**
 * A type's residents or households band under a profile (002's size rules, 003's new-community
 * households), or null where the profile's documents give the type none.
 */
export function sizeBandOf(
  profile: StandardsProfileId,
  type: CommunityTypeId,
  measure: 'residents' | 'households',
): SizeRange | null {
  for (const rule of rulesOfProfile(profile)) {
    if (rule.kind !== 'size-band' || rule.measure.of !== measure || !typesOf(rule, profile).includes(type))
      continue;
    const threshold = rule.profiles[profile]!.threshold;
    if (threshold.kind === 'range') return { min: threshold.min, max: threshold.max };
    if (threshold.kind === 'band-by-type') return threshold.bands[type] ?? null;
  }
  return null;
}

/**
 * The reach requirements a profile's rules ask under a tier table, and (with `withCategories`) one
 * per category of the table with a tier, for the coverage figures shown beside them: what to hand
 * core/accessibility's computeUnitReach for one (profile, tier table, speed).
 */
export function reachRequirementsOf(
  profile: StandardsProfileId,
  tiers: TierTable,
  options: { withCategories?: boolean } = {},
): ReachRequirement[] {
  const fromRules = rulesOfProfile(profile)
    .map((rule) => (rule.measure.of === 'reach' ? reachRequirementOf(rule.measure.reach, tiers) : null))
    .filter((requirement): requirement is ReachRequirement => requirement !== null);
  return uniqueRequirements(
    options.withCategories ? [...categoryRequirements(tiers), ...fromRules] : fromRules,
  );
}
