/** The file's problems by row and field, errors first, in the interface's language. */
import { useI18n, type MessageKey } from '../../lib/i18n';
import type { ImportPreview, ImportProblem } from './import-types';

export function ProblemsTable({ preview }: { preview: ImportPreview }) {
  const { t } = useI18n();
  const errors = preview.problems.filter((problem) => problem.severity === 'error');
  const others = preview.problems.filter((problem) => problem.severity !== 'error');
  return (
    <>
      <h3 className="import-section">{t('import.problems')}</h3>
      {preview.problems.length === 0 ? (
        <p className="import-muted" data-testid="import-no-problems">
          {t('import.noProblems')}
        </p>
      ) : (
        <table className="import-table import-problems" data-testid="import-problems">
          <colgroup>
            <col className="import-problems-col-where" />
            <col className="import-problems-col-field" />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th>{t('import.where')}</th>
              <th>{t('import.field')}</th>
              <th>{t('import.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {[...errors, ...others].map((problem, index) => (
              <ProblemRow key={index} problem={problem} />
            ))}
          </tbody>
        </table>
      )}
      {preview.problemsLeftOut > 0 && (
        <p className="import-muted">{t('import.moreProblems', { n: preview.problemsLeftOut })}</p>
      )}
    </>
  );
}

/** One problem: where, which field (and column), what — in the interface's language. */
function ProblemRow({ problem }: { problem: ImportProblem }) {
  const { t, language } = useI18n();
  const zh = language === 'zh';
  const where = (zh ? problem.locationZh : null) ?? problem.location;
  const field = (zh ? problem.fieldZh : null) ?? problem.field;
  return (
    <tr className={`is-${problem.severity}`} data-testid="import-problem">
      <td>
        {where ?? '—'}
        {problem.featureId ? ` · ${problem.featureId}` : ''}
      </td>
      <td title={problem.field ?? undefined}>
        {field ?? '—'}
        {problem.column && problem.column !== field
          ? zh
            ? `（${problem.column}）`
            : ` (${problem.column})`
          : ''}
      </td>
      <td>
        <span className="import-severity">{t(`import.severity.${problem.severity}` as MessageKey)}</span>
        {/* Where and which field have columns of their own: the sentence without them. */}
        {zh ? problem.detailZh : problem.detail}
      </td>
    </tr>
  );
}
