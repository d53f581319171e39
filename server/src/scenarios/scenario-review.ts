/**
 * A scenario's review (issue 12): its editors submit it at a version, a leader approves it (it is
 * then locked for good: a new draft can be based on it) or returns it with a comment (editable
 * again). While submitted it is locked too, so what the leader reads is what they decide on.
 */

import type { ReviewStep, ScenarioSummary } from '../../../core/scenario/scenario-summary.js';
import type { Database, Query } from '../db/client.js';
import * as sql from '../db/sql/scenarios.sql.js';
import { DomainError } from '../domain-error.js';

type ReviewState = ScenarioSummary['reviewState'];

const STATE_TEXT: Record<ReviewState, { en: string; zh: string }> = {
  draft: { en: 'a draft', zh: '是草稿' },
  submitted: { en: 'submitted for review', zh: '已提交审核' },
  approved: { en: 'approved', zh: '已批准' },
  returned: { en: 'returned to its editors', zh: '已退回修改' },
};

const STEP_TEXT: Record<ReviewStep['action'], { en: string; zh: string }> = {
  submit: { en: 'submitted', zh: '提交审核' },
  approve: { en: 'approved', zh: '批准' },
  return: { en: 'returned', zh: '退回' },
};

/** What a locked scenario answers to a save or a delete. */
export function lockedByReview(id: string, state: ReviewState, version: number): DomainError {
  const hint =
    state === 'approved'
      ? { en: 'create a new scenario based on it to change it', zh: '如需修改，请基于它新建方案' }
      : { en: 'wait for the decision, or ask a leader to return it', zh: '请等待审核结果，或请领导退回' };
  return new DomainError('scenario.locked-by-review', {
    id,
    state: STATE_TEXT[state].en,
    stateZh: STATE_TEXT[state].zh,
    version,
    hint: hint.en,
    hintZh: hint.zh,
  });
}

/** Whether a scenario in `state` may be saved or deleted. */
export function isLocked(state: ReviewState): boolean {
  return state === 'submitted' || state === 'approved';
}

/** Which states each step starts from, and where it leads. */
const STEPS: Record<ReviewStep['action'], { from: readonly ReviewState[]; to: ReviewState }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted'], to: 'returned' },
};

/**
 * Takes one review step on scenario `id` at `version` (its current one) as `username`; answers the
 * scenario as it then is. Refused when the scenario moved on or its state does not allow the step.
 */
export async function takeReviewStep(
  database: Database,
  id: string,
  step: { action: ReviewStep['action']; version: number; comment: string },
  username: string,
): Promise<ScenarioSummary> {
  return database.transaction(async (query: Query) => {
    const { rows } = await query<{ version: number; reviewState: ReviewState }>(sql.LOCK_SCENARIO, [id]);
    const head = rows[0];
    if (!head) throw new DomainError('scenario.not-found', { id });
    if (head.version !== step.version) {
      throw new DomainError(
        'scenario.stale-version',
        { currentVersion: head.version },
        { currentVersion: head.version },
      );
    }
    const { from, to } = STEPS[step.action];
    if (!from.includes(head.reviewState)) {
      throw new DomainError('scenario.review-step-refused', {
        id,
        state: STATE_TEXT[head.reviewState].en,
        stateZh: STATE_TEXT[head.reviewState].zh,
        step: STEP_TEXT[step.action].en,
        stepZh: STEP_TEXT[step.action].zh,
      });
    }
    await query(sql.SET_REVIEW_STATE, [id, to]);
    await query(sql.INSERT_REVIEW_STEP, [id, step.version, step.action, username, step.comment]);
    return (await query<ScenarioSummary>(sql.GET_SCENARIO_SUMMARY, [id])).rows[0];
  });
}
