/** A tally of results by status: 合格 n · 不合格 n · 建议 n · 待定 n (only the non-zero ones, 不合格 always). */
import { useI18n } from '../../lib/i18n';
import type { StatusCounts } from './rule-text';
import './rules.css';

export function StatusTally({ counts, testId = 'status-tally' }: { counts: StatusCounts; testId?: string }) {
  const { t } = useI18n();
  return (
    <p
      className="status-tally"
      data-testid={testId}
      data-pass={counts.pass}
      data-fail={counts.fail}
      data-advice={counts.advice}
      data-undetermined={counts.undetermined}
      data-judged={counts.judged}
    >
      <span className="tally is-pass">{t('rule.summary.pass', { n: counts.pass })}</span>
      <span className="tally is-fail">{t('rule.summary.fail', { n: counts.fail })}</span>
      {counts.advice > 0 && (
        <span className="tally is-advice">{t('rule.summary.advice', { n: counts.advice })}</span>
      )}
      {counts.undetermined > 0 && (
        <span className="tally is-undetermined">
          {t('rule.summary.undetermined', { n: counts.undetermined })}
        </span>
      )}
    </p>
  );
}
