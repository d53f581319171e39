/**
 * The scenarios tab (方案) of the left panel: the region's scenarios (scenario-list.tsx) or, once
 * one is open, its editing and comparison (open-scenario.tsx).
 */
import type { RegionLayers } from '../../lib/api-types';
import { useI18n } from '../../lib/i18n';
import { Panel } from '../../ui/panel';
import { PartitionPanel } from '../partition/partition-panel';
import { OpenScenario } from './open-scenario';
import { ScenarioList } from './scenario-list';
import type { ScenarioEditor } from './use-scenario-editor';
import './scenario-panel.css';

export interface ScenarioPanelProps {
  editor: ScenarioEditor;
  data: Partial<RegionLayers>;
}

export function ScenarioPanel({ editor, data }: ScenarioPanelProps) {
  const { t } = useI18n();
  return (
    <Panel
      name="scenario-panel"
      testId="scenario-panel"
      titleId="scenario-panel-title"
      title={t('scenario.title')}
      titleHidden
    >
      {editor.openSummary || editor.loading ? (
        <>
          <OpenScenario editor={editor} data={data} />
          <PartitionPanel editor={editor} data={data} />
        </>
      ) : (
        <ScenarioList editor={editor} />
      )}
    </Panel>
  );
}
