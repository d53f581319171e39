/** The edits not yet saved, one line each, with a link to drop them all. */
import { formatCount } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { Button } from '../../ui/button';
import { Section } from '../../ui/section';
import { describeEdit } from './edit-text';
import type { ScenarioEditor } from './use-scenario-editor';

export function PendingEdits({ editor }: { editor: ScenarioEditor }) {
  const { t, language } = useI18n();
  const session = editor.session!;
  const pending = session.pendingEdits();
  if (pending.length === 0) return null;
  return (
    <Section
      heading="h3"
      title={t('scenario.pendingTitle')}
      count={formatCount(pending.length)}
      titleEnd={
        <Button variant="link" className="section-link" onClick={editor.discard} testId="scenario-discard">
          {t('scenario.discard')}
        </Button>
      }
    >
      <ol className="pending-list" data-testid="pending-list">
        {pending.map((entry, index) => (
          <li key={index}>{describeEdit(entry.edit, session.editNames(language), t)}</li>
        ))}
      </ol>
    </Section>
  );
}
