/**
 * State of the partition proposals panel: the request the planner is composing (street, count,
 * communities kept, stations inside), the proposals answered for the open scenario's saved version,
 * and adopting one (a new scenario based on the open one, holding the proposal's edits, then opened).
 * A new scenario or version on screen drops the proposals: they were for another state.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../lib/api';
import { judgingProfile } from '../../lib/judging';
import { queryKeys } from '../../lib/query-keys';
import type { ScenarioEditor } from '../scenarios/use-scenario-editor';
import {
  adoptProposal,
  fetchPartitionProposals,
  type PartitionProposal,
  type PartitionProposalsAnswer,
} from './partition-api';

/** Proposals asked for at once: as many as the panel shows side by side. */
export const PROPOSALS_SHOWN = 3;
const MAX_COMMUNITIES = 200;

/** The count typed, or undefined for "as many as now"; null when it is not a count. */
export function communityCountOf(text: string): number | undefined | null {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isInteger(value) && value >= 1 && value <= MAX_COMMUNITIES ? value : null;
}

export interface PartitionProposalsState {
  streetId: string;
  setStreetId: (id: string) => void;
  communitiesText: string;
  setCommunitiesText: (text: string) => void;
  keep: ReadonlySet<string>;
  toggleKeep: (communityId: string) => void;
  stationsInside: boolean;
  setStationsInside: (inside: boolean) => void;
  request: () => void;
  requesting: boolean;
  answer: PartitionProposalsAnswer | null;
  error: ApiError | null;
  adopt: (proposal: PartitionProposal, name: string) => void;
  adopting: number | null;
}

export function usePartitionProposals(editor: ScenarioEditor): PartitionProposalsState {
  const queryClient = useQueryClient();
  const scenarioId = editor.openSummary?.id ?? null;
  const version = editor.session?.saved.version ?? null;
  const [streetId, setStreet] = useState('');
  const [communitiesText, setCommunitiesText] = useState('');
  const [keep, setKeep] = useState<ReadonlySet<string>>(new Set());
  const [stationsInside, setStationsInside] = useState(true);
  const [requesting, setRequesting] = useState(false);
  const [answer, setAnswer] = useState<PartitionProposalsAnswer | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [adopting, setAdopting] = useState<number | null>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    controller.current?.abort();
    setAnswer(null);
    setError(null);
    setRequesting(false);
  }, [scenarioId, version]);

  const setStreetId = useCallback((id: string) => {
    setStreet(id);
    setKeep(new Set());
    setAnswer(null);
    setError(null);
  }, []);
  const toggleKeep = useCallback((communityId: string) => {
    setKeep((current) => {
      const next = new Set(current);
      if (!next.delete(communityId)) next.add(communityId);
      return next;
    });
  }, []);

  const { judging } = editor;
  const request = useCallback(() => {
    const communities = communityCountOf(communitiesText);
    if (!scenarioId || !streetId || communities === null) return;
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setRequesting(true);
    setError(null);
    void fetchPartitionProposals(
      scenarioId,
      {
        streetId,
        ...(communities !== undefined ? { communities } : {}),
        keep: [...keep],
        stationsMustBeInside: stationsInside,
        proposals: PROPOSALS_SHOWN,
        ...(judging ? { profile: judgingProfile(judging) } : {}),
      },
      abort.signal,
    ).then((result) => {
      if (abort.signal.aborted) return;
      setRequesting(false);
      if (result.ok) setAnswer(result.data);
      else {
        setAnswer(null);
        setError(result.error);
      }
    });
  }, [scenarioId, streetId, communitiesText, keep, stationsInside, judging]);

  const { regionId, open } = editor;
  const adopt = useCallback(
    (proposal: PartitionProposal, name: string) => {
      if (!regionId || !scenarioId) return;
      setAdopting(proposal.rank);
      setError(null);
      void adoptProposal(regionId, scenarioId, name, proposal).then(async (result) => {
        setAdopting(null);
        if (!result.ok) {
          setError(result.error);
          return;
        }
        await queryClient.invalidateQueries({ queryKey: queryKeys.scenarios(regionId) });
        open(result.data.id);
      });
    },
    [regionId, scenarioId, queryClient, open],
  );

  return {
    streetId,
    setStreetId,
    communitiesText,
    setCommunitiesText,
    keep,
    toggleKeep,
    stationsInside,
    setStationsInside,
    request,
    requesting,
    answer,
    error,
    adopt,
    adopting,
  };
}
