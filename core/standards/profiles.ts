/**
 * Standards profiles (standards §7): the rule set a region is judged by. Each holds only its own
 * document's rules (rules.ts): `national` is GB 50180-2018's tiers with the national 30 m² per 100
 * households and 600 m²; each city profile follows its seed document.
 */

import type { DocumentId } from './documents.js';

export const STANDARDS_PROFILE_IDS = ['national', 'jishou', 'kaili', 'leshan', 'linjiang', 'qujing'] as const;
export type StandardsProfileId = (typeof STANDARDS_PROFILE_IDS)[number];

export interface StandardsProfile {
  id: StandardsProfileId;
  nameZh: string;
  nameEn: string;
  /** The documents the profile follows, in the order shown (SOURCE_DOCUMENTS holds their titles). */
  documents: readonly DocumentId[];
}

export const STANDARDS_PROFILES: Readonly<Record<StandardsProfileId, StandardsProfile>> = {
  national: {
    id: 'national',
    nameZh: '国家标准',
    nameEn: 'National standards',
    documents: ['GB 50180-2018', '国办发〔2021〕56号'],
  },
  jishou: { id: 'jishou', nameZh: '吉首市', nameEn: 'Jishou', documents: ['000'] },
  kaili: { id: 'kaili', nameZh: '凯里市', nameEn: 'Kaili', documents: ['001'] },
  leshan: { id: 'leshan', nameZh: '乐山市', nameEn: 'Leshan', documents: ['002'] },
  linjiang: { id: 'linjiang', nameZh: '临江市', nameEn: 'Linjiang', documents: ['003'] },
  qujing: { id: 'qujing', nameZh: '曲靖市', nameEn: 'Qujing', documents: ['004'] },
};

/** The profile a new region starts with until someone stores another (issue 10). */
export const DEFAULT_STANDARDS_PROFILE: StandardsProfileId = 'national';

export function isStandardsProfileId(value: unknown): value is StandardsProfileId {
  return typeof value === 'string' && (STANDARDS_PROFILE_IDS as readonly string[]).includes(value);
}
