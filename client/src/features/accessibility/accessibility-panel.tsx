/**
 * The accessibility panel (可达性分析): walking profile, isochrones from a clicked facility or point
 * with who lives in each band (network, service radius, or both compared), and coverage heat maps
 * with the uncovered units and each community's coverage of the chosen category.
 */
import type { RegionLayers } from '../../lib/api-types';
import { useI18n } from '../../lib/i18n';
import { Note } from '../../ui/note';
import { Panel } from '../../ui/panel';
import { SegmentedControl } from '../../ui/segmented-control';
import { CoverageSection } from './coverage-section';
import { IsochroneSection } from './isochrone-section';
import { ProfilePicker } from './profile-picker';
import type { AccessibilityState, AnalysisView } from './use-accessibility';
import './accessibility-panel.css';

export interface AccessibilityPanelProps {
  state: AccessibilityState;
  data: Partial<RegionLayers>;
  /** Frame a community on the map and select it (coverage table rows). */
  onShowCommunity: (communityId: string) => void;
  /** Frame a bbox `[west, south, east, north]` on the map. */
  onShowBbox: (bbox: [number, number, number, number]) => void;
}

export function AccessibilityPanel({ state, data, onShowCommunity, onShowBbox }: AccessibilityPanelProps) {
  const { t } = useI18n();
  return (
    <Panel
      name="accessibility-panel"
      testId="accessibility-panel"
      titleId="accessibility-panel-title"
      title={t('access.title')}
      titleHidden
    >
      <SegmentedControl<AnalysisView>
        testId="analysis-view"
        label={t('access.views')}
        value={state.view}
        options={[
          { value: 'isochrones', label: t('access.view.isochrones') },
          { value: 'coverage', label: t('access.view.coverage') },
        ]}
        onChange={state.setView}
        wide
      />
      {state.scenario && (
        <Note testId="analysed-scenario">
          {t('access.scenarioNote', { name: state.scenario.name, n: state.scenario.version })}
        </Note>
      )}
      <ProfilePicker state={state} />
      {state.view === 'isochrones' ? (
        <IsochroneSection state={state} data={data} onShowBbox={onShowBbox} />
      ) : (
        <CoverageSection state={state} data={data} onShowCommunity={onShowCommunity} />
      )}
    </Panel>
  );
}
