/**
 * The scenarios tab (方案) of the left panel: the region's scenarios (create, duplicate, rename,
 * delete, open); for the open one the editing tools, undo/redo and save, the pending edits, its
 * communities with their live residents and rule failures, the comparison with another scenario or
 * the baseline, and the exports.
 */
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { scenarioExportUrl } from '../../lib/api';
import type { RegionLayers, ScenarioSummary } from '../../lib/api-types';
import { formatCount, formatNumber } from '../../lib/format';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { COMMUNITY_TYPES } from '../../lib/standards';
import { COMMUNITY_TYPE_COLOURS, cssColour } from '../../map/colours';
import { AdviceSection } from './advice-section';
import { CommunityTypeSelect } from './community-type-select';
import { ComparePanel } from './compare-panel';
import { describeEdit, refusalKey, refusedEdit } from './edit-text';
import { ToolIcon } from './tool-icon';
import {
  BRUSH_SIZES,
  SCENARIO_TOOLS,
  type ScenarioEditor,
  type ScenarioMessage,
  type ScenarioMode,
} from './use-scenario-editor';

export interface ScenarioPanelProps {
  editor: ScenarioEditor;
  data: Partial<RegionLayers>;
}

export function ScenarioPanel({ editor, data }: ScenarioPanelProps) {
  const { t } = useI18n();
  return (
    <section
      className="panel scenario-panel"
      data-testid="scenario-panel"
      aria-labelledby="scenario-panel-title"
    >
      <h2 id="scenario-panel-title" className="panel-title visually-hidden">
        {t('scenario.title')}
      </h2>
      {editor.openSummary || editor.loading ? (
        <OpenScenario editor={editor} data={data} />
      ) : (
        <ScenarioList editor={editor} />
      )}
    </section>
  );
}

/* ------------------------------------------------------------------ list */

function dateText(iso: string, language: 'zh' | 'en'): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB', {
        month: 'numeric',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      });
}

function basedOnText(
  scenario: ScenarioSummary,
  scenarios: readonly ScenarioSummary[],
  t: (key: MessageKey) => string,
): string {
  if (scenario.basedOn === 'baseline' || scenario.basedOn === null) return t('scenario.baseline');
  return scenarios.find((other) => other.id === scenario.basedOn)?.name ?? t('scenario.deletedScenario');
}

function ScenarioList({ editor }: { editor: ScenarioEditor }) {
  const { t } = useI18n();
  const scenarios = editor.scenarios;
  const [name, setName] = useState('');
  const [basedOn, setBasedOn] = useState('baseline');
  const defaultName = t('scenario.defaultName', { n: (scenarios?.length ?? 0) + 1 });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    editor.createNew(name.trim() || defaultName, basedOn);
    setName('');
  };
  return (
    <>
      <form className="scenario-create" onSubmit={submit}>
        <h3 className="section-title">{t('scenario.new')}</h3>
        <label className="form-row">
          <span>{t('scenario.name')}</span>
          <input
            className="text-input"
            value={name}
            placeholder={defaultName}
            maxLength={100}
            data-testid="scenario-name-input"
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <label className="form-row">
          <span>{t('scenario.basedOn')}</span>
          <select
            className="select-input"
            value={basedOn}
            data-testid="scenario-based-on"
            onChange={(event) => setBasedOn(event.target.value)}
          >
            <option value="baseline">{t('scenario.baseline')}</option>
            {scenarios?.map((scenario) => (
              <option key={scenario.id} value={scenario.id}>
                {scenario.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="button-primary button-block"
          disabled={editor.busy || !editor.regionId}
          data-testid="scenario-create"
        >
          <ToolIcon name="create" />
          {t('scenario.create')}
        </button>
      </form>
      <section className="details-section">
        <h3 className="section-title">
          {t('scenario.list')}{' '}
          <span className="section-count">{scenarios ? formatCount(scenarios.length) : '…'}</span>
        </h3>
        {scenarios === null ? (
          <p className="computing">
            <span className="spinner" /> {t('region.loading')}
          </p>
        ) : scenarios.length === 0 ? (
          <p className="muted">{t('scenario.none')}</p>
        ) : (
          <ul className="scenario-list">
            {scenarios.map((scenario) => (
              <ScenarioCard key={scenario.id} editor={editor} scenario={scenario} scenarios={scenarios} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** Rename and delete, shared by the list's cards and the open scenario's header. */
function useCardActions(editor: ScenarioEditor, scenario: ScenarioSummary) {
  const [mode, setMode] = useState<'idle' | 'rename' | 'delete'>('idle');
  const [name, setName] = useState(scenario.name);
  return {
    mode,
    name,
    setName,
    startRename: () => {
      setName(scenario.name);
      setMode('rename');
    },
    startDelete: () => setMode('delete'),
    cancel: () => setMode('idle'),
    confirmRename: () => {
      const trimmed = name.trim();
      if (trimmed && trimmed !== scenario.name) editor.rename(scenario, trimmed);
      setMode('idle');
    },
    confirmDelete: () => {
      editor.remove(scenario);
      setMode('idle');
    },
  };
}

function CardActionForms({
  actions,
  scenario,
}: {
  actions: ReturnType<typeof useCardActions>;
  scenario: ScenarioSummary;
}) {
  const { t } = useI18n();
  if (actions.mode === 'rename') {
    return (
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          actions.confirmRename();
        }}
      >
        <input
          className="text-input"
          value={actions.name}
          maxLength={100}
          aria-label={t('scenario.name')}
          autoFocus
          data-testid="scenario-rename-input"
          onChange={(event) => actions.setName(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') actions.cancel();
          }}
        />
        <button type="submit" className="button-primary" data-testid="scenario-rename-confirm">
          {t('scenario.ok')}
        </button>
        <button type="button" className="button-quiet" onClick={actions.cancel}>
          {t('scenario.cancel')}
        </button>
      </form>
    );
  }
  if (actions.mode === 'delete') {
    return (
      <div className="confirm-box" role="alertdialog" aria-label={t('scenario.delete')}>
        <p>{t('scenario.deleteConfirm', { name: scenario.name })}</p>
        <div className="button-row">
          <button
            type="button"
            className="button-danger"
            onClick={actions.confirmDelete}
            data-testid="scenario-delete-confirm"
          >
            {t('scenario.delete')}
          </button>
          <button type="button" className="button-quiet" onClick={actions.cancel}>
            {t('scenario.cancel')}
          </button>
        </div>
      </div>
    );
  }
  return null;
}

function IconButton({
  icon,
  label,
  onClick,
  testId,
  disabled,
}: {
  icon: Parameters<typeof ToolIcon>[0]['name'];
  label: string;
  onClick: () => void;
  testId?: string;
  disabled?: boolean;
}) {
  return (
    <button
      type="button"
      className="icon-button"
      title={label}
      aria-label={label}
      onClick={onClick}
      data-testid={testId}
      disabled={disabled}
    >
      <ToolIcon name={icon} />
    </button>
  );
}

function ScenarioCard({
  editor,
  scenario,
  scenarios,
}: {
  editor: ScenarioEditor;
  scenario: ScenarioSummary;
  scenarios: readonly ScenarioSummary[];
}) {
  const { t, language } = useI18n();
  const actions = useCardActions(editor, scenario);
  return (
    <li className="scenario-card" data-testid="scenario-card" data-scenario-id={scenario.id}>
      <div className="scenario-card-head">
        <button
          type="button"
          className="scenario-open"
          onClick={() => editor.open(scenario.id)}
          data-testid="scenario-open"
          title={t('scenario.open')}
        >
          <span className="scenario-name">{scenario.name}</span>
          <span className="scenario-meta">
            {t('scenario.version', { n: scenario.version })} ·{' '}
            {t('scenario.basedOnShort', { name: basedOnText(scenario, scenarios, t) })} ·{' '}
            {dateText(scenario.updatedAt, language)}
          </span>
        </button>
        <div className="scenario-card-actions">
          <IconButton
            icon="copy"
            label={t('scenario.duplicate')}
            onClick={() => editor.duplicate(scenario, t('scenario.copyName', { name: scenario.name }))}
            testId="scenario-duplicate"
          />
          <IconButton
            icon="rename"
            label={t('scenario.rename')}
            onClick={actions.startRename}
            testId="scenario-rename"
          />
          <IconButton
            icon="delete"
            label={t('scenario.delete')}
            onClick={actions.startDelete}
            testId="scenario-delete"
          />
        </div>
      </div>
      <CardActionForms actions={actions} scenario={scenario} />
    </li>
  );
}

/* ------------------------------------------------------------------ open scenario */

function OpenScenario({ editor, data }: ScenarioPanelProps) {
  const { t } = useI18n();
  const scenario = editor.openSummary;
  const session = editor.session;
  const pending = session?.pendingEdits().length ?? 0;
  const [confirmClose, setConfirmClose] = useState(false);
  return (
    <>
      <div
        className="open-scenario"
        data-testid="open-scenario"
        data-scenario-id={scenario?.id}
        data-version={session?.saved.version}
      >
        <div className="open-scenario-top">
          <button
            type="button"
            className="link-button back-link"
            onClick={() => (pending > 0 ? setConfirmClose(true) : editor.close())}
            data-testid="scenario-close"
          >
            <ToolIcon name="back" /> {t('scenario.backToList')}
          </button>
        </div>
        {scenario && <OpenScenarioTitle editor={editor} scenario={scenario} pending={pending} />}
        {confirmClose && (
          <div className="confirm-box" role="alertdialog">
            <p>{t('scenario.closeConfirm', { n: pending })}</p>
            <div className="button-row">
              <button
                type="button"
                className="button-danger"
                onClick={() => {
                  setConfirmClose(false);
                  editor.close();
                }}
              >
                {t('scenario.discardAndClose')}
              </button>
              <button type="button" className="button-quiet" onClick={() => setConfirmClose(false)}>
                {t('scenario.cancel')}
              </button>
            </div>
          </div>
        )}
      </div>
      {!session ? (
        <p className="computing">
          <span className="spinner" /> {t('scenario.loading')}
        </p>
      ) : (
        <>
          <ModeSwitch mode={editor.mode} onChange={editor.setMode} />
          {editor.mode === 'edit' ? (
            <EditSection editor={editor} data={data} />
          ) : (
            <ComparePanel editor={editor} data={data} />
          )}
          <ExportButtons editor={editor} />
        </>
      )}
    </>
  );
}

function OpenScenarioTitle({
  editor,
  scenario,
  pending,
}: {
  editor: ScenarioEditor;
  scenario: ScenarioSummary;
  pending: number;
}) {
  const { t } = useI18n();
  const actions = useCardActions(editor, scenario);
  const version = editor.session?.saved.version ?? scenario.version;
  return (
    <>
      <div className="open-scenario-title">
        <div className="open-scenario-text">
          <h3 className="details-name" data-testid="open-scenario-name">
            {scenario.name}
          </h3>
          <span className="scenario-meta">
            <span data-testid="scenario-version" data-version={version}>
              {t('scenario.version', { n: version })}
            </span>
            {pending > 0 && (
              <span className="kind-chip chip-pending" data-testid="pending-count" data-count={pending}>
                {t('scenario.pendingCount', { n: pending })}
              </span>
            )}
          </span>
        </div>
        <div className="scenario-card-actions">
          <IconButton
            icon="copy"
            label={t('scenario.duplicate')}
            onClick={() => editor.duplicate(scenario, t('scenario.copyName', { name: scenario.name }))}
          />
          <IconButton icon="rename" label={t('scenario.rename')} onClick={actions.startRename} />
          <IconButton icon="delete" label={t('scenario.delete')} onClick={actions.startDelete} />
        </div>
      </div>
      <CardActionForms actions={actions} scenario={scenario} />
    </>
  );
}

function ModeSwitch({ mode, onChange }: { mode: ScenarioMode; onChange: (mode: ScenarioMode) => void }) {
  const { t } = useI18n();
  return (
    <div
      className="segmented segmented-wide scenario-mode"
      role="radiogroup"
      aria-label={t('scenario.mode')}
      data-testid="scenario-mode"
    >
      {(['edit', 'compare'] as const).map((value) => (
        <button
          key={value}
          type="button"
          role="radio"
          aria-checked={mode === value}
          className={mode === value ? 'is-active' : undefined}
          data-value={value}
          onClick={() => onChange(value)}
        >
          {t(value === 'edit' ? 'scenario.mode.edit' : 'scenario.mode.compare')}
        </button>
      ))}
    </div>
  );
}

/* ------------------------------------------------------------------ editing */

const TOOL_KEYS = {
  select: ['scenario.tool.select', 'scenario.toolHint.select'],
  brush: ['scenario.tool.brush', 'scenario.toolHint.brush'],
  lasso: ['scenario.tool.lasso', 'scenario.toolHint.lasso'],
  redraw: ['scenario.tool.redraw', 'scenario.toolHint.redraw'],
  split: ['scenario.tool.split', 'scenario.toolHint.split'],
  merge: ['scenario.tool.merge', 'scenario.toolHint.merge'],
  create: ['scenario.tool.create', 'scenario.toolHint.create'],
} as const satisfies Record<(typeof SCENARIO_TOOLS)[number], readonly [MessageKey, MessageKey]>;

function EditSection({ editor, data }: ScenarioPanelProps) {
  const { t, language } = useI18n();
  const session = editor.session!;
  const evaluator = session.evaluator;
  const revision = editor.revision;
  const streetNames = useMemo(
    () =>
      new Map(
        (data.streets?.features ?? []).map((street) => [
          street.properties.id,
          language === 'en' && street.properties.nameEn ? street.properties.nameEn : street.properties.name,
        ]),
      ),
    [data.streets, language],
  );
  // Live communities grouped by street, each with its residents and failed rules.
  const groups = useMemo(() => {
    void revision;
    const byStreet = new Map<
      string,
      {
        id: string;
        name: string;
        type: keyof typeof COMMUNITY_TYPES;
        residents: number;
        failed: number;
        changed: boolean;
      }[]
    >();
    const changed = session.changedCommunities();
    for (const metrics of evaluator.allMetrics()) {
      const failed = evaluator
        .judge(metrics.id, editor.profile)
        .filter((rule) => rule.status === 'fail').length;
      const rows = byStreet.get(metrics.streetId) ?? [];
      rows.push({
        id: metrics.id,
        name: session.communityName(metrics.id, language),
        type: metrics.type,
        residents: metrics.residents,
        failed,
        changed: changed.has(metrics.id),
      });
      byStreet.set(metrics.streetId, rows);
    }
    return [...byStreet]
      .map(([streetId, rows]) => ({
        streetId,
        rows: rows.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
      }))
      .sort((a, b) =>
        (streetNames.get(a.streetId) ?? a.streetId).localeCompare(
          streetNames.get(b.streetId) ?? b.streetId,
          'zh-CN',
        ),
      );
  }, [evaluator, session, editor.profile, language, streetNames, revision]);
  const active = editor.activeId && evaluator.hasCommunity(editor.activeId) ? editor.activeId : null;
  const activeRecord = active ? evaluator.communityRecord(active) : null;
  const pending = session.pendingEdits();
  const [hint] = [t(TOOL_KEYS[editor.tool][1])];

  return (
    <>
      <div className="tool-grid" role="toolbar" aria-label={t('scenario.tools')} data-testid="scenario-tools">
        {SCENARIO_TOOLS.map((tool) => (
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
      <p className="tool-hint" data-testid="tool-hint">
        {hint}
      </p>
      {editor.tool === 'brush' && (
        <div className="access-field">
          <span className="access-label">{t('scenario.brushSize')}</span>
          <div
            className="segmented segmented-wide"
            role="radiogroup"
            aria-label={t('scenario.brushSize')}
            data-testid="brush-size"
          >
            {BRUSH_SIZES.map((size) => (
              <button
                key={size}
                type="button"
                role="radio"
                aria-checked={editor.brushSize === size}
                className={editor.brushSize === size ? 'is-active' : undefined}
                data-value={size}
                onClick={() => editor.setBrushSize(size)}
              >
                {t(`scenario.brush.${size}`)}
              </button>
            ))}
          </div>
        </div>
      )}

      {editor.tool === 'create' ? (
        <div className="tool-options">
          <label className="form-row">
            <span>{t('scenario.newCommunityName')}</span>
            <input
              className="text-input"
              value={editor.newCommunity.name}
              maxLength={100}
              data-testid="new-community-name"
              onChange={(event) =>
                editor.setNewCommunity({ ...editor.newCommunity, name: event.target.value })
              }
            />
          </label>
          <label className="form-row">
            <span>{t('field.type')}</span>
            <CommunityTypeSelect
              value={editor.newCommunity.type}
              onChange={(type) => editor.setNewCommunity({ ...editor.newCommunity, type })}
            />
          </label>
        </div>
      ) : (
        <div className="access-field target-field">
          <label className="access-label" htmlFor="active-community">
            {t(editor.tool === 'merge' ? 'scenario.mergeInto' : 'scenario.target')}
          </label>
          <div className="target-row">
            <span
              className="swatch swatch-area"
              style={{
                background: activeRecord
                  ? cssColour(COMMUNITY_TYPE_COLOURS[activeRecord.type])
                  : 'transparent',
              }}
            />
            <select
              id="active-community"
              className="select-input"
              value={active ?? ''}
              data-testid="active-community"
              onChange={(event) => editor.setActiveId(event.target.value || null)}
            >
              <option value="">{t('scenario.pickCommunity')}</option>
              {groups.map((group) => (
                <optgroup key={group.streetId} label={streetNames.get(group.streetId) ?? group.streetId}>
                  {group.rows.map((row) => (
                    <option key={row.id} value={row.id}>
                      {row.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          {editor.tool === 'split' && (
            <label className="form-row">
              <span>{t('scenario.splitName')}</span>
              <input
                className="text-input"
                value={editor.splitName}
                placeholder={activeRecord ? `${activeRecord.name}（二）` : ''}
                maxLength={100}
                onChange={(event) => editor.setSplitName(event.target.value)}
              />
            </label>
          )}
          {editor.tool === 'merge' && active && activeRecord && (
            <MergePicker editor={editor} groups={groups} streetId={activeRecord.streetId} />
          )}
        </div>
      )}

      <div className="edit-actions">
        <button
          type="button"
          className="button-quiet icon-text"
          onClick={editor.undo}
          disabled={!session.canUndo}
          title={t('scenario.undoHint')}
          data-testid="scenario-undo"
        >
          <ToolIcon name="undo" />
          {t('scenario.undo')}
        </button>
        <button
          type="button"
          className="button-quiet icon-text"
          onClick={editor.redo}
          disabled={!session.canRedo}
          title={t('scenario.redoHint')}
          data-testid="scenario-redo"
        >
          <ToolIcon name="redo" />
          {t('scenario.redo')}
        </button>
        <button
          type="button"
          className="button-primary icon-text save-button"
          onClick={editor.save}
          disabled={pending.length === 0 || editor.saving}
          data-testid="scenario-save"
        >
          {editor.saving ? <span className="spinner spinner-light" /> : <ToolIcon name="save" />}
          {pending.length > 0 ? t('scenario.saveCount', { n: pending.length }) : t('scenario.save')}
        </button>
      </div>
      <MessageBox editor={editor} />

      {pending.length > 0 && (
        <section className="details-section">
          <h3 className="section-title">
            {t('scenario.pendingTitle')} <span className="section-count">{formatCount(pending.length)}</span>
            <button
              type="button"
              className="link-button section-link"
              onClick={editor.discard}
              data-testid="scenario-discard"
            >
              {t('scenario.discard')}
            </button>
          </h3>
          <ol className="pending-list" data-testid="pending-list">
            {pending.map((entry, index) => (
              <li key={index}>{describeEdit(entry.edit, (id) => session.communityName(id, language), t)}</li>
            ))}
          </ol>
        </section>
      )}

      <AdviceSection editor={editor} />

      <section className="details-section">
        <h3 className="section-title">
          {t('scenario.communities')}{' '}
          <span className="section-count">{formatCount(evaluator.communityIds().length)}</span>
        </h3>
        <div className="scenario-legend" aria-label={t('scenario.legend')}>
          <span>
            <span className="legend-box legend-fail" /> {t('scenario.legend.fail')}
          </span>
          <span>
            <span className="legend-box legend-pending" /> {t('scenario.legend.pending')}
          </span>
          <span>
            <span className="legend-box legend-active" /> {t('scenario.legend.active')}
          </span>
        </div>
        {groups.map((group) => (
          <div key={group.streetId} className="community-group">
            <div className="community-group-title">{streetNames.get(group.streetId) ?? group.streetId}</div>
            <ul className="community-list">
              {group.rows.map((row) => (
                <li key={row.id}>
                  <button
                    type="button"
                    className={`community-row${row.id === active ? ' is-active' : ''}`}
                    onClick={() => editor.setActiveId(row.id)}
                    data-testid="community-row"
                    data-community-id={row.id}
                    data-residents={row.residents}
                    aria-pressed={row.id === active}
                  >
                    <span
                      className="swatch swatch-area"
                      style={{ background: cssColour(COMMUNITY_TYPE_COLOURS[row.type]) }}
                    />
                    <span className="community-row-name">
                      {row.name}
                      {row.changed && <span className="dot-pending" title={t('scenario.unsaved')} />}
                    </span>
                    <span className="community-row-residents">{formatCount(row.residents)}</span>
                    {row.failed > 0 ? (
                      <span
                        className="badge badge-fail"
                        title={t('scenario.metrics.failedCount', { n: row.failed })}
                      >
                        {formatNumber(row.failed)}
                      </span>
                    ) : (
                      <span className="badge badge-pass" title={t('scenario.metrics.allPass')}>
                        ✓
                      </span>
                    )}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
    </>
  );
}

function MergePicker({
  editor,
  groups,
  streetId,
}: {
  editor: ScenarioEditor;
  groups: { streetId: string; rows: { id: string; name: string }[] }[];
  streetId: string;
}) {
  const { t } = useI18n();
  const [other, setOther] = useState('');
  const candidates = (groups.find((group) => group.streetId === streetId)?.rows ?? []).filter(
    (row) => row.id !== editor.activeId,
  );
  return (
    <div className="merge-row">
      <select
        className="select-input"
        value={other}
        onChange={(event) => setOther(event.target.value)}
        aria-label={t('scenario.mergeWith')}
        data-testid="merge-with"
      >
        <option value="">{t('scenario.mergeWith')}</option>
        {candidates.map((row) => (
          <option key={row.id} value={row.id}>
            {row.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button-primary"
        disabled={!other}
        onClick={() => {
          editor.mergeWith(other);
          setOther('');
        }}
        data-testid="merge-apply"
      >
        {t('scenario.merge')}
      </button>
    </div>
  );
}

function MessageBox({ editor }: { editor: ScenarioEditor }) {
  const { t, language } = useI18n();
  const message: ScenarioMessage | null = editor.message;
  if (!message) return null;
  let tone: 'error' | 'warning' | 'ok' = 'warning';
  let body: ReactNode;
  switch (message.kind) {
    case 'refused':
      tone = 'error';
      body = t(refusalKey(message.reason));
      break;
    case 'skipped':
      body = [
        message.otherStreet > 0 ? t('scenario.skipped.otherStreet', { n: message.otherStreet }) : null,
        message.lastUnit > 0 ? t('scenario.skipped.lastUnit', { n: message.lastUnit }) : null,
      ]
        .filter(Boolean)
        .join(' ');
      break;
    case 'moved':
      body = t('scenario.skipped.otherStreet', { n: message.otherStreet });
      break;
    case 'need-community':
      body = t('scenario.needCommunity');
      break;
    case 'saved':
      tone = 'ok';
      body = t('scenario.saved', { n: message.version });
      break;
    case 'server': {
      tone = 'error';
      const refused = refusedEdit(message.message);
      const entry = refused ? editor.session?.pendingEdits()[refused.index] : undefined;
      body = (
        <>
          <strong>{t('scenario.serverRefused')}</strong>
          {refused && entry && editor.session && (
            <span className="message-detail">
              {t('scenario.refusedEdit', {
                n: refused.index + 1,
                edit: describeEdit(entry.edit, (id) => editor.session!.communityName(id, language), t),
              })}
            </span>
          )}
          <span className="message-detail server-detail" data-testid="server-message">
            {message.message}
          </span>
        </>
      );
      break;
    }
    case 'conflict':
      tone = 'error';
      body = (
        <>
          <strong>{t('scenario.conflictTitle')}</strong>
          <span className="message-detail">
            {message.currentVersion !== null
              ? t('scenario.conflict', { n: message.currentVersion })
              : t('scenario.conflictNoVersion')}
          </span>
          <span className="button-row">
            <button
              type="button"
              className="button-primary"
              onClick={editor.reload}
              data-testid="scenario-reload"
            >
              {t('scenario.reload')}
            </button>
            <button type="button" className="button-quiet" onClick={editor.dismissMessage}>
              {t('scenario.keepEditing')}
            </button>
          </span>
        </>
      );
      break;
  }
  return (
    <div
      className={`message-box is-${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      data-testid="scenario-message"
      data-kind={message.kind}
    >
      <div className="message-text">{body}</div>
      {message.kind !== 'conflict' && (
        <button
          type="button"
          className="icon-button"
          onClick={editor.dismissMessage}
          aria-label={t('error.dismiss')}
          title={t('error.dismiss')}
        >
          ×
        </button>
      )}
    </div>
  );
}

/* ------------------------------------------------------------------ export */

function ExportButtons({ editor }: { editor: ScenarioEditor }) {
  const { t } = useI18n();
  const id = editor.openSummary?.id;
  if (!id) return null;
  const pending = editor.session?.pendingEdits().length ?? 0;
  return (
    <section className="details-section export-section">
      <h3 className="section-title">{t('scenario.export')}</h3>
      <div className="export-buttons">
        {(['geojson', 'csv', 'shapefile'] as const).map((format) => (
          <a
            key={format}
            className="button-quiet export-link"
            href={scenarioExportUrl(id, format, editor.profile)}
            download
            data-testid={`export-${format}`}
          >
            <ToolIcon name="download" />
            {t(`scenario.export.${format}`)}
          </a>
        ))}
      </div>
      <p className="field-hint">
        {pending > 0
          ? t('scenario.exportPending', { n: editor.session?.saved.version ?? 1 })
          : t('scenario.exportHint')}
      </p>
    </section>
  );
}
