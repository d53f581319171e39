/**
 * The client's door to the shared standards in core/ (types and categories with their Chinese and
 * English names, the rule table, the documents and the profiles). Components import from here,
 * never from core/.
 */
export {
  COMMUNITY_TYPES,
  COMMUNITY_TYPE_IDS,
  URBAN_COMMUNITY_TYPES,
  isCommunityTypeId,
  type CommunityType,
  type CommunityTypeId,
} from '../../../core/standards/community-types';
export {
  FACILITY_CATEGORIES,
  FACILITY_CATEGORY_IDS,
  categoryName,
  isFacilityCategoryId,
  type FacilityCategory,
  type FacilityCategoryId,
} from '../../../core/standards/facility-categories';
export {
  APPLICATION_TARGETS,
  SEAT_KINDS,
  STATION_PROVENANCES,
  SURVEYED_FIGURE_LIMITS,
  type ApplicationTarget,
  type SeatKind,
  type StationProvenance,
  type SurveyedFigureName,
} from '../../../core/standards/community-figures';
export {
  summarizeResults,
  type ClassificationStatus,
  type RegionRuleResult,
  type ResultStatus,
  type RuleContribution,
  type RuleResult,
  type RuleStatus,
} from '../../../core/standards/rule-results';
export {
  RULES,
  ruleById,
  rulesOfProfile,
  type RuleDefinition,
  type RuleGrade,
  type RuleKind,
  type RuleScope,
  type RuleThreshold,
} from '../../../core/standards/rules';
export { SOURCE_DOCUMENTS, type DocumentId, type RuleSource } from '../../../core/standards/documents';
export { TOOL_DEFAULTS, TOOL_SETTING_NOTES, type ToolSettings } from '../../../core/standards/tool-defaults';
export {
  DEFAULT_STANDARDS_PROFILE,
  STANDARDS_PROFILES,
  STANDARDS_PROFILE_IDS,
  isStandardsProfileId,
  type StandardsProfileId,
} from '../../../core/standards/profiles';
export type { Bilingual } from '../../../core/text/bilingual';
