/**
 * The open scenario's review: its state and last step (with a returned scenario's comment), and
 * the step the signed-in user may take — its editors submit it, leaders approve or return it.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { API } from '../../../../contract/index';
import { callOperation, type ApiResult } from '../../lib/api';
import type { ScenarioSummary } from '../../lib/api-types';
import { errorText } from '../../lib/error-text';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { queryKeys } from '../../lib/query-keys';
import { Badge, type BadgeTone } from '../../ui/badge';
import { Button } from '../../ui/button';
import { useSession } from '../session/use-session';

const STATE_TONES: Record<ScenarioSummary['reviewState'], BadgeTone> = {
  draft: 'not-applicable',
  submitted: 'advice',
  approved: 'pass',
  returned: 'outside',
};

export function ReviewBar({
  scenario,
  version,
  pending,
}: {
  scenario: ScenarioSummary;
  version: number;
  pending: number;
}) {
  const { t, language } = useI18n();
  const { can, mayEditScenario } = useSession();
  const queryClient = useQueryClient();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const state = scenario.reviewState;
  const step = scenario.lastReview;

  const take = async (call: () => Promise<ApiResult<unknown>>) => {
    setBusy(true);
    setRefusal(null);
    const answer = await call();
    setBusy(false);
    if (!answer.ok) return setRefusal(errorText(answer.error, language, (key) => t(key)));
    setReturning(false);
    setComment('');
    await queryClient.invalidateQueries({ queryKey: queryKeys.scenarios(scenario.regionId) });
  };
  const params = { id: scenario.id };
  const submit = () => take(() => callOperation(API.scenarios.submit, { params, body: { version } }));
  const decide = (decision: 'approve' | 'return') =>
    take(() => callOperation(API.scenarios.decide, { params, body: { version, decision, comment } }));

  const mayEdit = mayEditScenario(scenario.owner);
  return (
    <div className="review-bar" data-testid="review-bar" data-review-state={state}>
      <div className="review-bar-state">
        <Badge tone={STATE_TONES[state]} testId="review-state">
          {t(`review.state.${state}`)}
        </Badge>
        {step && (
          <span className="review-bar-step">
            {t(`review.step.${step.action}`, {
              by: step.by ?? '—',
              at: formatDateTime(step.at),
              version: step.version,
            })}
          </span>
        )}
      </div>
      {step?.comment && (
        <blockquote className="review-bar-comment" data-testid="review-comment">
          {step.comment}
        </blockquote>
      )}
      {state === 'submitted' && <p className="review-bar-note">{t('review.lockedSubmitted')}</p>}
      {state === 'approved' && <p className="review-bar-note">{t('review.lockedApproved')}</p>}
      {(state === 'draft' || state === 'returned') && mayEdit && (
        <Button
          variant="primary"
          disabled={busy || pending > 0}
          title={pending > 0 ? t('review.saveFirst') : undefined}
          onClick={() => void submit()}
          testId="review-submit"
        >
          {t('review.submit')}
        </Button>
      )}
      {state === 'submitted' && can('review-scenario') && !returning && (
        <div className="review-bar-actions">
          <Button
            variant="primary"
            disabled={busy}
            onClick={() => void decide('approve')}
            testId="review-approve"
          >
            {t('review.approve')}
          </Button>
          <Button variant="quiet" disabled={busy} onClick={() => setReturning(true)} testId="review-return">
            {t('review.return')}
          </Button>
        </div>
      )}
      {returning && (
        <form
          className="review-bar-return"
          onSubmit={(event) => {
            event.preventDefault();
            void decide('return');
          }}
        >
          <textarea
            required
            rows={3}
            placeholder={t('review.returnComment')}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            data-testid="review-return-comment"
          />
          <div className="review-bar-actions">
            <Button variant="quiet" onClick={() => setReturning(false)}>
              {t('review.cancel')}
            </Button>
            <Button
              type="submit"
              variant="danger"
              disabled={busy || !comment.trim()}
              testId="review-confirm-return"
            >
              {t('review.confirmReturn')}
            </Button>
          </div>
        </form>
      )}
      {refusal && (
        <p className="session-refusal" role="alert" data-testid="review-refusal">
          {refusal}
        </p>
      )}
    </div>
  );
}
