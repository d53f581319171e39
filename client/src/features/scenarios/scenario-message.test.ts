import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../lib/api';
import {
  appliedMessage,
  currentVersionOf,
  outcomeMessage,
  saveRefusalMessage,
  strokeMessage,
} from './scenario-message';

function failure(status: number | null, body?: unknown): ApiError {
  return { status, message: 'm', path: '/api/scenarios/s1', aborted: false, body };
}

describe('scenario messages', () => {
  it('says nothing after a good outcome and names the reason of a refused one', () => {
    expect(outcomeMessage({ ok: true, moved: 3, notes: [] })).toBeNull();
    expect(outcomeMessage({ ok: false, reason: 'name-missing', message: 'a name is needed' })).toEqual({
      kind: 'refused',
      reason: 'name-missing',
    });
  });

  it('reports units left in another street after an edit', () => {
    expect(appliedMessage(4, 2)).toEqual({ kind: 'moved', moved: 4, otherStreet: 2 });
    expect(appliedMessage(4, 0)).toBeNull();
    expect(appliedMessage(4, undefined)).toBeNull();
  });

  it('counts the units a stroke could not take', () => {
    expect(strokeMessage(new Map([['other-street', 2]]))).toEqual({
      kind: 'skipped',
      otherStreet: 2,
      lastUnit: 0,
    });
    expect(strokeMessage(new Map())).toBeNull();
  });

  it('turns a rename’s or restore’s 409 into a conflict with the server’s version and a 400 into a refused edit', () => {
    expect(saveRefusalMessage(failure(409, { error: 'stale', currentVersion: 7 }))).toEqual({
      kind: 'conflict',
      currentVersion: 7,
    });
    expect(saveRefusalMessage(failure(409, { error: 'stale' }))).toEqual({
      kind: 'conflict',
      currentVersion: null,
    });
    const refused = failure(400, { error: 'edits[2] (assign): unknown unit' });
    expect(saveRefusalMessage(refused)).toEqual({ kind: 'server', error: refused });
    expect(saveRefusalMessage(failure(500))).toBeNull();
    expect(saveRefusalMessage(failure(null))).toBeNull();
  });

  it('reads the current version only when it is a number', () => {
    expect(currentVersionOf({ currentVersion: '3' })).toBeNull();
    expect(currentVersionOf(undefined)).toBeNull();
  });
});
