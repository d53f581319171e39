/**
 * The comparison (对比): the open scenario's saved version against another scenario or the baseline —
 * a swipe on the map, the units that changed community (a difference layer and a list), and per
 * community the change in residents, households and area with the rules whose verdict moved.
 */
import { useMemo } from 'react';
import type { RegionLayers, ResultStatus } from '../../lib/api-types';
import { formatCount, formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { MOVED_UNIT_FILL, cssColour } from '../../map/colours';
import { DataTable } from '../../ui/data-table';
import { FormRow } from '../../ui/form-row';
import { Kpi } from '../../ui/kpi';
import { LoadingLine } from '../../ui/loading-line';
import { Note } from '../../ui/note';
import { Section } from '../../ui/section';
import { SegmentedControl } from '../../ui/segmented-control';
import { Switch } from '../../ui/switch';
import { DifferenceExport } from '../export/difference-export';
import { statusKey } from '../standards/rule-text';
import { comparisonSummary, deltaRows, movedUnitGroups } from './delta-rows';
import { RULES } from './scenario-core';
import type { CompareLayout } from './use-scenario-compare';
import type { ScenarioEditor } from './use-scenario-editor';
import './compare-panel.css';

const RULES_BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));
/** Moved units listed by name in each group before "and n more". */
const UNITS_SHOWN_PER_GROUP = 40;

function signedCount(value: number): string {
  const text = formatNumber(Math.abs(value));
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : '0';
}

function signedArea(value: number): string {
  const text = formatNumber(Math.abs(value), 3);
  return Math.abs(value) < 5e-4 ? '0' : value > 0 ? `+${text}` : `−${text}`;
}

export function ComparePanel({ editor, data }: { editor: ScenarioEditor; data: Partial<RegionLayers> }) {
  const { t, language } = useI18n();
  const { compare, session } = editor;
  const result = compare.result;
  const rows = useMemo(() => (result ? deltaRows(result) : []), [result]);
  const groups = useMemo(() => (result ? movedUnitGroups(result.movedUnits) : []), [result]);
  const summary = comparisonSummary(rows, result?.movedUnits.length ?? 0);
  const unitNames = useMemo(
    () => new Map((data.units?.features ?? []).map((unit) => [unit.properties.id, unit.properties.name])),
    [data.units],
  );
  const communityNames = useMemo(() => {
    const names = new Map<string, string>();
    for (const community of result?.communities ?? []) names.set(community.id, community.name);
    return names;
  }, [result]);
  const pending = session?.pendingEdits().length ?? 0;
  const statusText = (ruleId: string, status: ResultStatus | null) =>
    status ? t(statusKey({ status, kind: RULES_BY_ID.get(ruleId)?.kind ?? 'rule' })) : t('value.missing');
  const others = (editor.scenarios ?? []).filter((scenario) => scenario.id !== editor.openSummary?.id);

  return (
    <div className="compare-panel" data-testid="compare-panel" data-with={compare.withId}>
      <FormRow label={t('scenario.compare.with')}>
        <select
          className="select-input"
          value={compare.withId}
          onChange={(event) => compare.setWithId(event.target.value)}
          data-testid="compare-with"
        >
          <option value="baseline">{t('scenario.baseline')}</option>
          {others.map((scenario) => (
            <option key={scenario.id} value={scenario.id}>
              {scenario.name}
            </option>
          ))}
        </select>
      </FormRow>
      <FormRow label={t('scenario.compare.layout')}>
        <SegmentedControl<CompareLayout>
          testId="compare-layout"
          label={t('scenario.compare.layout')}
          value={compare.layout}
          options={[
            { value: 'swipe', label: t('scenario.compare.layout.swipe') },
            { value: 'side-by-side', label: t('scenario.compare.layout.sideBySide') },
          ]}
          onChange={compare.setLayout}
        />
      </FormRow>
      <p className="field-hint">
        {t(compare.layout === 'swipe' ? 'scenario.compare.swipeHint' : 'scenario.compare.sideBySideHint')}
      </p>
      {editor.openSummary && editor.judging && (
        <DifferenceExport
          scenarioId={editor.openSummary.id}
          withId={compare.withId}
          judging={editor.judging}
        />
      )}
      {pending > 0 && (
        <Note>{t('scenario.compare.savedOnly', { n: session?.saved.version ?? 1, pending })}</Note>
      )}
      {compare.pending || !result ? (
        <LoadingLine>{t('access.computing')}</LoadingLine>
      ) : (
        <>
          <div className="coverage-kpis compare-kpis">
            <Kpi
              label={t('scenario.compare.movedUnits')}
              value={formatCount(summary.movedUnits)}
              valueTestId="compare-moved-count"
              rawValue={summary.movedUnits}
            >
              <label className="kpi-toggle">
                <Switch checked={compare.showMoved} onChange={compare.setShowMoved} />
                <span
                  className="swatch swatch-area"
                  style={{
                    background: cssColour([MOVED_UNIT_FILL[0], MOVED_UNIT_FILL[1], MOVED_UNIT_FILL[2]]),
                  }}
                />
                {t('scenario.compare.showMoved')}
              </label>
            </Kpi>
            <Kpi label={t('scenario.compare.changedCommunities')} value={formatCount(summary.communities)}>
              <div className="rule-balance">
                <span className="delta-up" title={t('scenario.compare.rulesBetter')}>
                  ▲ {formatCount(summary.rulesBetter)}
                </span>
                <span className="delta-down" title={t('scenario.compare.rulesWorse')}>
                  ▼ {formatCount(summary.rulesWorse)}
                </span>
              </div>
            </Kpi>
          </div>

          <Section heading="h3" title={t('scenario.compare.deltas')}>
            {rows.length === 0 ? (
              <p className="muted" data-testid="compare-same">
                {t('scenario.compare.same')}
              </p>
            ) : (
              <DataTable className="delta-table" testId="delta-table">
                <thead>
                  <tr>
                    <th scope="col">{t('access.community')}</th>
                    <th scope="col" className="num">
                      {t('scenario.compare.residents')}
                    </th>
                    <th scope="col" className="num">
                      {t('scenario.compare.households')}
                    </th>
                    <th scope="col" className="num">
                      {t('scenario.compare.area')}
                    </th>
                  </tr>
                </thead>
                {rows.map((row) => (
                  <tbody
                    key={row.id}
                    data-testid="delta-row"
                    data-community-id={row.id}
                    data-delta-residents={row.residents.delta}
                    data-status={row.status}
                  >
                    <tr>
                      <th scope="row" className="delta-name">
                        {row.name}
                        {row.status !== 'changed' && (
                          <span className={`status-chip is-${row.status}`}>
                            {t(
                              row.status === 'created'
                                ? 'scenario.compare.created'
                                : 'scenario.compare.dissolved',
                            )}
                          </span>
                        )}
                      </th>
                      <td
                        className={`num ${row.residents.delta > 0 ? 'delta-plus' : row.residents.delta < 0 ? 'delta-minus' : ''}`}
                        title={`${formatCount(row.residents.with)} → ${formatCount(row.residents.scenario)}`}
                      >
                        {signedCount(row.residents.delta)}
                      </td>
                      <td
                        className="num"
                        title={`${formatCount(row.households.with)} → ${formatCount(row.households.scenario)}`}
                      >
                        {signedCount(row.households.delta)}
                      </td>
                      <td
                        className="num"
                        title={`${formatNumber(row.areaSquareKilometers.with, 3)} → ${formatNumber(row.areaSquareKilometers.scenario, 3)} km²`}
                      >
                        {signedArea(row.areaSquareKilometers.delta)}
                      </td>
                    </tr>
                    {row.ruleChanges.length > 0 && (
                      <tr className="rule-change-row">
                        <td colSpan={4}>
                          {row.ruleChanges.map((change) => (
                            <span
                              key={change.ruleId}
                              className={`rule-change is-${change.direction}`}
                              data-testid="rule-change"
                              data-rule-id={change.ruleId}
                            >
                              {RULES_BY_ID.get(change.ruleId)?.title[language] ?? change.ruleId}：
                              {statusText(change.ruleId, change.from)} →{' '}
                              {statusText(change.ruleId, change.to)}
                            </span>
                          ))}
                        </td>
                      </tr>
                    )}
                  </tbody>
                ))}
              </DataTable>
            )}
          </Section>

          {groups.length > 0 && (
            <Section
              heading="h3"
              title={t('scenario.compare.movedList')}
              count={formatCount(summary.movedUnits)}
            >
              {groups.map((group) => (
                <div key={`${group.from}>${group.to}`} className="moved-group" data-testid="moved-group">
                  <div className="moved-way">
                    {communityNames.get(group.from) ?? group.from} <span className="arrow">→</span>{' '}
                    {communityNames.get(group.to) ?? group.to}
                    <span className="section-count">{formatCount(group.unitIds.length)}</span>
                  </div>
                  <ul className="moved-units">
                    {group.unitIds.slice(0, UNITS_SHOWN_PER_GROUP).map((unitId) => (
                      <li key={unitId} data-testid="moved-unit" data-unit-id={unitId}>
                        {unitNames.get(unitId) ?? unitId}
                      </li>
                    ))}
                    {group.unitIds.length > UNITS_SHOWN_PER_GROUP && (
                      <li className="muted">
                        {t('scenario.compare.more', { n: group.unitIds.length - UNITS_SHOWN_PER_GROUP })}
                      </li>
                    )}
                  </ul>
                </div>
              ))}
            </Section>
          )}
        </>
      )}
    </div>
  );
}
