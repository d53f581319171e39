import { describe, expect, it } from 'vitest';
import { FACILITY_CATEGORY_IDS } from '../standards/facility-categories.js';
import { FACILITY_TAG_RULES, judgeFacility, poiTagLabel, schoolCategoryFromName } from './facility-tags.js';

const category = (tags: Record<string, string>) => {
  const verdict = judgeFacility(tags);
  return verdict?.kind === 'facility' ? verdict.category : (verdict?.kind ?? null);
};

describe('the OSM facility tag table', () => {
  it('maps the standard POI tags onto the facility categories', () => {
    expect(category({ amenity: 'kindergarten', name: '启蒙星幼儿园' })).toBe('kindergarten');
    expect(category({ amenity: 'kindergarten', name: '阳光托育中心' })).toBe('nursery');
    expect(category({ amenity: 'clinic', name: '花园社区卫生服务站' })).toBe('health_station');
    expect(category({ amenity: 'doctors' })).toBe('health_station');
    expect(category({ amenity: 'clinic', name: '东门街道社区卫生服务中心' })).toBe('health_centre');
    expect(category({ amenity: 'hospital', name: '贵溪市人民医院' })).toBe('health_centre');
    expect(category({ shop: 'supermarket', name: 'Sam‘s Club' })).toBe('supermarket');
    expect(category({ amenity: 'marketplace', name: '东门菜市场' })).toBe('fresh_market');
    expect(category({ leisure: 'park', name: '早闲公园' })).toBe('park');
    expect(category({ leisure: 'pitch' })).toBe('fitness_ground');
    expect(category({ leisure: 'fitness_station' })).toBe('fitness_ground');
    expect(category({ leisure: 'stadium' })).toBe('sports_ground');
    expect(category({ amenity: 'toilets' })).toBe('public_toilet');
    expect(category({ amenity: 'parking' })).toBe('parking');
    expect(category({ amenity: 'waste_transfer_station' })).toBe('refuse_station');
    expect(category({ amenity: 'community_centre', name: '文化活动中心' })).toBe('culture_centre');
    expect(category({ amenity: 'arts_centre' })).toBe('culture_centre');
  });

  it('tells elderly care from other social facilities, and community offices from government', () => {
    expect(
      category({ amenity: 'social_facility', social_facility: 'day_care', 'social_facility:for': 'senior' }),
    ).toBe('elderly_day_care');
    expect(category({ amenity: 'social_facility', name: '城北社区日间照料中心' })).toBe('elderly_day_care');
    expect(judgeFacility({ amenity: 'social_facility', 'social_facility:for': 'child' })).toEqual({
      kind: 'skipped',
      reason: 'amenity=social_facility: social facility not for the elderly',
    });
    expect(category({ office: 'government', name: '花园社区居委会' })).toBe('service_station');
    expect(category({ amenity: 'townhall', name: '柏里村村民委员会' })).toBe('service_station');
    expect(judgeFacility({ amenity: 'townhall', name: '贵溪市人民政府' })).toMatchObject({ kind: 'skipped' });
  });

  it('splits schools into primary and middle by name and leaves out the rest with a reason', () => {
    expect(schoolCategoryFromName({ name: '贵溪市第一小学' })).toEqual({
      kind: 'facility',
      category: 'primary_school',
    });
    expect(schoolCategoryFromName({ name: '贵溪五中' })).toEqual({
      kind: 'facility',
      category: 'middle_school',
    });
    expect(schoolCategoryFromName({ name: '贵溪市实验中学' })).toEqual({
      kind: 'facility',
      category: 'middle_school',
    });
    expect(schoolCategoryFromName({ name: '贵溪市第四初级中学（东校区）' })).toEqual({
      kind: 'facility',
      category: 'middle_school',
    });
    expect(schoolCategoryFromName({ name: '贵溪市第一高级中学' })).toMatchObject({ kind: 'skipped' });
    expect(schoolCategoryFromName({ name: '深圳信息职业技术学院' })).toMatchObject({ kind: 'skipped' });
    expect(schoolCategoryFromName({ name: '龙岗外国语学校' })).toEqual({
      kind: 'skipped',
      reason: 'school whose name says neither 小学 nor 中学 (level unknown)',
    });
    expect(schoolCategoryFromName({ name: 'Longgang School', 'name:en': 'Dayun Primary School' })).toEqual({
      kind: 'facility',
      category: 'primary_school',
    });
  });

  it('states why it leaves a known POI out, and calls unknown ones unmapped', () => {
    expect(judgeFacility({ shop: 'convenience' })).toEqual({
      kind: 'skipped',
      reason: 'shop=convenience: convenience store: smaller than a 综合超市',
    });
    expect(judgeFacility({ amenity: 'parking', access: 'private' })).toEqual({
      kind: 'skipped',
      reason: 'amenity=parking: parking with access=private',
    });
    expect(judgeFacility({ amenity: 'restaurant', name: 'A饭堂' })).toEqual({ kind: 'unmapped' });
    expect(judgeFacility({ office: 'company', name: '某公司' })).toEqual({ kind: 'unmapped' });
    expect(judgeFacility({ building: 'yes', name: '楼' })).toBeNull();
    expect(poiTagLabel({ name: 'x', amenity: 'restaurant' })).toBe('amenity=restaurant');
  });

  it('names only real facility categories', () => {
    for (const rule of FACILITY_TAG_RULES) {
      if (typeof rule.decide === 'string') expect(FACILITY_CATEGORY_IDS).toContain(rule.decide);
    }
  });
});
