/**
 * Network isochrones against service radii, minutes by minutes: residents reached each way and how
 * much the straight line overstates, with a sentence on the largest band.
 */
import { formatCount, formatNumber, formatShare } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { cssColour } from '../../map/colours';
import { DataTable } from '../../ui/data-table';
import { Note } from '../../ui/note';
import { comparisonRows, type BandRow } from './band-rows';
import { EstimatedTag } from './estimated-tag';

export function ComparisonTable({
  network,
  radius,
  estimated,
}: {
  network: BandRow[];
  radius: BandRow[];
  estimated: boolean;
}) {
  const { t } = useI18n();
  const rows = comparisonRows(network, radius);
  const last = rows[rows.length - 1];
  const extra = last ? last.radiusResidents - last.networkResidents : 0;
  return (
    <div className="band-table-wrap">
      <DataTable className="band-table" testId="isochrone-compare">
        <thead>
          <tr>
            <th scope="col">{t('access.compare.within')}</th>
            <th scope="col" className="num">
              {t('access.compare.network')}
              {estimated && <EstimatedTag />}
            </th>
            <th scope="col" className="num">
              <span className="dash-swatch" aria-hidden="true" />
              {t('access.compare.radius')}
            </th>
            <th scope="col" className="num">
              {t('access.compare.overstated')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.minutes}
              data-testid="isochrone-compare-row"
              data-minutes={row.minutes}
              data-network-residents={row.networkResidents}
              data-radius-residents={row.radiusResidents}
            >
              <th scope="row">
                <span className="band-swatch" style={{ background: cssColour(row.colour, 0.75) }} />
                {formatNumber(row.minutes, 1)}
                {row.radiusMeters !== null && (
                  <span className="band-radius">{formatCount(row.radiusMeters)} m</span>
                )}
              </th>
              <td className="num">{formatCount(row.networkResidents)}</td>
              <td className="num">{formatCount(row.radiusResidents)}</td>
              <td
                className={`num${row.overstatementShare !== null && row.overstatementShare > 0 ? ' overstated' : ''}`}
              >
                {row.overstatementShare === null
                  ? t('value.missing')
                  : `${row.overstatementShare > 0 ? '+' : ''}${formatShare(row.overstatementShare)}`}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <Note testId="compare-note">
        {last && extra > 0
          ? t('access.compare.note', {
              minutes: formatNumber(last.minutes, 1),
              extra: formatCount(extra) ?? '',
              share: `+${formatShare(last.overstatementShare) ?? ''}`,
            })
          : t('access.compare.noteSame')}
      </Note>
    </div>
  );
}
