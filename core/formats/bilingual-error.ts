/**
 * Texts a file reader shows a person, in both languages of the interface: English for the command
 * line and the API's `error`, Chinese for the Chinese-first interface. Each sentence is written in
 * both languages where it is made, so the two always carry the same numbers, names and values.
 */

import type { Bilingual } from '../text/bilingual.js';

export type { Bilingual };

/** An error whose `message` is English and whose `messageZh` says the same in Chinese. */
export class BilingualError extends Error {
  readonly messageZh: string;

  constructor(text: Bilingual) {
    super(text.en);
    this.messageZh = text.zh;
    this.name = 'BilingualError';
  }
}

/** The Chinese text of an error: its `messageZh` when it has one, else its (English) message. */
export function messageZhOf(error: unknown): string {
  if (error instanceof BilingualError) return error.messageZh;
  return error instanceof Error ? error.message : String(error);
}
