/**
 * What the live event stream (use-live-events.ts) has told of the open scenario: who else has it
 * open, and the last save someone else made of it. A small store outside React, read by the
 * presence strip and the save notice wherever they are placed.
 */
import { useSyncExternalStore } from 'react';
import type { Viewer } from '../../../../contract/events';

export interface SaveByOther {
  scenarioId: string;
  /** The username who saved, and their display name when they are among the viewers. */
  by: string;
  name: string;
  version: number;
}

export interface LiveState {
  /** The scenario the stream names, and everyone with it open (the signed-in user included). */
  scenarioId: string | null;
  viewers: readonly Viewer[];
  savedByOther: SaveByOther | null;
}

const EMPTY: LiveState = { scenarioId: null, viewers: [], savedByOther: null };
let state: LiveState = EMPTY;
const listeners = new Set<() => void>();

/** Replaces part of the state and tells every reader. */
export function updateLive(change: Partial<LiveState>): void {
  state = { ...state, ...change };
  for (const listener of listeners) listener();
}

/** Forgets everything (the stream closed or names another scenario). */
export function resetLive(scenarioId: string | null): void {
  updateLive({ ...EMPTY, scenarioId });
}

export function liveState(): LiveState {
  return state;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLiveState(): LiveState {
  return useSyncExternalStore(subscribe, liveState);
}
