/**
 * 标准建议 / Advice: a collapsible section of the open scenario's edit view. Every village classified
 * for 村改居 (候选 / 非候选 / 待定 with the figures that decided it — a classification, never a
 * failure; for candidates the rules they would not meet as their target type, each village held to
 * its own 申请类型 unless the planner picks one type for all) with a one-click conversion, and every relocation community with the server's
 * merge or split advice and a button that adds the ready edits to the pending edits (through the
 * session's draft, so undo/redo and Save treat them like any tool's edit).
 */
import { useEffect, useMemo, useState } from 'react';
import type { Bilingual } from '../../lib/api-types';
import { formatCount, formatShare, formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { COMMUNITY_TYPES, type CommunityTypeId } from '../../lib/standards';
import { Button } from '../../ui/button';
import { Badge, type BadgeTone } from '../../ui/badge';
import { RuleRow } from '../standards/rule-row';
import { LoadingLine } from '../../ui/loading-line';
import { SegmentedControl } from '../../ui/segmented-control';
import {
  conversionsByApplication,
  relocationRows,
  villageRows,
  type RelocationRow,
  type VillageLack,
  type VillageRow,
} from './advice-rows';
import { useScenarioAdvice, type ConversionTarget } from './use-scenario-advice';
import type { ScenarioEditor } from './use-scenario-editor';
import './advice-section.css';

type I18nApi = ReturnType<typeof useI18n>;

function pick(text: Bilingual, language: 'zh' | 'en'): string {
  return language === 'en' ? text.en : text.zh;
}

function typeName(i18n: I18nApi, type: CommunityTypeId): string {
  return i18n.localName(COMMUNITY_TYPES[type]);
}

/** What a rule a village would not meet lacks, as a quantity in its unit ("缺 120 m²"), or null. */
function shortfallText(lack: VillageLack, i18n: I18nApi): string | null {
  const shortfall = lack.gap.shortfall;
  if (!shortfall || !(shortfall.amount > 0)) return null;
  if (shortfall.unit.en === '%')
    return i18n.t('advice.shortfallPoints', { n: formatNumber(shortfall.amount * 100, 1) });
  const amount = formatNumber(
    Math.ceil(shortfall.amount * 10) / 10,
    Number.isInteger(shortfall.amount) ? 0 : 1,
  );
  return i18n.t('advice.shortfall', { n: `${amount} ${pick(shortfall.unit, i18n.language)}` });
}

export function AdviceSection({ editor }: { editor: ScenarioEditor }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [open, setOpen] = useState(false);
  const advice = useScenarioAdvice(editor, open);
  const session = editor.session;
  const pending = session?.pendingEdits().length ?? 0;
  const villages = useMemo(() => (advice.villages ? villageRows(advice.villages) : null), [advice.villages]);
  const relocation = useMemo(
    () => (advice.relocation ? relocationRows(advice.relocation) : null),
    [advice.relocation],
  );
  const setHighlight = editor.setAdviceHighlight;
  // A closed section marks nothing on the map.
  useEffect(() => {
    if (!open) setHighlight(null);
  }, [open, setHighlight]);

  return (
    <details
      className="details-section advice-section"
      data-testid="advice-section"
      data-version={advice.villages?.scenario.version}
      data-pending={advice.pending ? 'true' : 'false'}
      onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}
    >
      <summary className="section-title" data-testid="advice-toggle">
        {t('advice.title')}
        {villages && (
          <span className="section-count">
            {t('advice.villagesCount', {
              candidates: villages.filter((row) => row.candidate).length,
              villages: villages.length,
            })}
            {villages.some((row) => row.status === 'undetermined') &&
              ` · ${t('advice.villagesUndetermined', { n: villages.filter((row) => row.status === 'undetermined').length })}`}
          </span>
        )}
      </summary>
      <p className="field-hint">{t('advice.hint', { n: session?.saved.version ?? 1 })}</p>
      {pending > 0 && (
        <p className="field-hint advice-pending-note">{t('advice.pendingNote', { n: pending })}</p>
      )}
      {advice.pending && <LoadingLine>{t('advice.loading')}</LoadingLine>}
      <div className="advice-subtitle">
        <h4>{t('advice.villages')}</h4>
        <SegmentedControl<ConversionTarget>
          testId="advice-as"
          label={t('advice.as')}
          value={advice.asType}
          options={[
            { value: 'own', label: t('advice.as.own'), title: t('advice.as.ownHint') },
            { value: 'urban', label: t('advice.as.urban') },
            { value: 'fringe', label: t('advice.as.fringe') },
            { value: 'rural', label: t('advice.as.rural') },
          ]}
          onChange={advice.setAsType}
        />
      </div>
      {advice.villages && !advice.villages.ruleInProfile && (
        <p className="muted" data-testid="advice-rule-not-in-profile">
          {t('advice.ruleNotInProfile')}
        </p>
      )}
      {villages && editor.session && <ConvertByApplication rows={villages} editor={editor} />}
      {villages && villages.length === 0 && <p className="muted">{t('advice.noVillages')}</p>}
      {villages && villages.length > 0 && (
        <ul className="advice-list" data-testid="advice-villages">
          {villages.map((row) => (
            <VillageItem key={row.communityId} row={row} editor={editor} />
          ))}
        </ul>
      )}

      <div className="advice-subtitle">
        <h4>{t('advice.relocation')}</h4>
        {advice.relocation?.band && (
          <span className="scenario-meta">
            {t('advice.band', {
              min: formatCount(advice.relocation.band.min) ?? '',
              max: formatCount(advice.relocation.band.max) ?? '',
            })}
          </span>
        )}
      </div>
      {advice.relocation?.travelNote && (
        <p className="field-hint">{t('advice.travelNote', { note: advice.relocation.travelNote })}</p>
      )}
      {relocation && relocation.length === 0 && <p className="muted">{t('advice.noRelocation')}</p>}
      {relocation && relocation.length > 0 && (
        <ul className="advice-list" data-testid="advice-relocation">
          {relocation.map((row) => (
            <RelocationItem key={row.communityId} row={row} editor={editor} />
          ))}
        </ul>
      )}
    </details>
  );
}

function sameUnits(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((unitId) => set.has(unitId));
}

function conditionText(condition: VillageRow['conditions'][number], t: I18nApi['t']): string {
  return t(
    condition.condition === 'development-progress'
      ? 'advice.condition.development-progress'
      : 'advice.condition.farmland-share',
    {
      figure: condition.figure === null ? t('advice.noData') : (formatShare(condition.figure) ?? ''),
      threshold: formatShare(condition.threshold) ?? '',
    },
  );
}

function VillageItem({ row, editor }: { row: VillageRow; editor: ScenarioEditor }) {
  const i18n = useI18n();
  const { t, language } = i18n;
  const evaluator = editor.session?.evaluator;
  void editor.revision;
  // Converted among the pending edits (or gone): the button has done its work.
  const liveType = evaluator?.hasCommunity(row.communityId)
    ? evaluator.communityRecord(row.communityId).type
    : null;
  const converted = liveType !== null && liveType !== 'village';
  const targetName = typeName(i18n, row.target);
  return (
    <li
      className={`advice-item is-${row.status}`}
      data-testid="advice-village"
      data-community-id={row.communityId}
      data-candidate={row.candidate ? 'true' : 'false'}
      data-status={row.status}
      data-target={row.target}
      data-target-from={row.targetFrom}
    >
      <div className="advice-item-head">
        <span className="advice-item-name">{row.name}</span>
        <span className="community-row-residents">
          {t('advice.residents', { n: formatCount(row.residents) ?? '' })}
        </span>
        {row.applicationTarget && (
          <span className="advice-application" data-testid="advice-application">
            {t('advice.application', { type: typeName(i18n, row.applicationTarget) })}
          </span>
        )}
        {row.status !== 'not-applicable' && (
          <Badge tone={CLASSIFICATION_TONE[row.status]}>{t(`advice.classification.${row.status}`)}</Badge>
        )}
      </div>
      <ul className="advice-conditions">
        {row.conditions.map((condition) => (
          <li
            key={condition.condition}
            className={condition.met ? 'is-met' : condition.met === false ? 'is-unmet' : 'is-unknown'}
            data-met={String(condition.met)}
          >
            <span aria-hidden="true">{condition.met ? '✓' : condition.met === false ? '✗' : '?'}</span>{' '}
            {conditionText(condition, t)}
          </li>
        ))}
      </ul>
      {row.reason && <p className="advice-reason">{pick(row.reason, language)}</p>}
      <details className="advice-lack-details" open={row.candidate}>
        <summary className="advice-lack-title">
          {t(row.lacks.length > 0 ? 'advice.wouldLack' : 'advice.lacksNothing', { type: targetName })}
          <span className="advice-target-from"> {t(`advice.targetFrom.${row.targetFrom}`)}</span>
          {row.lacks.length > 0 && <span className="section-count">{row.lacks.length}</span>}
        </summary>
        {row.lacks.length > 0 && (
          <ul className="rule-list advice-lacks" data-testid="advice-lacks">
            {row.lacks.map((lack, index) => (
              <RuleRow
                key={`${lack.gap.ruleId}:${index}`}
                rule={lack.gap}
                testId="advice-lack"
                subject={
                  lack.tierMinutes !== null ? t('advice.tierMinutes', { n: lack.tierMinutes }) : undefined
                }
                detail={<ShortfallLine text={shortfallText(lack, i18n)} />}
              />
            ))}
          </ul>
        )}
      </details>
      <div className="button-row">
        <Button
          variant={row.status === 'not-candidate' ? 'quiet' : 'primary'}
          disabled={!liveType || converted}
          title={row.status === 'not-candidate' ? t('advice.convertAnyway') : undefined}
          onClick={() =>
            editor.applyAdvice([{ op: 'convert-village', communityId: row.communityId, to: row.target }])
          }
          testId="advice-convert"
        >
          {converted
            ? t('advice.converted', { type: typeName(i18n, liveType!) })
            : t('advice.convert', { type: targetName })}
        </Button>
      </div>
    </li>
  );
}

/** One click: every village with an application converted to what it applied for, as pending edits. */
function ConvertByApplication({ rows, editor }: { rows: readonly VillageRow[]; editor: ScenarioEditor }) {
  const { t } = useI18n();
  const evaluator = editor.session!.evaluator;
  void editor.revision;
  const liveType = (id: string) => (evaluator.hasCommunity(id) ? evaluator.communityRecord(id).type : null);
  const applicants = rows.filter((row) => row.applicationTarget !== null);
  const edits = conversionsByApplication(rows, liveType);
  if (applicants.length === 0) return null;
  const urban = applicants.filter((row) => row.applicationTarget === 'urban').length;
  return (
    <div className="advice-bulk" data-testid="advice-bulk">
      <p className="field-hint">
        {t('advice.applicants', { n: applicants.length, urban, rural: applicants.length - urban })}
      </p>
      <Button
        variant="primary"
        disabled={edits.length === 0}
        onClick={() => editor.applyAdvice(edits)}
        testId="advice-convert-applicants"
      >
        {edits.length === 0
          ? t('advice.applicantsConverted')
          : t('advice.convertApplicants', { n: edits.length })}
      </Button>
    </div>
  );
}

function ShortfallLine({ text }: { text: string | null }) {
  return text ? <p className="advice-shortfall">{text}</p> : null;
}

const CLASSIFICATION_TONE: Record<VillageRow['status'], BadgeTone> = {
  candidate: 'candidate',
  'not-candidate': 'not-applicable',
  undetermined: 'undetermined',
  'not-applicable': 'not-applicable',
};

function RelocationItem({ row, editor }: { row: RelocationRow; editor: ScenarioEditor }) {
  const i18n = useI18n();
  const { t, language } = i18n;
  const evaluator = editor.session?.evaluator;
  void editor.revision;
  const exists = evaluator?.hasCommunity(row.communityId) ?? false;
  const merge = row.merge;
  const split = row.split;
  // Applied among the pending edits: a merged community is gone; a split one holds only its first part.
  const mergeApplied = merge !== null && !exists;
  const liveUnits = exists ? evaluator!.unitsOf(row.communityId) : [];
  const splitApplied = split !== null && exists && sameUnits(liveUnits, split.parts[0]?.unitIds ?? []);
  // Another pending edit changed the community's units: the proposal no longer fits it.
  const splitStale =
    split !== null &&
    !splitApplied &&
    !sameUnits(
      liveUnits,
      split.parts.flatMap((part) => part.unitIds),
    );
  // The map marks the parts that would become new communities: the first keeps the community.
  const partUnits = useMemo(() => split?.parts.slice(1).flatMap((part) => part.unitIds) ?? [], [split]);
  const highlighted =
    split !== null && editor.adviceHighlight !== null && editor.adviceHighlight === partUnits;
  return (
    <li
      className="advice-item"
      data-testid="advice-relocation-item"
      data-community-id={row.communityId}
      data-status={row.status}
    >
      <div className="advice-item-head">
        <span className="advice-item-name">{row.name}</span>
        <span className="community-row-residents">
          {t('advice.residents', { n: formatCount(row.residents) ?? '' })}
        </span>
        <Badge
          tone={
            row.status === 'within-band' ? 'pass' : row.status === 'not-judged' ? 'not-applicable' : 'fail'
          }
        >
          {t(`advice.status.${row.status}`)}
        </Badge>
      </div>
      {merge && (
        <div className="advice-body" data-testid="advice-merge-advice" data-into={merge.intoId ?? ''}>
          {merge.intoName ? (
            <>
              <p className="advice-reason">
                <strong>{t('advice.mergeInto', { name: merge.intoName })}</strong>
                {language === 'en' ? ': ' : '：'}
                {merge.meanWalkMinutes !== null && merge.addedWalkMinutes !== null
                  ? t('advice.mergeWalk', {
                      minutes: formatNumber(merge.meanWalkMinutes, 1),
                      added: formatNumber(merge.addedWalkMinutes, 1),
                    })
                  : t('advice.mergeWalkUnknown')}
              </p>
              {merge.mergedOutsideBand !== 0 && merge.mergedResidents !== null && merge.intoType && (
                <p className="advice-warning" data-testid="advice-merge-warning">
                  ⚠{' '}
                  {merge.mergedOutsideBand > 0
                    ? t('advice.mergeOver', {
                        n: formatCount(merge.mergedResidents) ?? '',
                        over: formatCount(merge.mergedOutsideBand) ?? '',
                        type: typeName(i18n, merge.intoType),
                      })
                    : t('advice.mergeUnder', {
                        n: formatCount(merge.mergedResidents) ?? '',
                        under: formatCount(-merge.mergedOutsideBand) ?? '',
                        type: typeName(i18n, merge.intoType),
                      })}
                </p>
              )}
            </>
          ) : (
            <p className="advice-reason">{pick(merge.message, language)}</p>
          )}
          {merge.edit && (
            <div className="button-row">
              <Button
                variant="primary"
                disabled={mergeApplied || !exists || !evaluator?.hasCommunity(merge.intoId!)}
                onClick={() => editor.applyAdvice([merge.edit!])}
                testId="advice-merge"
              >
                {mergeApplied ? t('advice.mergeApplied') : t('advice.applyMerge')}
              </Button>
            </div>
          )}
        </div>
      )}
      {split && (
        <div className="advice-body" data-testid="advice-split-advice">
          {split.ok ? (
            <>
              <p className="advice-reason">{t('advice.splitInto', { n: split.parts.length })}</p>
              <ol className="advice-parts">
                {split.parts.map((part, index) => (
                  <li key={index} data-residents={part.residents}>
                    {t('advice.part', {
                      name: part.name,
                      residents: formatCount(part.residents) ?? '',
                      households: formatCount(part.households) ?? '',
                      units: part.unitIds.length,
                    })}
                  </li>
                ))}
              </ol>
            </>
          ) : (
            <p className="advice-reason">{pick(split.message, language)}</p>
          )}
          {split.edits.length > 0 && (
            <div className="button-row">
              <Button
                variant="primary"
                disabled={splitApplied || splitStale || !exists}
                title={splitStale ? t('advice.splitStale') : undefined}
                onClick={() => {
                  if (editor.applyAdvice(split.edits)) editor.setAdviceHighlight(partUnits);
                }}
                testId="advice-split"
              >
                {splitApplied ? t('advice.splitApplied') : t('advice.applySplit')}
              </Button>
              <Button
                variant="quiet"
                onClick={() => editor.setAdviceHighlight(highlighted ? null : partUnits)}
                testId="advice-show-parts"
                aria-pressed={highlighted}
              >
                {t(highlighted ? 'advice.hideParts' : 'advice.showParts')}
              </Button>
            </div>
          )}
        </div>
      )}
    </li>
  );
}
