/**
 * The service-areas entry of the layers panel (设施服务范围): its switch, and while on the category
 * picker, whose facilities are shown, the legend of load classes, a table of facilities sortable by
 * load with each facility's figures on a click, and the downloads.
 */
import { useMemo, useState } from 'react';
import { useI18n } from '../../lib/i18n';
import { formatCount, formatNumber, formatShare } from '../../lib/format';
import {
  BEYOND_TIER_UNIT_FILL,
  SERVICE_AREA_LOAD_OUTLINES,
  SERVICE_AREA_PALETTE,
  cssColour,
} from '../../map/colours';
import { CategorySelect } from '../../ui/category-select';
import { DataTable } from '../../ui/data-table';
import { FormRow } from '../../ui/form-row';
import { LoadingLine } from '../../ui/loading-line';
import { Switch } from '../../ui/switch';
import { ExportLinks } from '../export/export-links';
import {
  DEFAULT_SORT,
  LOAD_CLASSES,
  loadClassCounts,
  nextSort,
  sortRows,
  type ServiceAreaRow,
  type SortKey,
} from './service-area-rows';
import { serviceAreasExportUrl } from './service-areas-api';
import { facilityFigureLines, type ServiceAreasState } from './use-service-areas';
import './service-areas-section.css';

const INPUT_ID = 'layer-toggle-service-areas';

export function ServiceAreasLayerRow({ state }: { state: ServiceAreasState }) {
  const { t } = useI18n();
  return (
    <li className={`layer-row${state.on ? ' is-on' : ''}`} data-testid="service-areas-layer">
      <div className="layer-head">
        <Switch id={INPUT_ID} checked={state.on} onChange={state.setOn} testId="service-areas-toggle" />
        <label htmlFor={INPUT_ID} className="layer-label">
          <span className="service-area-icon" aria-hidden="true" />
          <span className="layer-name">{t('serviceAreas.layer')}</span>
        </label>
      </div>
      {state.on && (
        <div className="layer-body">
          <ServiceAreasBody state={state} />
        </div>
      )}
    </li>
  );
}

function ServiceAreasBody({ state }: { state: ServiceAreasState }) {
  const { t } = useI18n();
  const { answer, params } = state;
  return (
    <div
      className="service-areas"
      data-testid="service-areas"
      data-scenario-id={params?.scenarioId ?? 'baseline'}
      data-version={params?.version ?? undefined}
      data-category={answer?.category}
    >
      <FormRow label={t('serviceAreas.category')}>
        <CategorySelect value={state.category} onChange={state.setCategory} testId="service-areas-category" />
      </FormRow>
      <p className="field-hint" data-testid="service-areas-of">
        {state.scenario
          ? t('serviceAreas.of.scenario', { name: state.scenario.name, version: state.scenario.version })
          : t('serviceAreas.of.baseline')}
      </p>
      {state.loading || (!answer && !state.error) ? (
        <LoadingLine>{t('serviceAreas.computing')}</LoadingLine>
      ) : answer && answer.category === state.category ? (
        <>
          <p className="field-hint">
            {answer.tierMinutes === null
              ? t('serviceAreas.hintNoTier')
              : t('serviceAreas.hint', { minutes: answer.tierMinutes })}
          </p>
          <LoadLegend />
          {answer.features.length === 0 ? (
            <p className="muted">{t('serviceAreas.none')}</p>
          ) : (
            <FacilityLoadTable state={state} />
          )}
          {answer.unserved.residents > 0 && (
            <p className="field-hint">
              {t('serviceAreas.unserved', { n: formatCount(answer.unserved.residents) ?? '0' })}
            </p>
          )}
          {params && (
            <ExportLinks
              testId="export-service-areas"
              label={t('serviceAreas.export')}
              hrefFor={(format) => serviceAreasExportUrl(params, format)}
            />
          )}
        </>
      ) : null}
    </div>
  );
}

function LoadLegend() {
  const { t } = useI18n();
  return (
    <ul className="service-area-legend" data-testid="service-areas-legend">
      {LOAD_CLASSES.map((loadClass) => {
        const outline = SERVICE_AREA_LOAD_OUTLINES[loadClass];
        return (
          <li key={loadClass}>
            <span
              className={`service-area-swatch is-${loadClass}`}
              style={{
                background: cssColour(SERVICE_AREA_PALETTE[0], 0.6),
                borderColor: cssColour([outline[0], outline[1], outline[2]]),
              }}
            />
            {t(`serviceAreas.loadClass.${loadClass}`)}
          </li>
        );
      })}
      <li>
        <span
          className="service-area-swatch"
          style={{
            background: cssColour(
              [BEYOND_TIER_UNIT_FILL[0], BEYOND_TIER_UNIT_FILL[1], BEYOND_TIER_UNIT_FILL[2]],
              BEYOND_TIER_UNIT_FILL[3] / 255,
            ),
          }}
        />
        {t('serviceAreas.beyondTierLegend')}
      </li>
    </ul>
  );
}

const COLUMNS: readonly { key: SortKey; numeric: boolean }[] = [
  { key: 'name', numeric: false },
  { key: 'demand', numeric: true },
  { key: 'capacity', numeric: true },
  { key: 'load', numeric: true },
];

function FacilityLoadTable({ state }: { state: ServiceAreasState }) {
  const { t, language } = useI18n();
  const [order, setOrder] = useState(DEFAULT_SORT);
  const [openId, setOpenId] = useState<string | null>(null);
  const sorted = useMemo(() => sortRows(state.rows, order), [state.rows, order]);
  const counts = loadClassCounts(state.rows);
  const answer = state.answer!;
  const openFeature = answer.features.find((feature) => feature.properties.facilityId === openId);
  return (
    <>
      <p className="service-area-summary" data-testid="service-areas-summary" data-over={counts.over}>
        {t('serviceAreas.summary', { over: counts.over, near: counts.near, unknown: counts.unknown })}
      </p>
      <DataTable className="service-area-table" testId="service-areas-table">
        <thead>
          <tr>
            {COLUMNS.map((column) => {
              const label = t(`serviceAreas.column.${column.key}`);
              const active = order.key === column.key;
              return (
                <th
                  key={column.key}
                  scope="col"
                  className={column.numeric ? 'num' : undefined}
                  aria-sort={active ? (order.descending ? 'descending' : 'ascending') : 'none'}
                >
                  <button
                    type="button"
                    className="sort-button"
                    title={t('serviceAreas.sortBy', { column: label })}
                    data-testid={`service-areas-sort-${column.key}`}
                    onClick={() => setOrder((current) => nextSort(current, column.key))}
                  >
                    {label}
                    {active ? (order.descending ? ' ▼' : ' ▲') : ''}
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <FacilityRow
              key={row.facilityId}
              row={row}
              open={row.facilityId === openId}
              onToggle={() => setOpenId((current) => (current === row.facilityId ? null : row.facilityId))}
            />
          ))}
        </tbody>
      </DataTable>
      {openFeature && (
        <div className="service-area-details" data-testid="service-area-details" data-facility-id={openId}>
          <h4 className="section-title">{openFeature.properties.name}</h4>
          <ul>
            {facilityFigureLines(openFeature.properties, answer, t, language).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

function FacilityRow({ row, open, onToggle }: { row: ServiceAreaRow; open: boolean; onToggle: () => void }) {
  return (
    <tr
      className={`service-area-row is-${row.loadClass}${open ? ' is-open' : ''}`}
      data-testid="service-area-row"
      data-facility-id={row.facilityId}
      data-load={row.load ?? ''}
      data-load-class={row.loadClass}
      onClick={onToggle}
    >
      <th scope="row" className="service-area-name" title={row.name}>
        {row.name}
      </th>
      <td className="num">{formatNumber(row.demand, 1)}</td>
      <td className="num">{formatCount(row.capacity) ?? '—'}</td>
      <td className="num service-area-load">{formatShare(row.load) ?? '—'}</td>
    </tr>
  );
}
