/**
 * 配建与步行可达: per item the profile asks for, whether the community has one inside and what share
 * of its residents walk to one within the tier, each with its rule's verdict; other categories with
 * a tier folded beneath, figures only.
 */
import { formatCount, formatShare } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { categoryName } from '../../lib/standards';
import { Badge } from '../../ui/badge';
import { DataTable } from '../../ui/data-table';
import { provisionReachTable, type ProvisionReachRow } from './provision-reach';
import { statusKey, statusTone, type RuleResultView } from './rule-text';
import './rules.css';

export function ProvisionReachTable({
  rules,
  facilityCountByCategory,
  reachShareByKey,
  tiers,
}: {
  rules: readonly RuleResultView[];
  facilityCountByCategory: Readonly<Record<string, number>> | null;
  reachShareByKey: Readonly<Record<string, number | null>>;
  tiers: Readonly<Record<string, number | null>>;
}) {
  const { t } = useI18n();
  const table = provisionReachTable(rules, facilityCountByCategory, reachShareByKey, tiers);
  return (
    <div className="provision-reach" data-testid="provision-reach">
      <p className="field-hint">{t('pr.hint')}</p>
      {table.required.length === 0 && <p className="muted">{t('pr.nothing')}</p>}
      {table.required.length > 0 && <Rows rows={table.required} />}
      {table.others.length > 0 && (
        <details className="rule-folded" open={table.required.length === 0}>
          <summary>{t('pr.others')}</summary>
          <Rows rows={table.others} />
        </details>
      )}
    </div>
  );
}

function Rows({ rows }: { rows: ProvisionReachRow<RuleResultView>[] }) {
  const { t } = useI18n();
  return (
    <DataTable className="provision-reach-table">
      <thead>
        <tr>
          <th scope="col">{t('pr.item')}</th>
          <th scope="col">{t('pr.provision')}</th>
          <th scope="col">{t('pr.reach')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <Row key={row.key} row={row} />
        ))}
      </tbody>
    </DataTable>
  );
}

function Row({ row }: { row: ProvisionReachRow<RuleResultView> }) {
  const { t, language } = useI18n();
  const names = (categories: readonly string[]) =>
    categories.map((category) => categoryName(category)[language]).join(t('pr.or'));
  const subject = row.subject;
  const name =
    subject.kind === 'circle'
      ? t('pr.circle', { n: subject.minutes })
      : subject.kind === 'fixed'
        ? t('pr.fixed', { name: names(subject.categories), n: subject.minutes })
        : names(subject.categories);
  return (
    <tr
      data-testid="provision-reach-row"
      data-key={row.key}
      data-count={row.count ?? ''}
      data-share={row.share ?? ''}
      data-provision={row.provision?.status ?? ''}
      data-reach={row.reach?.status ?? ''}
    >
      <th scope="row">{name}</th>
      <td>
        {row.count === null ? (
          subject.kind === 'circle' ? (
            ''
          ) : (
            t('value.missing')
          )
        ) : row.count > 0 ? (
          t('pr.count', { n: formatCount(row.count) ?? '' })
        ) : (
          <span className="muted">{t('pr.none')}</span>
        )}
        <Verdict result={row.provision} />
      </td>
      <td>
        {row.share === null ? t('value.missing') : formatShare(row.share)}
        {row.minutes.length > 0 && (
          <span className="pr-minutes"> · {t('pr.within', { minutes: row.minutes.join('/') })}</span>
        )}
        <Verdict result={row.reach} />
      </td>
    </tr>
  );
}

function Verdict({ result }: { result: RuleResultView | null }) {
  const { t } = useI18n();
  if (!result) return null;
  return (
    <Badge tone={statusTone(result.status)} className="pr-badge">
      {t(statusKey(result))}
    </Badge>
  );
}
