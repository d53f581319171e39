/**
 * Community types of standards §1. A type is only a name here: the size bands belong to the
 * documents that state them (002 for urban, fringe and relocation communities, 003 for new ones)
 * and live in the rule table (rules.ts), so a profile without such a rule has no band.
 */

export const COMMUNITY_TYPE_IDS = [
  'urban',
  'fringe',
  'relocation',
  'township',
  'village',
  'rural',
  'new',
] as const;
export type CommunityTypeId = (typeof COMMUNITY_TYPE_IDS)[number];

/**
 * The types that are urban communities (城市社区 / 城镇社区 of the seeds): every type but the
 * village and the rural community. Fringe, new, relocation and township-seat communities are urban
 * communities too (standards §5: the social-worker average counts them all).
 */
export const URBAN_COMMUNITY_TYPES: readonly CommunityTypeId[] = [
  'urban',
  'fringe',
  'relocation',
  'township',
  'new',
];

/** Every type that is a community (社区) rather than a village (行政村): the urban types and the rural community. */
export const COMMUNITY_NOT_VILLAGE_TYPES: readonly CommunityTypeId[] = [...URBAN_COMMUNITY_TYPES, 'rural'];

/** An inclusive range; `null` means no bound on that side. */
export interface SizeRange {
  min: number | null;
  max: number | null;
}

export interface CommunityType {
  id: CommunityTypeId;
  nameZh: string;
  nameEn: string;
}

export const COMMUNITY_TYPES: Readonly<Record<CommunityTypeId, CommunityType>> = {
  urban: { id: 'urban', nameZh: '传统城区社区', nameEn: 'Urban community' },
  fringe: { id: 'fringe', nameZh: '城乡结合部新型社区', nameEn: 'Urban–rural fringe community' },
  relocation: { id: 'relocation', nameZh: '易地扶贫搬迁安置社区', nameEn: 'Relocation-settlement community' },
  township: { id: 'township', nameZh: '集镇社区', nameEn: 'Township-seat community' },
  village: { id: 'village', nameZh: '行政村', nameEn: 'Village' },
  rural: { id: 'rural', nameZh: '农村社区', nameEn: 'Rural community' },
  new: { id: 'new', nameZh: '新成立社区', nameEn: 'Newly established community' },
};

export function isCommunityTypeId(value: unknown): value is CommunityTypeId {
  return typeof value === 'string' && (COMMUNITY_TYPE_IDS as readonly string[]).includes(value);
}

/** Signed distance of a figure from a band: 0 inside (or with no band), negative below, positive above. */
export function distanceFromBand(value: number, band: SizeRange | null): number {
  if (!band) return 0;
  if (band.min !== null && value < band.min) return value - band.min;
  if (band.max !== null && value > band.max) return value - band.max;
  return 0;
}
