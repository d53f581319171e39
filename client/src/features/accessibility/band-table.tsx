/** Who lives in each isochrone band (residents, households, elderly), with the cumulative total. */
import type { AccessMethod } from '../../lib/api-types';
import { formatCount, formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { cssColour } from '../../map/colours';
import { DataTable } from '../../ui/data-table';
import type { BandRow } from './band-rows';
import { EstimatedTag } from './estimated-tag';

export function BandTable({
  rows,
  method,
  estimated,
}: {
  rows: BandRow[];
  method: AccessMethod;
  estimated: boolean;
}) {
  const { t } = useI18n();
  const last = rows[rows.length - 1];
  return (
    <div className="band-table-wrap">
      <DataTable className="band-table" testId="isochrone-bands" data-method={method}>
        <thead>
          <tr>
            <th scope="col">{t('access.band')}</th>
            <th scope="col" className="num">
              {t('access.residents')}
              {estimated && <EstimatedTag />}
            </th>
            <th scope="col" className="num">
              {t('access.households')}
            </th>
            <th scope="col" className="num">
              {t('access.elderly')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.minutes}
              data-testid="isochrone-band"
              data-minutes={row.minutes}
              data-residents={row.residents}
              data-cumulative-residents={row.cumulativeResidents}
              data-method={method}
            >
              <th scope="row">
                <span className="band-swatch" style={{ background: cssColour(row.colour, 0.75) }} />
                {t('access.bandRange', {
                  from: formatNumber(row.fromMinutes, 1),
                  to: formatNumber(row.minutes, 1),
                })}
                {row.radiusMeters !== null && (
                  <span className="band-radius">≤ {formatCount(row.radiusMeters)} m</span>
                )}
              </th>
              <td className="num" data-testid="band-residents">
                {formatCount(row.residents)}
              </td>
              <td className="num">{formatCount(row.households)}</td>
              <td className="num">{formatCount(row.elderly)}</td>
            </tr>
          ))}
        </tbody>
        {rows.length > 1 && (
          <tfoot>
            <tr>
              <th scope="row">{t('access.total', { minutes: formatNumber(last.minutes, 1) })}</th>
              <td className="num" data-testid="band-total-residents">
                {formatCount(last.cumulativeResidents)}
              </td>
              <td className="num">{formatCount(last.cumulativeHouseholds)}</td>
              <td className="num">{formatCount(last.cumulativeElderly)}</td>
            </tr>
          </tfoot>
        )}
      </DataTable>
      <p className="source-note">{method === 'radius' ? t('access.radiusNote') : t('access.networkNote')}</p>
    </div>
  );
}
