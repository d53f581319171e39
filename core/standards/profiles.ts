/**
 * Standards profiles (standards §6): the rule set a region is judged by. `national` is GB 50180-2018
 * with the national service-floor minimums; each city profile holds its own document's rules.
 */

export const STANDARDS_PROFILE_IDS = ['national', 'jishou', 'kaili', 'leshan', 'linjiang', 'qujing'] as const;
export type StandardsProfileId = (typeof STANDARDS_PROFILE_IDS)[number];

export interface StandardsProfile {
  id: StandardsProfileId;
  nameZh: string;
  nameEn: string;
  /** The document the profile follows: a seed id (../shared/seeds) or a national standard. */
  source: string;
}

export const STANDARDS_PROFILES: Record<StandardsProfileId, StandardsProfile> = {
  national: { id: 'national', nameZh: '国家标准', nameEn: 'National standard', source: 'GB 50180-2018' },
  jishou: { id: 'jishou', nameZh: '吉首市', nameEn: 'Jishou', source: '000' },
  kaili: { id: 'kaili', nameZh: '凯里市', nameEn: 'Kaili', source: '001' },
  leshan: { id: 'leshan', nameZh: '乐山市', nameEn: 'Leshan', source: '002' },
  linjiang: { id: 'linjiang', nameZh: '临江市', nameEn: 'Linjiang', source: '003' },
  qujing: { id: 'qujing', nameZh: '曲靖市', nameEn: 'Qujing', source: '004' },
};

/** The profile a region is judged by until the user picks another: Leshan's has the fullest rule set. */
export const DEFAULT_STANDARDS_PROFILE: StandardsProfileId = 'leshan';

export function isStandardsProfileId(value: unknown): value is StandardsProfileId {
  return typeof value === 'string' && (STANDARDS_PROFILE_IDS as readonly string[]).includes(value);
}
