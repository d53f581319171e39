/**
 * The text encodings the wizard offers: every one the API reads (contract/import-options.ts takes
 * core's TEXT_ENCODINGS), grouped by the script a planner knows the file by, named by the product's
 * own bilingual labels (encodingLabel). No React, so it is unit-tested alone.
 */
import { encodingLabel, TEXT_ENCODINGS, type TextEncodingName } from '../../../../core/formats/text-encoding';
import type { EncodingChoice } from './import-types';

/** The groups of the encoding menu, each named by the message import.encodingGroup.<id>. */
export type EncodingGroupId =
  | 'chinese'
  | 'japanese-korean'
  | 'cyrillic'
  | 'western'
  | 'central'
  | 'southern'
  | 'northern'
  | 'middle-east'
  | 'southeast-asia'
  | 'unicode';

export interface EncodingGroup {
  id: EncodingGroupId;
  /** In the order the menu lists them, the most used first. */
  encodings: readonly TextEncodingName[];
}

/**
 * The menu's groups, most used first: what Chinese files are written in (UTF-8 from recent
 * software, GBK from Chinese Windows, Big5 from Taiwan and Hong Kong), then the other scripts,
 * Unicode's UTF-16 last. A unit test holds that every encoding is offered exactly once.
 */
export const ENCODING_GROUPS: readonly EncodingGroup[] = [
  { id: 'chinese', encodings: ['utf8', 'gbk', 'big5'] },
  { id: 'japanese-korean', encodings: ['shift-jis', 'euc-jp', 'euc-kr'] },
  {
    id: 'cyrillic',
    encodings: ['windows-1251', 'koi8-r', 'koi8-u', 'iso-8859-5', 'ibm866', 'x-mac-cyrillic'],
  },
  {
    id: 'western',
    encodings: ['windows-1252', 'iso-8859-1', 'iso-8859-15', 'iso-8859-14', 'cp850', 'cp437', 'macintosh'],
  },
  { id: 'central', encodings: ['windows-1250', 'iso-8859-2', 'cp852'] },
  {
    id: 'southern',
    encodings: ['windows-1253', 'iso-8859-7', 'windows-1254', 'iso-8859-9', 'iso-8859-3'],
  },
  { id: 'northern', encodings: ['windows-1257', 'iso-8859-13', 'iso-8859-4', 'iso-8859-10'] },
  { id: 'middle-east', encodings: ['windows-1256', 'iso-8859-6', 'windows-1255', 'iso-8859-8'] },
  { id: 'southeast-asia', encodings: ['windows-874', 'windows-1258'] },
  { id: 'unicode', encodings: ['utf-16le', 'utf-16be'] },
];

/** The encoding's name in the interface's language: big5 → 繁体中文 Big5（代码页 950）. */
export function encodingName(encoding: TextEncodingName, language: 'zh' | 'en'): string {
  return encodingLabel(encoding)[language];
}

/** The menu's value read back as a choice: '' (let the file decide) for anything not an encoding offered. */
export function encodingChoiceOf(value: string): EncodingChoice {
  return (TEXT_ENCODINGS as readonly string[]).includes(value) ? (value as TextEncodingName) : '';
}
