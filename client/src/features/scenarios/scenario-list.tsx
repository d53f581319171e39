/** The region's scenarios: a form to create one (from the baseline or a copy) and a card per scenario. */
import { useState, type FormEvent } from 'react';
import type { ScenarioSummary } from '../../lib/api-types';
import { formatCount } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { Button } from '../../ui/button';
import { FormRow } from '../../ui/form-row';
import { LoadingLine } from '../../ui/loading-line';
import { Section } from '../../ui/section';
import { CardActionButtons, CardActionForms, useCardActions } from './scenario-card-actions';
import { basedOnOf, dateText } from './scenario-text';
import { ToolIcon } from './tool-icon';
import type { ScenarioEditor } from './use-scenario-editor';
import { useSession } from '../session/use-session';

export function ScenarioList({ editor }: { editor: ScenarioEditor }) {
  const { t } = useI18n();
  // A leader reviews scenarios but makes none: the form is for the roles that may.
  const { can } = useSession();
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
      {can('create-scenario') && (
        <form className="scenario-create" onSubmit={submit}>
          <h3 className="section-title">{t('scenario.new')}</h3>
          <FormRow label={t('scenario.name')}>
            <input
              className="text-input"
              value={name}
              placeholder={defaultName}
              maxLength={100}
              data-testid="scenario-name-input"
              onChange={(event) => setName(event.target.value)}
            />
          </FormRow>
          <FormRow label={t('scenario.basedOn')}>
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
          </FormRow>
          <Button
            variant="primary"
            type="submit"
            className="button-block"
            disabled={editor.busy || !editor.regionId}
            testId="scenario-create"
          >
            <ToolIcon name="create" />
            {t('scenario.create')}
          </Button>
        </form>
      )}
      <Section
        heading="h3"
        title={t('scenario.list')}
        count={scenarios ? formatCount(scenarios.length) : '…'}
      >
        {scenarios === null ? (
          <LoadingLine>{t('region.loading')}</LoadingLine>
        ) : scenarios.length === 0 ? (
          <p className="muted">{t('scenario.none')}</p>
        ) : (
          <ul className="scenario-list">
            {scenarios.map((scenario) => (
              <ScenarioCard key={scenario.id} editor={editor} scenario={scenario} scenarios={scenarios} />
            ))}
          </ul>
        )}
      </Section>
    </>
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
  const basedOn = basedOnOf(scenario, scenarios);
  const basedOnName =
    basedOn.kind === 'scenario'
      ? basedOn.name
      : t(basedOn.kind === 'baseline' ? 'scenario.baseline' : 'scenario.deletedScenario');
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
            {t('scenario.basedOnShort', { name: basedOnName })} · {dateText(scenario.updatedAt, language)}
          </span>
        </button>
        <CardActionButtons editor={editor} scenario={scenario} actions={actions} testIds />
      </div>
      <CardActionForms actions={actions} scenario={scenario} />
    </li>
  );
}
