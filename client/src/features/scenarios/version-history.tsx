/**
 * The open scenario's version history (版本记录): every saved version, newest first, with its time,
 * its author when the server names one, and its edits counted by kind; each can be viewed on the
 * map read-only, and an earlier one restored as a new version (after a confirmation). While a
 * version is viewed, a banner says which and leads back.
 */
import { useState } from 'react';
import { formatCount, formatDateTime } from '../../lib/format';
import { useI18n, type MessageKey } from '../../lib/i18n';
import type { ScenarioVersionEntry } from '../../lib/api-types';
import { Button } from '../../ui/button';
import { Chip } from '../../ui/chip';
import { ConfirmBox } from '../../ui/confirm-box';
import { LoadingLine } from '../../ui/loading-line';
import { Section } from '../../ui/section';
import type { ScenarioEditor } from './use-scenario-editor';
import './version-history.css';

/** "合并 1 项、修改属性 1 项": a save's edits by kind, readable. */
function editSummary(
  entry: ScenarioVersionEntry,
  t: ReturnType<typeof useI18n>['t'],
  language: string,
): string {
  return entry.edits
    .map(({ op, count }) =>
      t('history.opCount', {
        op: t(`history.op.${op}` as MessageKey),
        n: formatCount(count) ?? String(count),
      }),
    )
    .join(language === 'zh' ? '、' : ', ');
}

export function VersionHistory({ editor }: { editor: ScenarioEditor }) {
  const { t, language } = useI18n();
  const { history } = editor;
  const [confirming, setConfirming] = useState<number | null>(null);
  const current = editor.openSummary?.version ?? null;
  const pending = editor.pendingCount;
  const basedOnBaseline = (editor.openSummary?.basedOn ?? 'baseline') === 'baseline';
  return (
    <Section
      heading="h3"
      title={t('history.title')}
      count={history.versions ? formatCount(history.versions.length) : undefined}
    >
      {!history.versions ? (
        <LoadingLine>{t('history.loading')}</LoadingLine>
      ) : (
        <ol className="version-list" data-testid="version-list">
          {history.versions.map((entry) => {
            const isCurrent = entry.version === current;
            const viewing = history.viewingVersion === entry.version;
            return (
              <li
                key={entry.version}
                className={`version-row${viewing ? ' is-viewing' : ''}`}
                data-testid="version-row"
                data-version={entry.version}
              >
                <div className="version-head">
                  <strong>{t('history.version', { n: entry.version })}</strong>
                  {isCurrent && <Chip>{t('history.current')}</Chip>}
                  {viewing && <Chip pending>{t('history.viewing')}</Chip>}
                  {entry.createdAt && (
                    <time className="version-time" dateTime={entry.createdAt}>
                      {formatDateTime(entry.createdAt)}
                    </time>
                  )}
                </div>
                {entry.author && (
                  <div className="version-author">{t('history.author', { name: entry.author })}</div>
                )}
                <div className="version-edits" data-testid="version-edits">
                  {entry.version === 1
                    ? t(basedOnBaseline ? 'history.created' : 'history.copied')
                    : entry.editCount === 0
                      ? t('history.nameOnly')
                      : `${t('history.editCount', { n: formatCount(entry.editCount) ?? '0' })}${editSummary(entry, t, language)}`}
                </div>
                {!isCurrent && (
                  <div className="button-row version-actions">
                    <Button
                      variant="quiet"
                      onClick={() => (viewing ? history.stopViewing() : history.view(entry.version))}
                      testId="version-view"
                    >
                      {viewing ? t('history.back') : t('history.view')}
                    </Button>
                    <Button
                      variant="quiet"
                      disabled={pending > 0 || history.restoring}
                      title={pending > 0 ? t('history.restoreHint') : undefined}
                      onClick={() => setConfirming(entry.version)}
                      testId="version-restore"
                    >
                      {t('history.restore')}
                    </Button>
                  </div>
                )}
                {confirming === entry.version && current !== null && (
                  <ConfirmBox
                    message={t('history.restoreConfirm', { v: entry.version, n: current + 1 })}
                    confirmLabel={t('history.restore')}
                    cancelLabel={t('scenario.cancel')}
                    confirmTestId="version-restore-confirm"
                    onConfirm={() => {
                      setConfirming(null);
                      history.restore(entry.version);
                    }}
                    onCancel={() => setConfirming(null)}
                  />
                )}
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
}

/** Which version is viewed, what the map marks, and the way back. */
export function VersionBanner({ editor }: { editor: ScenarioEditor }) {
  const { t } = useI18n();
  const { history } = editor;
  const version = history.viewingVersion;
  if (version === null) return null;
  const viewed = history.viewed;
  const current = editor.openSummary?.version ?? 0;
  return (
    <div
      className="message-box is-warning version-banner"
      role="status"
      data-testid="version-banner"
      data-version={version}
      data-ready={viewed !== null}
    >
      <div className="message-text">
        <strong>{t('history.banner', { v: version })}</strong>
        <span className="message-detail">
          {viewed ? t('history.bannerDetail', { n: current }) : t('history.viewLoading', { v: version })}
        </span>
        {viewed && viewed.unshown > 0 && (
          <span className="message-detail">
            {t('history.unshown', { n: formatCount(viewed.unshown) ?? '0' })}
          </span>
        )}
        <span className="button-row">
          <Button variant="primary" onClick={history.stopViewing} testId="version-back">
            {t('history.back')}
          </Button>
          <Button
            variant="quiet"
            disabled={editor.pendingCount > 0 || history.restoring}
            title={editor.pendingCount > 0 ? t('history.restoreHint') : undefined}
            onClick={() => history.restore(version)}
            testId="version-banner-restore"
          >
            {t('history.restore')}
          </Button>
        </span>
      </div>
    </div>
  );
}
