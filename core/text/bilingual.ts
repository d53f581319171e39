/**
 * A text a person reads, in both languages of the interface: Chinese for the Chinese-first screen,
 * English for the English one, the command line and the API's `error`. Both are written where the
 * text is made, so they carry the same numbers, names and values.
 */
export interface Bilingual {
  zh: string;
  en: string;
}
