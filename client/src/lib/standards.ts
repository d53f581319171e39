/**
 * The client's door to the shared standards in core/ (types and categories with their Chinese and
 * English names, the rule table and the profiles). Components import from here, never from core/.
 */
export {
  COMMUNITY_TYPES,
  COMMUNITY_TYPE_IDS,
  distanceFromBand,
  isCommunityTypeId,
  type CommunityType,
  type CommunityTypeId,
  type SizeRange,
} from '../../../core/standards/community-types';
export {
  FACILITY_CATEGORIES,
  FACILITY_CATEGORY_IDS,
  isFacilityCategoryId,
  type FacilityCategory,
  type FacilityCategoryId,
} from '../../../core/standards/facility-categories';
export type { RuleResult, RuleStatus } from '../../../core/standards/evaluate-rules';
export {
  RULES,
  ruleById,
  rulesOfProfile,
  type RuleDefinition,
  type RuleThreshold,
} from '../../../core/standards/rules';
export {
  DEFAULT_STANDARDS_PROFILE,
  STANDARDS_PROFILES,
  STANDARDS_PROFILE_IDS,
  isStandardsProfileId,
  type StandardsProfileId,
} from '../../../core/standards/profiles';
