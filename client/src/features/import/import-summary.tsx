/** What committing would do: features read, their states, the walking network made, the rows added, changed and removed. */
import { formatCount, formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { countStatuses } from './import-choices';
import type { ImportPreview } from './import-types';

export function ImportSummary({ preview }: { preview: ImportPreview }) {
  const { t } = useI18n();
  const statuses = countStatuses(preview.features?.features ?? []);
  const { changes } = preview;
  return (
    <>
      <h3 className="import-section">{t('import.summary')}</h3>
      <ul className="import-summary" data-testid="import-summary">
        <li data-testid="import-feature-count">
          {t('import.featureCount', { n: formatCount(preview.featureCount) ?? '' })}
        </li>
        {preview.network && <NetworkSummary network={preview.network} />}
        <li>
          {t('import.statuses', {
            ok: statuses.ok,
            repaired: statuses.repaired,
            warning: statuses.warning,
            error: statuses.error,
          })}
        </li>
        <li data-testid="import-changes">
          {t('import.changes', {
            added: formatCount(changes.added) ?? '',
            updated: formatCount(changes.updated) ?? '',
            removed: formatCount(changes.removed) ?? '',
            before: formatCount(changes.before) ?? '',
            after: formatCount(changes.after) ?? '',
          })}
        </li>
      </ul>
    </>
  );
}

/** The walking network a network import makes: its size, and whether it falls apart. */
function NetworkSummary({ network }: { network: NonNullable<ImportPreview['network']> }) {
  const { t } = useI18n();
  return (
    <>
      <li data-testid="import-network">
        {t('import.network', {
          edges: formatCount(network.edges) ?? '',
          nodes: formatCount(network.nodes) ?? '',
          km: formatNumber(network.lengthMeters / 1000, 1),
        })}
      </li>
      {network.components > 1 && (
        <li className="import-bad" data-testid="import-network-split">
          {t('import.network.split', {
            n: formatCount(network.components) ?? '',
            largest: formatCount(network.largestComponentNodes) ?? '',
          })}
        </li>
      )}
    </>
  );
}
