/**
 * The one place API errors become visible: a small store of de-duplicated notices that
 * features/notices/notice-stack.tsx shows as toasts. Identical failures (same status and
 * message, e.g. six layers failing because the server is down) collapse into one notice.
 */
import { useSyncExternalStore } from 'react';
import type { ApiError } from './api';

export interface Notice {
  key: string;
  error: ApiError;
  /** How many times this failure was reported since it was last dismissed. */
  count: number;
}

let notices: readonly Notice[] = [];
const listeners = new Set<() => void>();

function emit(next: readonly Notice[]): void {
  notices = next;
  for (const listener of listeners) listener();
}

function keyOf(error: ApiError): string {
  return error.status === null ? `network:${error.message}` : `${error.status}:${error.message}`;
}

/** Show an API error to the user (ignored when the request was aborted on purpose). */
export function reportError(error: ApiError): void {
  if (error.aborted) return;
  const key = keyOf(error);
  const existing = notices.find((notice) => notice.key === key);
  if (existing) {
    emit(notices.map((notice) => (notice === existing ? { ...notice, count: notice.count + 1 } : notice)));
  } else {
    emit([...notices, { key, error, count: 1 }]);
  }
}

export function dismissNotice(key: string): void {
  emit(notices.filter((notice) => notice.key !== key));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useNotices(): readonly Notice[] {
  return useSyncExternalStore(subscribe, () => notices);
}
