/**
 * The client's door to the shared standards in core/ (types and categories with their
 * Chinese and English names). Components import from here, never from core/ directly.
 */
export {
  COMMUNITY_TYPES,
  COMMUNITY_TYPE_IDS,
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
