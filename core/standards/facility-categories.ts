/**
 * Facility categories (product spec "Facility", standards §4) and the life-circle tier each must be
 * reached within by default (GB 50180-2018). The tier table is data: users may edit it per project.
 */

export const FACILITY_CATEGORY_IDS = [
  'service_station',
  'kindergarten',
  'nursery',
  'primary_school',
  'middle_school',
  'health_station',
  'health_centre',
  'elderly_day_care',
  'supermarket',
  'fresh_market',
  'fitness_ground',
  'park',
  'refuse_station',
  'public_toilet',
  'parking',
  'culture_centre',
  'sports_ground',
] as const;
export type FacilityCategoryId = (typeof FACILITY_CATEGORY_IDS)[number];

/** Life-circle tiers in walking minutes (5/10/15-minute circles of GB 50180-2018). */
export const LIFE_CIRCLE_TIER_MINUTES = [5, 10, 15] as const;
export type LifeCircleTierMinutes = (typeof LIFE_CIRCLE_TIER_MINUTES)[number];

/** GB 50180-2018 walking distance of each tier, used for straight-line service radii. */
export const TIER_RADIUS_METERS: Record<LifeCircleTierMinutes, number> = { 5: 300, 10: 500, 15: 1000 };

export interface FacilityCategory {
  id: FacilityCategoryId;
  nameZh: string;
  nameEn: string;
  /** The tier a resident should reach this category within, or null where no tier applies. */
  tierMinutes: LifeCircleTierMinutes | null;
  /** Whether standards §4 asks every community to reach this category. */
  requiredForEveryCommunity: boolean;
}

export const FACILITY_CATEGORIES: Record<FacilityCategoryId, FacilityCategory> = {
  service_station: {
    id: 'service_station',
    nameZh: '社区综合服务站',
    nameEn: 'Community service station',
    tierMinutes: 5,
    requiredForEveryCommunity: true,
  },
  kindergarten: {
    id: 'kindergarten',
    nameZh: '幼儿园',
    nameEn: 'Kindergarten',
    tierMinutes: 5,
    requiredForEveryCommunity: true,
  },
  nursery: {
    id: 'nursery',
    nameZh: '托儿所',
    nameEn: 'Nursery',
    tierMinutes: 5,
    requiredForEveryCommunity: false,
  },
  primary_school: {
    id: 'primary_school',
    nameZh: '小学',
    nameEn: 'Primary school',
    tierMinutes: 10,
    requiredForEveryCommunity: true,
  },
  middle_school: {
    id: 'middle_school',
    nameZh: '初中',
    nameEn: 'Middle school',
    tierMinutes: 15,
    requiredForEveryCommunity: true,
  },
  health_station: {
    id: 'health_station',
    nameZh: '社区卫生服务站',
    nameEn: 'Health station',
    tierMinutes: 5,
    requiredForEveryCommunity: true,
  },
  health_centre: {
    id: 'health_centre',
    nameZh: '社区卫生服务中心',
    nameEn: 'Community health centre',
    tierMinutes: 15,
    requiredForEveryCommunity: true,
  },
  elderly_day_care: {
    id: 'elderly_day_care',
    nameZh: '老年人日间照料中心',
    nameEn: 'Elderly day care',
    tierMinutes: 5,
    requiredForEveryCommunity: true,
  },
  supermarket: {
    id: 'supermarket',
    nameZh: '综合超市',
    nameEn: 'Supermarket',
    tierMinutes: 10,
    requiredForEveryCommunity: true,
  },
  fresh_market: {
    id: 'fresh_market',
    nameZh: '菜市场',
    nameEn: 'Fresh market',
    tierMinutes: 10,
    requiredForEveryCommunity: false,
  },
  fitness_ground: {
    id: 'fitness_ground',
    nameZh: '健身场地',
    nameEn: 'Fitness ground',
    tierMinutes: 5,
    requiredForEveryCommunity: true,
  },
  park: {
    id: 'park',
    nameZh: '公园绿地/应急避难场所',
    nameEn: 'Park / emergency shelter',
    tierMinutes: 10,
    requiredForEveryCommunity: true,
  },
  refuse_station: {
    id: 'refuse_station',
    nameZh: '垃圾收集站',
    nameEn: 'Refuse collection station',
    tierMinutes: 5,
    requiredForEveryCommunity: false,
  },
  public_toilet: {
    id: 'public_toilet',
    nameZh: '公共厕所',
    nameEn: 'Public toilet',
    tierMinutes: 10,
    requiredForEveryCommunity: false,
  },
  parking: {
    id: 'parking',
    nameZh: '公共停车场',
    nameEn: 'Public parking',
    tierMinutes: null,
    requiredForEveryCommunity: false,
  },
  culture_centre: {
    id: 'culture_centre',
    nameZh: '文化活动中心',
    nameEn: 'Culture centre',
    tierMinutes: 15,
    requiredForEveryCommunity: false,
  },
  sports_ground: {
    id: 'sports_ground',
    nameZh: '大型体育场地',
    nameEn: 'Large sports ground',
    tierMinutes: 15,
    requiredForEveryCommunity: false,
  },
};

export function isFacilityCategoryId(value: unknown): value is FacilityCategoryId {
  return typeof value === 'string' && (FACILITY_CATEGORY_IDS as readonly string[]).includes(value);
}
