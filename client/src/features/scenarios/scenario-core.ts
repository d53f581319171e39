/**
 * The scenarios screen's door to core/: the same evaluator and edit engine the server runs, so every
 * number on screen while painting is what the server will compute on save.
 */
export {
  ScenarioEvaluator,
  type CommunityMetrics,
  type CommunityRecord,
  type JudgeContext,
  type ScenarioUnit,
  type UnitAdjacency,
} from '../../../../core/scenario/scenario-evaluator';
export {
  ScenarioDraft,
  applyDraftResult,
  type ResolvedGeometry,
  type ScenarioEdit,
  type CommunityChanges,
  type EditOutcome,
} from '../../../../core/scenario/scenario-draft';
export { sideOfLine, type LineSide } from '../../../../core/scenario/line-side';
export {
  DEFAULT_STANDARDS_PROFILE,
  RULES,
  STANDARDS_PROFILES,
  STANDARDS_PROFILE_IDS,
  isStandardsProfileId,
  type RuleDefinition,
  type RuleResult,
  type RuleStatus,
  type StandardsProfileId,
} from '../../lib/standards';
