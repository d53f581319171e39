/**
 * Community types of standards §1, with their size bands.
 * Sources are the seed documents: 001 Kaili, 002 Leshan, 003 Linjiang.
 */

export const COMMUNITY_TYPE_IDS = ['urban', 'fringe', 'relocation', 'township', 'village', 'rural', 'new'] as const;
export type CommunityTypeId = (typeof COMMUNITY_TYPE_IDS)[number];

/** An inclusive range; `null` means no bound on that side. */
export interface SizeRange {
  min: number | null;
  max: number | null;
}

export interface CommunityType {
  id: CommunityTypeId;
  nameZh: string;
  nameEn: string;
  /** Residents band, or null where the type has no residents rule. */
  residents: SizeRange | null;
  /** Households band, or null where the type has no households rule. */
  households: SizeRange | null;
  /** Seed document ids the size rule comes from. */
  sources: string[];
}

export const COMMUNITY_TYPES: Record<CommunityTypeId, CommunityType> = {
  urban: {
    id: 'urban',
    nameZh: '传统城区社区',
    nameEn: 'Urban community',
    residents: { min: 4500, max: 12000 },
    households: { min: 1500, max: 3000 },
    sources: ['002'],
  },
  fringe: {
    id: 'fringe',
    nameZh: '城乡结合部新型社区',
    nameEn: 'Urban–rural fringe community',
    residents: { min: 3000, max: 6000 },
    households: { min: 1000, max: 2000 },
    sources: ['002'],
  },
  relocation: {
    id: 'relocation',
    nameZh: '易地扶贫搬迁安置社区',
    nameEn: 'Relocation-settlement community',
    residents: { min: 800, max: 2000 },
    households: null,
    sources: ['002'],
  },
  township: {
    id: 'township',
    nameZh: '集镇社区',
    nameEn: 'Township-seat community',
    residents: null,
    households: null,
    sources: ['002'],
  },
  village: {
    id: 'village',
    nameZh: '行政村',
    nameEn: 'Village',
    residents: null,
    households: null,
    sources: ['001', '002'],
  },
  // A village turned 农村社区 (000: Jishou's 7 rural applicants); 001 gives it the rural floor area.
  rural: {
    id: 'rural',
    nameZh: '农村社区',
    nameEn: 'Rural community',
    residents: null,
    households: null,
    sources: ['000', '001'],
  },
  new: {
    id: 'new',
    nameZh: '新成立社区',
    nameEn: 'Newly established community',
    residents: null,
    households: { min: 3000, max: 4000 },
    sources: ['003'],
  },
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
