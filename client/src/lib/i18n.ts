/**
 * Interface strings, Chinese first (简体中文) with English available. Components never hold raw
 * strings: they call `t(key)` from `useI18n()`. The choice is remembered in localStorage.
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { LANGUAGE_STORAGE_KEY } from './config';

export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const zh = {
  'app.name': '生活圈',
  'app.nameLatin': 'Lifecircle',
  'app.tagline': '社区生活圈规划',
  'language.switch': 'English',
  'language.switchTitle': '切换到英文界面',
  'region.label': '区域',
  'region.synthetic': '合成示例数据 · Synthetic demo data',
  'region.syntheticHint': '本区域的名称与数字均为虚构，仅用于演示',
  'region.loading': '正在加载…',
  'region.none': '服务器上还没有区域数据',
  'layers.title': '图层',
  'layers.streets': '街道边界',
  'layers.communities': '社区',
  'layers.facilities': '公共服务设施',
  'layers.population': '人口分布',
  'layers.network': '步行网络',
  'layers.labels': '名称标注',
  'layers.loading': '加载中',
  'layers.count': '{n} 个',
  'population.dots': '人口点',
  'population.density': '人口密度',
  'legend.communityTypes': '社区类型',
  'legend.facilityCategories': '设施类别',
  'legend.density': '人口密度 (人/公顷)',
  'legend.dots': '人口单元常住人口 (人)',
  'legend.networkClasses': '道路等级',
  'legend.showAll': '全部显示',
  'legend.toggleCategory': '点击显示或隐藏此类别',
  'network.arterial': '主干路',
  'network.street': '支路',
  'network.alley': '巷道',
  'network.footway': '步行道',
  'network.steps': '台阶',
  'network.track': '机耕道',
  'panel.title': '属性',
  'panel.empty': '点击地图上的社区或设施，查看其属性。',
  'panel.close': '关闭',
  'panel.community': '社区',
  'panel.facility': '公共服务设施',
  'panel.facilitiesInCommunity': '社区内设施',
  'panel.noFacilities': '暂无设施',
  'field.name': '名称',
  'field.type': '类型',
  'field.street': '所属街道',
  'field.residents': '常住人口 (人)',
  'field.households': '户数 (户)',
  'field.serviceFloorArea': '社区服务用房面积 (m²)',
  'field.staff': '社区工作者 (人)',
  'field.socialWorkers': '持证社工 (人)',
  'field.grids': '网格数',
  'field.gridWorkers': '专职网格员 (人)',
  'field.agriculturalLandShare': '农用地占比 (%)',
  'field.developmentProgress': '城市开发进度 (%)',
  'field.townshipSeat': '集镇所在地',
  'field.units': '人口单元',
  'field.category': '类别',
  'field.tier': '生活圈层级',
  'field.community': '所属社区',
  'field.floorArea': '建筑面积 (m²)',
  'field.capacity': '容量',
  'value.yes': '是',
  'value.no': '否',
  'value.missing': '—',
  'tier.minutes': '{n} 分钟',
  'tier.none': '不适用',
  'band.title': '规模标准',
  'band.residents': '人口',
  'band.households': '户数',
  'band.residentsUnit': '人',
  'band.householdsUnit': '户',
  'band.within': '符合',
  'band.below': '低于下限',
  'band.above': '高于上限',
  'band.noRule': '该类型无规模要求',
  'band.source': '依据文件 {ids}',
  'band.between': '{min}–{max}',
  'band.atLeast': '≥ {min}',
  'band.atMost': '≤ {max}',
  'summary.title': '区域概况',
  'summary.streets': '街道/乡镇',
  'summary.communities': '社区',
  'summary.residents': '常住人口 (人)',
  'summary.households': '户数 (户)',
  'summary.facilities': '公共服务设施',
  'summary.byType': '按社区类型',
  'error.network': '无法连接服务器',
  'error.server': '服务器错误 {status}',
  'error.dismiss': '关闭提示',
  'error.repeated': '×{n}',
  'map.loading': '正在加载地图数据…',
  'map.noWebgl': '此浏览器无法显示地图（需要 WebGL2）。',
} as const;

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  'app.name': 'Lifecircle',
  'app.nameLatin': '生活圈',
  'app.tagline': 'Community life-circle planning',
  'language.switch': '中文',
  'language.switchTitle': 'Switch the interface to Chinese',
  'region.label': 'Region',
  'region.synthetic': 'Synthetic demo data · 合成示例数据',
  'region.syntheticHint': 'Every name and number in this region is invented for demonstration',
  'region.loading': 'Loading…',
  'region.none': 'The server holds no regions yet',
  'layers.title': 'Layers',
  'layers.streets': 'Street boundaries',
  'layers.communities': 'Communities',
  'layers.facilities': 'Facilities',
  'layers.population': 'Population',
  'layers.network': 'Walking network',
  'layers.labels': 'Labels',
  'layers.loading': 'loading',
  'layers.count': '{n}',
  'population.dots': 'Dots',
  'population.density': 'Density',
  'legend.communityTypes': 'Community types',
  'legend.facilityCategories': 'Facility categories',
  'legend.density': 'Population density (residents/ha)',
  'legend.dots': 'Residents per unit',
  'legend.networkClasses': 'Path classes',
  'legend.showAll': 'Show all',
  'legend.toggleCategory': 'Click to show or hide this category',
  'network.arterial': 'Arterial road',
  'network.street': 'Street',
  'network.alley': 'Alley',
  'network.footway': 'Footway',
  'network.steps': 'Steps',
  'network.track': 'Track',
  'panel.title': 'Attributes',
  'panel.empty': 'Click a community or facility on the map to see its attributes.',
  'panel.close': 'Close',
  'panel.community': 'Community',
  'panel.facility': 'Facility',
  'panel.facilitiesInCommunity': 'Facilities in this community',
  'panel.noFacilities': 'No facilities',
  'field.name': 'Name',
  'field.type': 'Type',
  'field.street': 'Street',
  'field.residents': 'Residents',
  'field.households': 'Households',
  'field.serviceFloorArea': 'Service floor area (m²)',
  'field.staff': 'Community workers',
  'field.socialWorkers': 'Licensed social workers',
  'field.grids': 'Grids',
  'field.gridWorkers': 'Full-time grid workers',
  'field.agriculturalLandShare': 'Agricultural land share (%)',
  'field.developmentProgress': 'Urban development progress (%)',
  'field.townshipSeat': 'Township seat',
  'field.units': 'Population units',
  'field.category': 'Category',
  'field.tier': 'Life-circle tier',
  'field.community': 'Community',
  'field.floorArea': 'Floor area (m²)',
  'field.capacity': 'Capacity',
  'value.yes': 'Yes',
  'value.no': 'No',
  'value.missing': '—',
  'tier.minutes': '{n} min',
  'tier.none': 'n/a',
  'band.title': 'Size standard',
  'band.residents': 'Residents',
  'band.households': 'Households',
  'band.residentsUnit': 'residents',
  'band.householdsUnit': 'households',
  'band.within': 'Within',
  'band.below': 'Below',
  'band.above': 'Above',
  'band.noRule': 'No size rule for this type',
  'band.source': 'Source: document {ids}',
  'band.between': '{min}–{max}',
  'band.atLeast': '≥ {min}',
  'band.atMost': '≤ {max}',
  'summary.title': 'Region summary',
  'summary.streets': 'Streets/townships',
  'summary.communities': 'Communities',
  'summary.residents': 'Residents',
  'summary.households': 'Households',
  'summary.facilities': 'Facilities',
  'summary.byType': 'By community type',
  'error.network': 'Cannot reach the server',
  'error.server': 'Server error {status}',
  'error.dismiss': 'Dismiss',
  'error.repeated': '×{n}',
  'map.loading': 'Loading map data…',
  'map.noWebgl': 'This browser cannot show the map (WebGL2 is required).',
};

const MESSAGES: Record<Language, Record<MessageKey, string>> = { zh, en };

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
