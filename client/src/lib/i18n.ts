/**
 * Interface strings, Chinese first (简体中文) with English available. Components never hold raw
 * strings: they call `t(key)` from `useI18n()`. Each feature keeps its strings in a table beside it
 * (`<feature>.i18n.ts`, both languages with the same keys); this module merges them. The choice of
 * language is remembered in localStorage.
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { appMessages } from '../app/app.i18n';
import { accessibilityMessages } from '../features/accessibility/accessibility.i18n';
import { attributePanelMessages } from '../features/attribute-panel/attribute-panel.i18n';
import { dashboardMessages } from '../features/dashboard/dashboard.i18n';
import { exportMessages } from '../features/export/export.i18n';
import { importMessages } from '../features/import/import.i18n';
import { layerPanelMessages } from '../features/layer-panel/layer-panel.i18n';
import { liveMessages } from '../features/live/live.i18n';
import { partitionMessages } from '../features/partition/partition.i18n';
import { legendMessages } from '../features/legend/legends.i18n';
import { adviceMessages } from '../features/scenarios/advice.i18n';
import { layerEditMessages } from '../features/scenarios/layer-edits.i18n';
import { reviewMessages } from '../features/scenarios/review.i18n';
import { historyMessages } from '../features/scenarios/history.i18n';
import { rebaseMessages } from '../features/scenarios/rebase.i18n';
import { scenarioMessages } from '../features/scenarios/scenarios.i18n';
import { serviceAreaMessages } from '../features/service-areas/service-areas.i18n';
import { sessionMessages } from '../features/session/session.i18n';
import { sitingMessages } from '../features/siting/siting.i18n';
import { standardsMessages } from '../features/standards/standards.i18n';
import { commonMessages } from './common.i18n';
import { LANGUAGE_STORAGE_KEY } from './config';

export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Every feature's table; a key belongs to exactly one (lib/i18n.test.ts checks). */
export const MESSAGE_TABLES = [
  appMessages,
  commonMessages,
  layerPanelMessages,
  legendMessages,
  exportMessages,
  attributePanelMessages,
  accessibilityMessages,
  standardsMessages,
  scenarioMessages,
  historyMessages,
  rebaseMessages,
  adviceMessages,
  layerEditMessages,
  importMessages,
  dashboardMessages,
  partitionMessages,
  serviceAreaMessages,
  sitingMessages,
  sessionMessages,
  reviewMessages,
  liveMessages,
] as const;

type TableKey<T> = T extends { zh: Record<infer K, string> } ? K : never;
export type MessageKey = TableKey<(typeof MESSAGE_TABLES)[number]>;

function merged(language: Language): Record<MessageKey, string> {
  return Object.assign({}, ...MESSAGE_TABLES.map((table) => table[language])) as Record<MessageKey, string>;
}

const MESSAGES: Record<Language, Record<MessageKey, string>> = { zh: merged('zh'), en: merged('en') };

/** Whether a key made at run time (e.g. from a server's code) has a message. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(MESSAGES.zh, key);
}

/** BCP 47 tag of each language, for `<html lang>` and number formatting. */
export const LANGUAGE_TAGS: Record<Language, string> = { zh: 'zh-CN', en: 'en' };

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function readStoredLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : 'zh';
  } catch {
    return 'zh';
  }
}

let currentLanguage: Language = readStoredLanguage();
const listeners = new Set<() => void>();

function applyDocumentLanguage(language: Language): void {
  if (typeof document !== 'undefined') document.documentElement.lang = LANGUAGE_TAGS[language];
}
applyDocumentLanguage(currentLanguage);

/** Switch the interface language and remember it. */
export function setLanguage(language: Language): void {
  if (language === currentLanguage) return;
  currentLanguage = language;
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the switch still works for this page.
  }
  applyDocumentLanguage(language);
  for (const listener of listeners) listener();
}

/** Look a message up in a language and fill `{name}` placeholders. */
export function translate(
  language: Language,
  key: MessageKey,
  params?: Record<string, string | number>,
): string {
  const template = MESSAGES[language][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  /** Pick the name in the interface language from a `{ nameZh, nameEn }` record. */
  localName: (named: { nameZh: string; nameEn: string }) => string;
}

export function useI18n(): I18n {
  const language = useSyncExternalStore(subscribe, () => currentLanguage);
  const t = useCallback<I18n['t']>((key, params) => translate(language, key, params), [language]);
  const localName = useCallback<I18n['localName']>(
    (named) => (language === 'zh' ? named.nameZh : named.nameEn),
    [language],
  );
  return useMemo(() => ({ language, setLanguage, t, localName }), [language, t, localName]);
}
