/** Scenarios the import changes (their communities or units), the policy applied, and the acceptance it needs. */
import { useI18n } from '../../lib/i18n';
import type { ImportPreview } from './import-types';
import type { ImportWizardState } from './use-import-wizard';

export function ScenarioImpact({ wizard, preview }: { wizard: ImportWizardState; preview: ImportPreview }) {
  const { t, language } = useI18n();
  const zh = language === 'zh';
  const impact = preview.scenarioImpact;
  if (!impact || impact.scenarios.length === 0) return null;
  return (
    <div className="import-scenarios" data-testid="import-scenarios">
      <p>{t('import.scenarios', { n: impact.scenarios.length })}</p>
      <p className="import-muted">{(zh ? impact.policyZh : null) ?? impact.policy}</p>
      <ul>
        {impact.scenarios.map((scenario) => (
          <li key={scenario.id}>
            <strong>{scenario.name}</strong>
            <ul>
              {scenario.effects.map((effect, index) => (
                <li key={index}>{(zh ? effect.textZh : null) ?? effect.text}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {impact.requiresAcceptance && (
        <label className="import-accept">
          <input
            type="checkbox"
            data-testid="import-accept"
            checked={wizard.accepted}
            onChange={(event) => wizard.setAccepted(event.target.checked)}
          />
          {t('import.accept')}
        </label>
      )}
    </div>
  );
}
