/**
 * The open scenario's edit view: tools, target, undo/redo/save with the message of the last action,
 * the pending edits, the standards advice, and the communities with their live figures.
 */
import type { RegionLayers } from '../../lib/api-types';
import { AdviceSection } from './advice-section';
import { CommunityList } from './community-list';
import { EditActions } from './edit-actions';
import { LayerEditLegend } from './layer-edit-legend';
import { LayerToolFields } from './layer-tool-fields';
import { NO_LAYER_CHANGES } from '../../../../core/scenario/scenario-layers';
import { isLayerTool } from './use-layer-edit-tools';
import { MessageBox } from './message-box';
import { PendingEdits } from './pending-edits';
import { TargetField } from './target-field';
import { ToolPicker } from './tool-picker';
import { useCommunityGroups } from './use-community-groups';
import type { ScenarioEditor } from './use-scenario-editor';

export function EditSection({ editor, data }: { editor: ScenarioEditor; data: Partial<RegionLayers> }) {
  const { groups, streetName } = useCommunityGroups(editor, data);
  const layerTool = isLayerTool(editor.tool);
  const session = editor.session;
  return (
    <>
      <ToolPicker editor={editor} />
      {layerTool ? (
        <LayerToolFields editor={editor} />
      ) : (
        <TargetField editor={editor} groups={groups} streetName={streetName} />
      )}
      <EditActions editor={editor} />
      <MessageBox editor={editor} />
      <PendingEdits editor={editor} />
      {session && (layerTool || session.layers !== NO_LAYER_CHANGES) && (
        <LayerEditLegend regionFacilities={session.layerContext.regionFacilities} layers={session.layers} />
      )}
      <AdviceSection editor={editor} />
      <CommunityList editor={editor} groups={groups} streetName={streetName} />
    </>
  );
}
