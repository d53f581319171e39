/**
 * 划分方案 (partition proposals) for the open scenario: the planner picks a street, the number of
 * communities, the communities to keep and whether each must hold a service station; the proposals
 * come side by side (proposal-card.tsx) in a tray along the bottom of the map, where there is room
 * to compare them, and 采用 adopts one as a new scenario based on this one.
 */
import { useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import type { RegionLayers } from '../../lib/api-types';
import { errorText } from '../../lib/error-text';
import { useI18n } from '../../lib/i18n';
import { formatNumber } from '../../lib/format';
import { STANDARDS_PROFILES } from '../../lib/standards';
import { Button } from '../../ui/button';
import { LabelledField } from '../../ui/labelled-field';
import { LoadingLine } from '../../ui/loading-line';
import { NumberInput } from '../../ui/number-input';
import { Section } from '../../ui/section';
import { Switch } from '../../ui/switch';
import type { ScenarioEditor } from '../scenarios/use-scenario-editor';
import type { ProposedCommunity } from './partition-api';
import { ProposalCard } from './proposal-card';
import type { UnitPolygon } from './proposal-map';
import { communityCountOf, usePartitionProposals } from './use-partition-proposals';
import './partition-panel.css';

export function PartitionPanel({ editor, data }: { editor: ScenarioEditor; data: Partial<RegionLayers> }) {
  const { t, language, localName } = useI18n();
  const state = usePartitionProposals(editor);
  const { session, openSummary } = editor;
  const saved = session?.saved ?? null;
  const pending = editor.pendingCount;

  const streetName = useMemo(() => {
    const names = new Map(
      (data.streets?.features ?? []).map((feature) => [
        feature.properties.id,
        language === 'en' && feature.properties.nameEn ? feature.properties.nameEn : feature.properties.name,
      ]),
    );
    return (id: string) => names.get(id) ?? id;
  }, [data.streets, language]);
  const streetIds = useMemo(
    () => [...new Set((saved?.communities ?? []).map((community) => community.streetId))].sort(),
    [saved],
  );
  const streetCommunities = useMemo(
    () => (saved?.communities ?? []).filter((community) => community.streetId === state.streetId),
    [saved, state.streetId],
  );
  const geometryById = useMemo(
    () =>
      new Map(
        (data.units?.features ?? []).flatMap((feature) =>
          feature.geometry ? [[feature.properties.id, feature.geometry as UnitPolygon] as const] : [],
        ),
      ),
    [data.units],
  );
  const count = communityCountOf(state.communitiesText);
  const answer = state.answer;
  const nameOf = (community: ProposedCommunity, newOrdinal: number) =>
    community.isNew
      ? t('partition.newCommunity', { n: formatNumber(newOrdinal) })
      : (session?.communityName(community.communityId, language) ?? community.name);

  // The map's area holds the tray (app.tsx's `.map-area`); without it the proposals stay in the panel.
  const [mapArea, setMapArea] = useState<Element | null>(null);
  useEffect(() => setMapArea(document.querySelector('.map-area')), []);
  const [trayOpen, setTrayOpen] = useState(true);
  useEffect(() => setTrayOpen(true), [answer]);

  if (!session || !openSummary) return null;
  const answerSummary = answer && (
    <div className="partition-answer" data-testid="partition-answer">
      <p className="partition-summary">
        {t('partition.summary', {
          count: answer.proposals.length,
          communities: answer.communityCount,
          profile: localName(STANDARDS_PROFILES[answer.judgedWith.profile]),
        })}{' '}
        · {t('partition.current', { score: formatNumber(answer.current.score, 3) })}
      </p>
      {answer.notes.length > 0 && (
        <ul className="partition-notes">
          {answer.notes.map((note) => (
            <li key={note.en}>{note[language]}</li>
          ))}
        </ul>
      )}
      {answer.proposals.length === 0 && <p>{t('partition.noProposals')}</p>}
      {mapArea && answer.proposals.length > 0 && (
        <Button variant="quiet" onClick={() => setTrayOpen(!trayOpen)} testId="partition-tray-toggle">
          {trayOpen ? t('partition.hideProposals') : t('partition.showProposals')}
        </Button>
      )}
    </div>
  );
  const strip = answer && answer.proposals.length > 0 && (
    <div className="proposal-strip" data-testid="partition-proposals">
      {answer.proposals.map((proposal) => (
        <ProposalCard
          key={proposal.rank}
          proposal={proposal}
          geometryById={geometryById}
          nameOf={nameOf}
          adopting={state.adopting === proposal.rank}
          disabled={state.adopting !== null}
          onAdopt={() =>
            state.adopt(proposal, t('partition.adoptedName', { name: openSummary.name, rank: proposal.rank }))
          }
        />
      ))}
    </div>
  );
  return (
    <Section title={t('partition.title')} className="partition-panel" heading="h3">
      <div data-testid="partition-panel">
        <p className="field-hint">{t('partition.hint', { n: session.saved.version })}</p>
        {pending > 0 && <p className="partition-pending">{t('partition.pendingNote', { n: pending })}</p>}
        <div className="partition-form">
          <LabelledField label={t('partition.street')} htmlFor="partition-street">
            <select
              id="partition-street"
              data-testid="partition-street"
              value={state.streetId}
              onChange={(event) => state.setStreetId(event.target.value)}
            >
              <option value="">{t('partition.chooseStreet')}</option>
              {streetIds.map((id) => (
                <option key={id} value={id}>
                  {streetName(id)}
                </option>
              ))}
            </select>
          </LabelledField>
          <LabelledField label={t('partition.communities')} htmlFor="partition-communities">
            <NumberInput
              id="partition-communities"
              testId="partition-communities"
              integer
              text={state.communitiesText}
              onText={state.setCommunitiesText}
              invalid={count === null}
              placeholder={t('partition.communitiesPlaceholder', { n: streetCommunities.length })}
              title={count === null ? t('partition.communitiesInvalid') : undefined}
            />
          </LabelledField>
          {streetCommunities.length > 0 && (
            <fieldset className="partition-keep">
              <legend>{t('partition.keep')}</legend>
              {streetCommunities.map((community) => (
                <label key={community.id}>
                  <input
                    type="checkbox"
                    data-testid={`partition-keep-${community.id}`}
                    checked={state.keep.has(community.id)}
                    onChange={() => state.toggleKeep(community.id)}
                  />
                  {session.communityName(community.id, language)}
                </label>
              ))}
            </fieldset>
          )}
          <label className="partition-switch">
            <Switch
              checked={state.stationsInside}
              onChange={state.setStationsInside}
              testId="partition-stations"
            />
            {t('partition.stations')}
          </label>
          <Button
            variant="primary"
            onClick={state.request}
            disabled={!state.streetId || count === null || state.requesting}
            testId="partition-request"
          >
            {t('partition.request')}
          </Button>
        </div>
        {state.requesting && <LoadingLine>{t('partition.requesting')}</LoadingLine>}
        {state.error && (
          <p className="partition-error" role="alert" data-testid="partition-error">
            {errorText(state.error, language, t)}
          </p>
        )}
        {answerSummary}
        {strip &&
          (mapArea
            ? trayOpen &&
              createPortal(
                <aside className="partition-tray" aria-label={t('partition.title')}>
                  {strip}
                </aside>,
                mapArea,
              )
            : strip)}
      </div>
    </Section>
  );
}
