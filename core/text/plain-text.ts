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

/**
 * The path of the first string holding NUL anywhere in a JSON value (`edits[2].outsideTo`, a key
 * counts as its member's path), or null when there is none.
 */
export function findNul(value: unknown, path: PropertyKey[] = []): PropertyKey[] | null {
  if (typeof value === 'string') return hasNul(value) ? path : null;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const found = findNul(value[index], [...path, index]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, member] of Object.entries(value)) {
      if (hasNul(key)) return [...path, key.replaceAll(NUL, '\\u0000')];
      const found = findNul(member, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
