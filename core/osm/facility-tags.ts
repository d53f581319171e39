/**
 * THE table from OSM POI tags to the facility categories of standards §4
 * (core/standards/facility-categories.ts). A POI's tags are tried against the rules in order; the
 * first rule whose key and value match decides: a category, or a stated reason to leave the POI out.
 * POIs no rule matches are "unmapped" and counted by tag in the import report, never dropped silently.
 */
import type { OsmTags } from '../formats/osm-xml.js';
import type { FacilityCategoryId } from '../standards/facility-categories.js';

/** Keys that make an element a point of interest worth judging. */
export const POI_KEYS = [
  'amenity',
  'shop',
  'leisure',
  'office',
  'healthcare',
  'social_facility',
  'tourism',
  'craft',
  'club',
  'emergency',
] as const;

export type FacilityVerdict =
  | { kind: 'facility'; category: FacilityCategoryId }
  | { kind: 'skipped'; reason: string }
  | { kind: 'unmapped' };

interface FacilityTagRule {
  key: string;
  /** Values of `key` the rule applies to; `*` for any value. */
  values: readonly string[];
  /** What a match means; a function where the name decides (schools, offices). */
  decide: FacilityCategoryId | { skip: string } | ((tags: OsmTags) => FacilityVerdict | null);
  /** Why, for readers of the table. */
  note?: string;
}

const COMMUNITY_OFFICE_NAME = /社区|居委会|居民委员会|村委会|村民委员会|党群服务/;
const ELDERLY_NAME = /老年|养老|敬老|日间照料|颐养|长者/;
const HEALTH_CENTRE_NAME = /卫生服务中心|卫生院|医院/;

/**
 * A school's level from its name: 小学 → primary, 初中/中学/"五中" → middle, 高中 → not a
 * community facility, 大学/学院 → not a community facility; otherwise from `name:en`, else unknown.
 */
export function schoolCategoryFromName(tags: OsmTags): FacilityVerdict {
  const name = (tags.name ?? '').replace(/[（(][^）)]*[）)]/g, '');
  if (/幼儿园/.test(name)) return { kind: 'facility', category: 'kindergarten' };
  if (/小学/.test(name)) return { kind: 'facility', category: 'primary_school' };
  if (/高级中学|高中/.test(name))
    return { kind: 'skipped', reason: 'senior high school (高中): not a community facility' };
  if (/初级中学|初中|中学|[一二三四五六七八九十\d]中$|[一二三四五六七八九十\d]中[^心学]/.test(name)) {
    return { kind: 'facility', category: 'middle_school' };
  }
  if (/(大学|学院|职业技术|职业学校|技工|中专|体育运动学校)$/.test(name)) {
    return { kind: 'skipped', reason: 'university, college or vocational school: not a community facility' };
  }
  const english = tags['name:en'] ?? '';
  if (/primary/i.test(english)) return { kind: 'facility', category: 'primary_school' };
  if (/middle|junior high/i.test(english)) return { kind: 'facility', category: 'middle_school' };
  // "… School of … Normal University" is a school attached to a university, not a university.
  if (!/\bschool\b/i.test(english) && /university|college|institute/i.test(english)) {
    return { kind: 'skipped', reason: 'university, college or vocational school: not a community facility' };
  }
  return { kind: 'skipped', reason: 'school whose name says neither 小学 nor 中学 (level unknown)' };
}

export const FACILITY_TAG_RULES: readonly FacilityTagRule[] = [
  {
    key: 'amenity',
    values: ['kindergarten'],
    decide: (tags) => ({
      kind: 'facility',
      category: /托儿所|托育|早教/.test(tags.name ?? '') ? 'nursery' : 'kindergarten',
    }),
  },
  { key: 'amenity', values: ['childcare'], decide: 'nursery' },
  {
    key: 'amenity',
    values: ['school'],
    decide: schoolCategoryFromName,
    note: 'split into primary/middle by name',
  },
  {
    key: 'amenity',
    values: ['university', 'college'],
    decide: { skip: 'university or college: not a community facility' },
  },
  {
    key: 'amenity',
    values: ['clinic', 'doctors'],
    decide: (tags) => ({
      kind: 'facility',
      category: HEALTH_CENTRE_NAME.test(tags.name ?? '') ? 'health_centre' : 'health_station',
    }),
    note: '社区卫生服务站/诊所 → station; 卫生服务中心/卫生院 → centre',
  },
  {
    key: 'amenity',
    values: ['hospital'],
    decide: 'health_centre',
    note: 'the nearest §4 category: hospitals serve the 15-minute circle too',
  },
  {
    key: 'healthcare',
    values: ['clinic', 'doctor', 'centre'],
    decide: (tags) => ({
      kind: 'facility',
      category: HEALTH_CENTRE_NAME.test(tags.name ?? '') ? 'health_centre' : 'health_station',
    }),
  },
  { key: 'healthcare', values: ['hospital'], decide: 'health_centre' },
  { key: 'amenity', values: ['pharmacy'], decide: { skip: 'pharmacy: a shop, not a health station' } },
  {
    key: 'amenity',
    values: ['social_facility'],
    decide: (tags) => {
      const forWhom = tags['social_facility:for'] ?? '';
      if (/senior|elderly/.test(forWhom) || ELDERLY_NAME.test(tags.name ?? ''))
        return { kind: 'facility', category: 'elderly_day_care' };
      return { kind: 'skipped', reason: 'social facility not for the elderly' };
    },
  },
  { key: 'amenity', values: ['nursing_home'], decide: 'elderly_day_care' },
  {
    key: 'social_facility',
    values: ['nursing_home', 'assisted_living', 'day_care'],
    decide: (tags) =>
      ELDERLY_NAME.test(tags.name ?? '') || /senior|elderly/.test(tags['social_facility:for'] ?? '')
        ? { kind: 'facility', category: 'elderly_day_care' }
        : null,
  },
  {
    key: 'amenity',
    values: ['community_centre', 'townhall'],
    decide: (tags) => {
      if (COMMUNITY_OFFICE_NAME.test(tags.name ?? ''))
        return { kind: 'facility', category: 'service_station' };
      if (ELDERLY_NAME.test(tags.name ?? '')) return { kind: 'facility', category: 'elderly_day_care' };
      if (tags.amenity === 'community_centre') return { kind: 'facility', category: 'culture_centre' };
      return {
        kind: 'skipped',
        reason: 'government office (人民政府/街道办事处), not a community service station',
      };
    },
    note: 'offices named 社区/居委会/村委会 are community service stations',
  },
  {
    key: 'office',
    values: ['*'],
    decide: (tags) =>
      COMMUNITY_OFFICE_NAME.test(tags.name ?? '') ? { kind: 'facility', category: 'service_station' } : null,
  },
  { key: 'shop', values: ['supermarket'], decide: 'supermarket' },
  { key: 'shop', values: ['convenience'], decide: { skip: 'convenience store: smaller than a 综合超市' } },
  { key: 'amenity', values: ['marketplace'], decide: 'fresh_market' },
  {
    key: 'shop',
    values: ['greengrocer'],
    decide: (tags) =>
      /菜市场|农贸/.test(tags.name ?? '') ? { kind: 'facility', category: 'fresh_market' } : null,
  },
  { key: 'leisure', values: ['park'], decide: 'park' },
  {
    key: 'leisure',
    values: ['fitness_station', 'pitch', 'playground', 'track'],
    decide: 'fitness_ground',
    note: 'public activity grounds with equipment',
  },
  {
    key: 'leisure',
    values: ['fitness_centre'],
    decide: { skip: 'a (usually commercial) gym, not a public fitness ground' },
  },
  { key: 'leisure', values: ['sports_centre', 'stadium'], decide: 'sports_ground' },
  { key: 'leisure', values: ['garden'], decide: { skip: 'garden (mostly decorative or private grounds)' } },
  { key: 'amenity', values: ['toilets'], decide: 'public_toilet' },
  { key: 'amenity', values: ['waste_transfer_station'], decide: 'refuse_station' },
  {
    key: 'amenity',
    values: ['recycling'],
    decide: (tags) =>
      tags.recycling_type === 'centre'
        ? { kind: 'facility', category: 'refuse_station' }
        : { kind: 'skipped', reason: 'recycling container' },
  },
  { key: 'amenity', values: ['waste_basket', 'waste_disposal'], decide: { skip: 'litter bin or container' } },
  {
    key: 'amenity',
    values: ['parking'],
    decide: (tags) =>
      tags.access === 'private' || tags.access === 'no' || tags.access === 'customers'
        ? { kind: 'skipped', reason: `parking with access=${tags.access}` }
        : { kind: 'facility', category: 'parking' },
  },
  { key: 'amenity', values: ['library', 'arts_centre', 'cultural_centre'], decide: 'culture_centre' },
];

/** Judges an element's tags: a facility category, a stated skip, unmapped, or null when it is no POI at all. */
export function judgeFacility(tags: OsmTags): FacilityVerdict | null {
  if (!POI_KEYS.some((key) => tags[key] !== undefined)) return null;
  for (const rule of FACILITY_TAG_RULES) {
    const value = tags[rule.key];
    if (value === undefined || !(rule.values.includes('*') || rule.values.includes(value))) continue;
    if (typeof rule.decide === 'string') return { kind: 'facility', category: rule.decide };
    if (typeof rule.decide === 'function') {
      const verdict = rule.decide(tags);
      if (verdict === null) continue;
      return verdict.kind === 'skipped'
        ? { kind: 'skipped', reason: `${rule.key}=${value}: ${verdict.reason}` }
        : verdict;
    }
    return { kind: 'skipped', reason: `${rule.key}=${value}: ${rule.decide.skip}` };
  }
  return { kind: 'unmapped' };
}

/** The tag an unmapped POI is counted under in the report: its first POI key and value, e.g. `amenity=police`. */
export function poiTagLabel(tags: OsmTags): string {
  const key = POI_KEYS.find((candidate) => tags[candidate] !== undefined);
  return key === undefined ? '(no POI tag)' : `${key}=${tags[key]}`;
}
