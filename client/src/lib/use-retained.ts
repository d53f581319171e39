import { useState } from 'react';

/**
 * The last answer shown, kept while a new one loads: `value` when defined, else the last defined
 * value seen within the same `scope` (e.g. the open scenario). A new scope starts empty, so one
 * scenario's answer never stands in for another's.
 */
export function useRetained<T>(value: T | undefined, scope: unknown): T | undefined {
  const [kept, setKept] = useState<{ scope: unknown; value: T | undefined }>({ scope, value });
  const sameScope = Object.is(kept.scope, scope);
  // Stored while rendering (React's pattern for state derived from earlier renders), not in an effect.
  if (!sameScope || (value !== undefined && !Object.is(value, kept.value))) setKept({ scope, value });
  return value !== undefined ? value : sameScope ? kept.value : undefined;
}
