/**
 * The rule table as `GET /api/profiles` lists it: each profile with its documents (title, issuer,
 * year) and one row per rule as that profile's document states it, thresholds written out.
 */

import type { Bilingual } from '../text/bilingual.js';
import { COMMUNITY_TYPES, type CommunityTypeId } from './community-types.js';
import { SOURCE_DOCUMENTS, type RuleSource, type SourceDocument } from './documents.js';
import { formatNumber, formatShare, toolDefaultOf } from './evaluate-rules.js';
import { STANDARDS_PROFILE_IDS, STANDARDS_PROFILES, type StandardsProfileId } from './profiles.js';
import {
  rulesOfProfile,
  typesOf,
  type RuleDefinition,
  type RuleGrade,
  type RuleKind,
  type RuleScope,
  type RuleThreshold,
} from './rules.js';
import { TOOL_DEFAULTS, type ToolSettings } from './tool-defaults.js';

export interface ProfileRuleRow {
  ruleId: string;
  kind: RuleKind;
  scope: RuleScope;
  grade: RuleGrade;
  gradeWording: string;
  title: Bilingual;
  advice: Bilingual;
  unit: Bilingual;
  appliesTo: readonly CommunityTypeId[];
  newResidentialOnly: boolean;
  threshold: RuleThreshold;
  /** The threshold written out, with the tool defaults in force filled in. */
  thresholdText: Bilingual;
  toolDefault: boolean;
  toolDefaultNote: Bilingual | null;
  sources: readonly RuleSource[];
  note: Bilingual | null;
}

export interface ProfileCatalogue {
  id: StandardsProfileId;
  nameZh: string;
  nameEn: string;
  documents: SourceDocument[];
  rules: ProfileRuleRow[];
}

function thresholdText(rule: RuleDefinition, threshold: RuleThreshold, settings: ToolSettings): Bilingual {
  const share = rule.unit.en === '%';
  const show = (value: number) => (share ? formatShare(value) : formatNumber(value));
  const same = (text: string): Bilingual => ({ zh: text, en: text });
  switch (threshold.kind) {
    case 'min':
      return same(`≥ ${show(threshold.value)}`);
    case 'max':
      return same(`≤ ${show(threshold.value)}`);
    case 'range':
      return same(`${show(threshold.min)}–${show(threshold.max)}`);
    case 'min-by-residents': {
      const boundary = formatNumber(threshold.boundary);
      return {
        zh: `常住人口 < ${boundary}：≥ ${show(threshold.below)}；≥ ${boundary}：≥ ${show(threshold.atOrAbove)}`,
        en: `below ${boundary} residents ≥ ${show(threshold.below)}; from ${boundary} ≥ ${show(threshold.atOrAbove)}`,
      };
    }
    case 'band-by-type': {
      const bands = Object.entries(threshold.bands) as [CommunityTypeId, { min: number; max: number }][];
      return {
        zh: bands
          .map(([type, band]) => `${COMMUNITY_TYPES[type].nameZh} ${show(band.min)}–${show(band.max)}`)
          .join('；'),
        en: bands
          .map(([type, band]) => `${COMMUNITY_TYPES[type].nameEn} ${show(band.min)}–${show(band.max)}`)
          .join('; '),
      };
    }
    case 'min-by-provenance':
      return {
        zh: `新建 ≥ ${show(threshold.newBuild)}；改建扩建、购置、租用 ≥ ${show(threshold.otherwise)}`,
        en: `new build ≥ ${show(threshold.newBuild)}; rebuilt, bought or rented ≥ ${show(threshold.otherwise)}`,
      };
    case 'conversion':
      return {
        zh: `拆迁开发进度 > ${formatShare(threshold.progressAbove)} 或农业用地占比 < ${formatShare(threshold.farmlandBelow)}`,
        en: `development progress > ${formatShare(threshold.progressAbove)} or farmland share < ${formatShare(threshold.farmlandBelow)}`,
      };
    case 'max-by-seat':
      return {
        zh: `乡镇政府驻地 ≤ ${threshold.townshipSeat}；原乡镇政府驻地 ≤ ${threshold.formerTownshipSeat}；县级人民政府驻地不限`,
        en: `township seat ≤ ${threshold.townshipSeat}; former township seat ≤ ${threshold.formerTownshipSeat}; county seat no limit`,
      };
    case 'min-setting':
      return same(`≥ ${show(settings[threshold.setting])}`);
    case 'max-setting':
      return same(`≤ ${show(settings[threshold.setting])}${rule.unit.en === 'm' ? ' m' : ''}`);
  }
}

/** One profile with its documents and rules (table order); `settings` fills in the tool defaults shown. */
export function profileCatalogue(
  profile: StandardsProfileId,
  settings: ToolSettings = TOOL_DEFAULTS,
): ProfileCatalogue {
  const meta = STANDARDS_PROFILES[profile];
  return {
    id: profile,
    nameZh: meta.nameZh,
    nameEn: meta.nameEn,
    documents: meta.documents.map((id) => SOURCE_DOCUMENTS[id]),
    rules: rulesOfProfile(profile).map((rule) => {
      const entry = rule.profiles[profile]!;
      return {
        ruleId: rule.id,
        kind: rule.kind,
        scope: rule.scope,
        grade: entry.grade,
        gradeWording: entry.gradeWording,
        title: rule.title,
        advice: rule.advice,
        unit: rule.unit,
        appliesTo: typesOf(rule, profile),
        newResidentialOnly: rule.newResidentialOnly === true,
        threshold: entry.threshold,
        thresholdText: thresholdText(rule, entry.threshold, settings),
        ...toolDefaultOf(rule, entry),
        sources: entry.sources,
        note: entry.note ?? null,
      };
    }),
  };
}

/** Every profile's catalogue, in STANDARDS_PROFILE_IDS order. */
export function profileCatalogues(settings: ToolSettings = TOOL_DEFAULTS): ProfileCatalogue[] {
  return STANDARDS_PROFILE_IDS.map((profile) => profileCatalogue(profile, settings));
}
