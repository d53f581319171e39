/**
 * One feature's interface strings in both languages. Chinese comes first and names the keys; the
 * English table must have exactly those keys (a missing or extra one does not compile). lib/i18n.ts
 * merges every feature's table.
 */
export interface MessageTable<K extends string> {
  zh: Record<K, string>;
  en: Record<K, string>;
}

export function defineMessages<Z extends Record<string, string>>(
  zh: Z,
  en: Record<keyof Z, string>,
): MessageTable<Extract<keyof Z, string>> {
  return { zh, en };
}
