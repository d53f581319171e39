/** The editing tools as a grid of buttons, the chosen tool's hint, and the brush's size while it is chosen. */
import { useI18n, type MessageKey } from '../../lib/i18n';
import { LabelledField } from '../../ui/labelled-field';
import { SegmentedControl } from '../../ui/segmented-control';
import { ToolIcon } from './tool-icon';
import type { ScenarioEditor } from './use-scenario-editor';
import { LAYER_TOOLS } from './use-layer-edit-tools';
import { BOUNDARY_TOOLS, BRUSH_SIZES, type BrushSize, type ScenarioTool } from './use-scenario-tools';

/** Each tool's name and hint. */
const TOOL_KEYS = {
  select: ['scenario.tool.select', 'scenario.toolHint.select'],
  brush: ['scenario.tool.brush', 'scenario.toolHint.brush'],
  lasso: ['scenario.tool.lasso', 'scenario.toolHint.lasso'],
  redraw: ['scenario.tool.redraw', 'scenario.toolHint.redraw'],
  split: ['scenario.tool.split', 'scenario.toolHint.split'],
  merge: ['scenario.tool.merge', 'scenario.toolHint.merge'],
  create: ['scenario.tool.create', 'scenario.toolHint.create'],
  'place-facility': ['scenario.tool.placeFacility', 'scenario.toolHint.placeFacility'],
  'edit-facility': ['scenario.tool.editFacility', 'scenario.toolHint.editFacility'],
  'draw-path': ['scenario.tool.drawPath', 'scenario.toolHint.drawPath'],
  'close-path': ['scenario.tool.closePath', 'scenario.toolHint.closePath'],
} as const satisfies Record<ScenarioTool, readonly [MessageKey, MessageKey]>;

export function ToolPicker({ editor }: { editor: ScenarioEditor }) {
  const { t } = useI18n();
  return (
    <>
      <div
        className="tool-groups"
        role="toolbar"
        aria-label={t('scenario.tools')}
        data-testid="scenario-tools"
      >
        <ToolGroup editor={editor} tools={BOUNDARY_TOOLS} label={t('scenario.toolGroup.boundary')} />
        <ToolGroup editor={editor} tools={LAYER_TOOLS} label={t('scenario.toolGroup.layers')} />
      </div>
      <p className="tool-hint" data-testid="tool-hint">
        {t(TOOL_KEYS[editor.tool][1])}
      </p>
      {editor.tool === 'brush' && (
        <LabelledField label={t('scenario.brushSize')}>
          <SegmentedControl<BrushSize>
            testId="brush-size"
            label={t('scenario.brushSize')}
            value={editor.brushSize}
            options={BRUSH_SIZES.map((size) => ({ value: size, label: t(`scenario.brush.${size}`) }))}
            onChange={editor.setBrushSize}
            wide
          />
        </LabelledField>
      )}
    </>
  );
}

/** One group of tools under its name (the boundary tools, the facility and path tools). */
function ToolGroup({
  editor,
  tools,
  label,
}: {
  editor: ScenarioEditor;
  tools: readonly ScenarioTool[];
  label: string;
}) {
  const { t } = useI18n();
  return (
    <div className="tool-group" role="group" aria-label={label}>
      <span className="tool-group-label">{label}</span>
      <div className="tool-grid">
        {tools.map((tool) => (
          <button
            key={tool}
            type="button"
            className={`tool-button${editor.tool === tool ? ' is-active' : ''}`}
            aria-pressed={editor.tool === tool}
            onClick={() => editor.setTool(tool)}
            data-testid={`tool-${tool}`}
            title={t(TOOL_KEYS[tool][1])}
          >
            <ToolIcon name={tool} />
            <span>{t(TOOL_KEYS[tool][0])}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
