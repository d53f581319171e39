/**
 * The coverage view: the heat map's subject (a category's walking time, or life-circle
 * completeness), the category's tier and the cell size; then the legend, the downloads and the
 * coverage figures of the subject.
 */
import type { RegionLayers } from '../../lib/api-types';
import { useI18n } from '../../lib/i18n';
import { FACILITY_CATEGORIES, FACILITY_CATEGORY_IDS, isFacilityCategoryId } from '../../lib/standards';
import { LabelledField } from '../../ui/labelled-field';
import { LoadingLine } from '../../ui/loading-line';
import { SegmentedControl } from '../../ui/segmented-control';
import { CoverageExports } from './analysis-exports';
import { CategoryCoverage } from './category-coverage';
import { CompletenessTable } from './completeness-table';
import { HeatmapLegend } from './heatmap-legend';
import { TierPicker } from './tier-picker';
import { tierOf } from './tiers';
import { HEATMAP_CELL_METERS, type AccessibilityState } from './use-accessibility';
import { gridCategories } from '../../map/heatmap-image';

export interface CoverageSectionProps {
  state: AccessibilityState;
  data: Partial<RegionLayers>;
  onShowCommunity: (communityId: string) => void;
}

export function CoverageSection({ state, data, onShowCommunity }: CoverageSectionProps) {
  const { t, localName } = useI18n();
  const { subject, heatmap, coverage } = state;
  const result = coverage.result;
  const categories = FACILITY_CATEGORY_IDS.filter((id) => tierOf(id, result) !== null);
  const category = subject && subject !== 'completeness' ? subject : null;

  return (
    <div className="access-section">
      <LabelledField label={t('access.subject')} htmlFor="heatmap-subject">
        <select
          id="heatmap-subject"
          className="select-input"
          data-testid="category-picker"
          value={subject ?? ''}
          onChange={(event) => {
            const value = event.target.value;
            state.setSubject(
              value === 'completeness' ? 'completeness' : isFacilityCategoryId(value) ? value : null,
            );
          }}
        >
          <option value="">{t('access.subjectPlaceholder')}</option>
          <option value="completeness">{t('access.subject.completeness')}</option>
          {categories.map((id) => (
            <option key={id} value={id}>
              {t('access.subjectOption', {
                name: localName(FACILITY_CATEGORIES[id]),
                minutes: tierOf(id, result) ?? '',
              })}
            </option>
          ))}
        </select>
      </LabelledField>
      {category && <TierPicker state={state} category={category} />}
      <LabelledField label={t('access.cellSize')}>
        <SegmentedControl
          testId="cell-size"
          label={t('access.cellSize')}
          value={state.cellMeters}
          options={HEATMAP_CELL_METERS.map((meters) => ({
            value: meters,
            label: t('access.cellMeters', { n: meters }),
          }))}
          onChange={state.setCellMeters}
        />
      </LabelledField>

      {!subject ? (
        <p className="hint">{t('access.heatmapHint')}</p>
      ) : (
        <>
          <HeatmapLegend
            subject={subject}
            grid={heatmap.grid}
            pending={heatmap.pending}
            tierMinutes={category ? tierOf(category, result) : null}
          />
          {coverage.pending && <LoadingLine>{t('access.computing')}</LoadingLine>}
          {state.regionId && !state.scenario && state.speedMetersPerSecond !== null && (
            <CoverageExports
              state={state}
              regionId={state.regionId}
              speedMetersPerSecond={state.speedMetersPerSecond}
            />
          )}
          {result && category && (
            <CategoryCoverage
              result={result}
              category={category}
              data={data}
              onShowCommunity={onShowCommunity}
              showUncovered={state.showUncovered}
              onShowUncovered={state.setShowUncovered}
            />
          )}
          {result && subject === 'completeness' && (
            <CompletenessTable
              result={result}
              categories={heatmap.grid ? gridCategories(heatmap.grid) : null}
              onPick={(id) => state.setSubject(id)}
            />
          )}
        </>
      )}
    </div>
  );
}
