/**
 * Text a person or a program gives the app (ids, names, notes): any characters but NUL. PostgreSQL
 * cannot store U+0000 in text, so a NUL once reached the database and answered 500; refused here it
 * answers 400 naming the field.
 */

import { z } from 'zod';

const NUL = '\u0000';

/** The refusal of a text holding NUL, in both languages (zod's `params.zh`, contract/validation.ts). */
export const NUL_REFUSAL = {
  en: 'must not contain the NUL character (\\u0000)',
  zh: '不能包含 NUL 字符（\\u0000）',
};

/** True when `text` holds a NUL character. */
export function hasNul(text: string): boolean {
  return text.includes(NUL);
}

/** A string schema refusing NUL; chain `.min`, `.max`, `.trim` … on it as on `z.string()`. */
export function plainText() {
  return z
    .string()
    .refine((text) => !hasNul(text), { message: NUL_REFUSAL.en, params: { zh: NUL_REFUSAL.zh } });
}

/** A value met on a walk through JSON, with the way back to the root (paths are built only when needed). */
interface Visit {
  value: unknown;
  key: PropertyKey | null;
  parent: Visit | null;
  depth: number;
}

function pathOf(visit: Visit): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let at: Visit | null = visit; at && at.key !== null; at = at.parent) path.push(at.key);
  return path.reverse();
}

/**
 * Visits every value of a JSON value depth first, in document order, without recursion (a body of
 * 50 000 nested lists once overflowed the stack and answered 500); stops at the first visit for
 * which `found` is true and returns it.
 */
function walk(value: unknown, found: (visit: Visit) => boolean): Visit | null {
  const pending: Visit[] = [{ value, key: null, parent: null, depth: 0 }];
  while (pending.length > 0) {
    const visit = pending.pop()!;
    if (found(visit)) return visit;
    const current = visit.value;
    if (current === null || typeof current !== 'object') continue;
    const members: [PropertyKey, unknown][] = Array.isArray(current)
      ? current.map((member, index) => [index, member])
      : Object.entries(current);
    for (let index = members.length - 1; index >= 0; index -= 1)
      pending.push({
        value: members[index][1],
        key: members[index][0],
        parent: visit,
        depth: visit.depth + 1,
      });
  }
  return null;
}

/**
 * The path of the first string holding NUL anywhere in a JSON value (`edits[2].outsideTo`, a key
 * counts as its member's path), or null when there is none.
 */
export function findNul(value: unknown): PropertyKey[] | null {
  let nulKey: string | null = null;
  const visit = walk(value, ({ value: current, key }) => {
    if (typeof key === 'string' && hasNul(key)) {
      nulKey = key;
      return true;
    }
    return typeof current === 'string' && hasNul(current);
  });
  if (!visit) return null;
  const path = pathOf(visit);
  if (nulKey !== null) path[path.length - 1] = (nulKey as string).replaceAll(NUL, '\\u0000');
  return path;
}

/**
 * The path of the first list or object nested deeper than `maxDepth` levels in a JSON value (the
 * value itself is the first level), or null.
 */
export function findTooDeep(value: unknown, maxDepth: number): PropertyKey[] | null {
  const visit = walk(
    value,
    ({ value: current, depth }) => depth >= maxDepth && current !== null && typeof current === 'object',
  );
  return visit ? pathOf(visit) : null;
}
