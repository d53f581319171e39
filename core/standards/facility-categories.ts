/**
 * Facility categories (product spec "Facility", standards §4) and the life-circle tier each is
 * reached within by default. The tier table is data the user edits; this file only gives its
 * default and says, per category, whether that default is GB 50180-2018's (附录B, the facilities of
 * each circle) or this tool's own choice.
 */

import type { Bilingual } from '../text/bilingual.js';

export const FACILITY_CATEGORY_IDS = [
  'service_station',
  'kindergarten',
  'nursery',
  'primary_school',
  'middle_school',
  'health_station',
  'health_centre',
  'elderly_day_care',
  'elderly_care_complex',
  'supermarket',
  'fresh_market',
  'fitness_ground',
  'park',
  'refuse_station',
  'public_toilet',
  'parking',
  'culture_centre',
  'sports_ground',
  'workers_rest_station',
] as const;
export type FacilityCategoryId = (typeof FACILITY_CATEGORY_IDS)[number];

/** Life-circle tiers in walking minutes (5/10/15-minute circles of GB 50180-2018 表3.0.4). */
export const LIFE_CIRCLE_TIER_MINUTES = [5, 10, 15] as const;
export type LifeCircleTierMinutes = (typeof LIFE_CIRCLE_TIER_MINUTES)[number];

/**
 * GB 50180-2018 表3.0.4 walking distance of each tier, for straight-line service radii. The 15-minute
 * circle is "800～1 000 m": the radius takes its upper end, 1 000 m.
 */
export const TIER_RADIUS_METERS: Record<LifeCircleTierMinutes, number> = { 5: 300, 10: 500, 15: 1000 };

/** Where a category's default tier comes from. */
export type TierBasis = 'GB 50180-2018' | 'tool-default';

export interface FacilityCategory {
  id: FacilityCategoryId;
  nameZh: string;
  nameEn: string;
  /** The default tier a resident should reach this category within, or null where no tier applies. */
  tierMinutes: LifeCircleTierMinutes | null;
  /** Whether the default tier is GB 50180-2018's or this tool's own choice (null tier: no basis needed). */
  tierBasis: TierBasis | null;
  /**
   * Whether the category belongs to the tool's set of everyday facilities every community should
   * reach (GB 50180-2018's residential facilities of the 5-, 10- and 15-minute circles): the set the
   * national profile's reach rules and the 15-minute-circle completeness use. The set is a tool default.
   */
  requiredForEveryCommunity: boolean;
}

export const FACILITY_CATEGORIES: Readonly<Record<FacilityCategoryId, FacilityCategory>> = {
  service_station: {
    id: 'service_station',
    nameZh: '社区综合服务站',
    nameEn: 'Community service station',
    tierMinutes: 5,
    tierBasis: 'GB 50180-2018',
    requiredForEveryCommunity: true,
  },
  kindergarten: {
    id: 'kindergarten',
    nameZh: '幼儿园',
    nameEn: 'Kindergarten',
    tierMinutes: 5,
    tierBasis: 'GB 50180-2018',
    requiredForEveryCommunity: true,
  },
  nursery: {
    id: 'nursery',
    nameZh: '托儿所',
    nameEn: 'Nursery',
    tierMinutes: 5,
    tierBasis: 'GB 50180-2018',
    requiredForEveryCommunity: false,
  },
  primary_school: {
    id: 'primary_school',
    nameZh: '小学',
    nameEn: 'Primary school',
    tierMinutes: 10,
    tierBasis: 'GB 50180-2018',
    requiredForEveryCommunity: true,
  },
  middle_school: {
    id: 'middle_school',
    nameZh: '初中',
    nameEn: 'Middle school',
    tierMinutes: 15,
    tierBasis: 'GB 50180-2018',
    requiredForEveryCommunity: true,
  },
  health_station: {
    id: 'health_station',
    nameZh: '社区卫生服务站',
    nameEn: 'Health station',
    tierMinutes: 5,
    tierBasis: 'GB 50180-2018',
    requiredForEveryCommunity: true,
  },
  health_centre: {
    id: 'health_centre',
    nameZh: '社区卫生服务中心',
    nameEn: 'Community health centre',
    tierMinutes: 15,
    tierBasis: 'GB 50180-2018',
    requiredForEveryCommunity: true,
  },
  elderly_day_care: {
    id: 'elderly_day_care',
    nameZh: '老年人日间照料中心',
    nameEn: 'Elderly day care',
    tierMinutes: 5,
    tierBasis: 'GB 50180-2018',
    requiredForEveryCommunity: true,
  },
  // 002 专栏1 / 三、（一）3: one per street; judged per street, not walked to.
  elderly_care_complex: {
    id: 'elderly_care_complex',
    nameZh: '社区养老服务综合体',
    nameEn: 'Community elderly-care complex',
    tierMinutes: null,
    tierBasis: null,
    requiredForEveryCommunity: false,
  },
  // GB 50180 puts 菜市场或生鲜超市 in the 10-minute circle and small shops in the 5-minute one; where a
  // 综合超市 (002's word) sits between them is the tool's choice.
  supermarket: {
    id: 'supermarket',
    nameZh: '综合超市',
    nameEn: 'Supermarket',
    tierMinutes: 10,
    tierBasis: 'tool-default',
    requiredForEveryCommunity: true,
  },
  fresh_market: {
    id: 'fresh_market',
    nameZh: '菜市场',
    nameEn: 'Fresh market',
    tierMinutes: 10,
    tierBasis: 'GB 50180-2018',
    requiredForEveryCommunity: false,
  },
  fitness_ground: {
    id: 'fitness_ground',
    nameZh: '公共活动场地（健身场地）',
    nameEn: 'Public activity / fitness ground',
    tierMinutes: 5,
    tierBasis: 'GB 50180-2018',
    requiredForEveryCommunity: true,
  },
  park: {
    id: 'park',
    nameZh: '公园绿地/应急避难场所',
    nameEn: 'Park / emergency shelter',
    tierMinutes: 10,
    tierBasis: 'GB 50180-2018',
    requiredForEveryCommunity: true,
  },
  refuse_station: {
    id: 'refuse_station',
    nameZh: '垃圾收集站',
    nameEn: 'Refuse collection station',
    tierMinutes: 5,
    tierBasis: 'GB 50180-2018',
    requiredForEveryCommunity: false,
  },
  public_toilet: {
    id: 'public_toilet',
    nameZh: '公共厕所',
    nameEn: 'Public toilet',
    tierMinutes: 10,
    tierBasis: 'tool-default',
    requiredForEveryCommunity: false,
  },
  parking: {
    id: 'parking',
    nameZh: '公共停车场',
    nameEn: 'Public parking',
    tierMinutes: null,
    tierBasis: null,
    requiredForEveryCommunity: false,
  },
  culture_centre: {
    id: 'culture_centre',
    nameZh: '文化活动中心',
    nameEn: 'Culture centre',
    tierMinutes: 15,
    tierBasis: 'GB 50180-2018',
    requiredForEveryCommunity: false,
  },
  sports_ground: {
    id: 'sports_ground',
    nameZh: '大型体育场地',
    nameEn: 'Large sports ground',
    tierMinutes: 15,
    tierBasis: 'GB 50180-2018',
    requiredForEveryCommunity: false,
  },
  // 002 专栏1: one per urban community; judged by provision.
  workers_rest_station: {
    id: 'workers_rest_station',
    nameZh: '户外劳动者休息驿站',
    nameEn: 'Outdoor workers’ rest station',
    tierMinutes: null,
    tierBasis: null,
    requiredForEveryCommunity: false,
  },
};

export function isFacilityCategoryId(value: unknown): value is FacilityCategoryId {
  return typeof value === 'string' && (FACILITY_CATEGORY_IDS as readonly string[]).includes(value);
}

/** A category's name in both languages (an unknown category shows its id). */
export function categoryName(category: string): Bilingual {
  return isFacilityCategoryId(category)
    ? { zh: FACILITY_CATEGORIES[category].nameZh, en: FACILITY_CATEGORIES[category].nameEn }
    : { zh: category, en: category };
}
