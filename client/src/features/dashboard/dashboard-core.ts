/**
 * The dashboard's door to the shared standards in core/: rules with their sources and the profiles
 * a region is judged by (the same tables the server evaluates).
 */
export { RULES, rulesOfProfile, type RuleDefinition, type RuleThreshold } from '../../../../core/standards/rules';
export {
  DEFAULT_STANDARDS_PROFILE,
  STANDARDS_PROFILES,
  STANDARDS_PROFILE_IDS,
  isStandardsProfileId,
  type StandardsProfileId,
} from '../../../../core/standards/profiles';
