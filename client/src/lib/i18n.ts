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
  'sidebar.tabs': '侧栏',
  'sidebar.layers': '图层',
  'sidebar.accessibility': '可达性分析',
  'access.title': '可达性分析',
  'access.views': '分析内容',
  'access.view.isochrones': '等时圈',
  'access.view.coverage': '覆盖与热力图',
  'access.profile': '步行速度',
  'access.profile.adult': '成人',
  'access.profile.elderly': '老年人',
  'access.profile.custom': '自定义',
  'access.speedValue': '{speed} m/s',
  'access.speedPerMinute': '约 {meters} 米/分钟',
  'access.speedInput': '步行速度 (m/s)',
  'access.speedProblem': '步行速度须在 {min}–{max} m/s 之间',
  'access.minutes': '时间 (分钟)',
  'access.minutesHint': '以逗号分隔，最多 12 个，每个不超过 60 分钟',
  'access.minutes.empty': '请至少输入一个分钟数',
  'access.minutes.notNumber': '“{token}” 不是数字',
  'access.minutes.outOfRange': '“{token}” 超出范围：须大于 0 且不超过 60 分钟',
  'access.minutes.tooMany': '最多 12 个分钟数',
  'access.method': '计算方法',
  'access.method.network': '网络等时圈',
  'access.method.radius': '服务半径',
  'access.method.compare': '对比',
  'access.clickHint': '点击地图上的设施或任意位置，计算步行等时圈。',
  'access.origin': '起点',
  'access.originPoint': '地图上的点',
  'access.clear': '清除',
  'access.fit': '缩放至结果',
  'access.computing': '正在计算…',
  'access.band': '时间',
  'access.bandRange': '{from}–{to} 分钟',
  'access.residents': '人口',
  'access.households': '户数',
  'access.elderly': '老年人',
  'access.total': '{minutes} 分钟内合计',
  'access.radiusNote': '服务半径按 GB 50180 取 5/10/15 分钟 = 300/500/1000 米，其他时间按步行速度折算；人口按直线距离统计。',
  'access.networkNote': '人口按各人口单元沿步行网络的实际步行时间统计。',
  'access.compare.within': '分钟内',
  'access.compare.network': '网络',
  'access.compare.radius': '半径',
  'access.compare.overstated': '半径多算',
  'access.compare.note': '虚线为服务半径。直线半径忽略河流、围墙和绕行，{minutes} 分钟内多算 {extra} 人（{share}）。',
  'access.compare.noteSame': '虚线为服务半径。直线半径忽略河流、围墙和绕行。',
  'access.estimated': '估算',
  'access.estimatedHint': '部分人口单元的人口为估算值（由建筑轮廓推算）',
  'access.subject': '设施类别',
  'access.subjectPlaceholder': '选择设施类别…',
  'access.subject.completeness': '生活圈完整度',
  'access.subjectOption': '{name} · {minutes} 分钟',
  'access.cellSize': '网格大小',
  'access.tier': '生活圈层级',
  'access.tierMinutes': '{n} 分钟',
  'access.tierDefault': '标准默认：{n} 分钟（GB 50180-2018）',
  'access.tierReset': '恢复默认层级',
  'access.cellMeters': '{n} 米',
  'access.legend.travelTime': '步行至最近{name}的时间 (分钟)',
  'access.legend.completeness': '在各自生活圈层级内可达的设施类别数 (共 {n} 类)',
  'access.legend.unreachable': '60 分钟以上或远离步行网络',
  'access.legend.offNetwork': '远离步行网络',
  'access.legend.tier': '生活圈层级：{n} 分钟',
  'access.coverage': '覆盖率',
  'access.coverageRegion': '全区 {minutes} 分钟覆盖率',
  'access.uncovered': '未覆盖人口单元',
  'access.uncoveredValue': '{units} 个单元 · {residents} 人',
  'access.showUncovered': '在地图上标出',
  'access.uncoveredHint': '红色标出 {minutes} 分钟内步行到不了{name}的人口单元。',
  'access.coverageTable': '各社区覆盖率（由低到高）',
  'access.coverageCategories': '各类设施全区覆盖率（由低到高）',
  'access.coverageRowHint': '点击定位到该社区',
  'access.categoryRowHint': '点击查看该类设施的热力图',
  'access.community': '社区',
  'access.share': '覆盖率',
  'access.noResidents': '无常住人口',
  'access.heatmapHint': '选择设施类别，查看步行时间热力图、覆盖率和未覆盖的人口单元。',
  'access.tooltipMinutes': '步行 {minutes} 分钟',
  'access.tooltipReached': '层级内可达 {reached}/{n} 类设施',
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
  'sidebar.tabs': 'Sidebar',
  'sidebar.layers': 'Layers',
  'sidebar.accessibility': 'Accessibility',
  'access.title': 'Accessibility',
  'access.views': 'Analysis',
  'access.view.isochrones': 'Isochrones',
  'access.view.coverage': 'Coverage & heat map',
  'access.profile': 'Walking speed',
  'access.profile.adult': 'Adult',
  'access.profile.elderly': 'Elderly',
  'access.profile.custom': 'Custom',
  'access.speedValue': '{speed} m/s',
  'access.speedPerMinute': 'about {meters} m per minute',
  'access.speedInput': 'Walking speed (m/s)',
  'access.speedProblem': 'Walking speed must be between {min} and {max} m/s',
  'access.minutes': 'Minutes',
  'access.minutesHint': 'Comma-separated, at most 12, each up to 60 minutes',
  'access.minutes.empty': 'Enter at least one number of minutes',
  'access.minutes.notNumber': '"{token}" is not a number',
  'access.minutes.outOfRange': '"{token}" is out of range: more than 0 and at most 60 minutes',
  'access.minutes.tooMany': 'At most 12 values',
  'access.method': 'Method',
  'access.method.network': 'Network isochrones',
  'access.method.radius': 'Service radii',
  'access.method.compare': 'Compare',
  'access.clickHint': 'Click a facility or anywhere on the map to compute walking isochrones.',
  'access.origin': 'Origin',
  'access.originPoint': 'Point on the map',
  'access.clear': 'Clear',
  'access.fit': 'Zoom to the result',
  'access.computing': 'Computing…',
  'access.band': 'Time',
  'access.bandRange': '{from}–{to} min',
  'access.residents': 'Residents',
  'access.households': 'Households',
  'access.elderly': 'Elderly',
  'access.total': 'Total within {minutes} min',
  'access.radiusNote': 'Service radii follow GB 50180: 5/10/15 minutes = 300/500/1000 m, other times at the walking speed; residents counted by straight-line distance.',
  'access.networkNote': "Residents counted from each unit's own walking time along the network.",
  'access.compare.within': 'Within (min)',
  'access.compare.network': 'Network',
  'access.compare.radius': 'Radius',
  'access.compare.overstated': 'Radius over',
  'access.compare.note': 'Dashed: service radii. A straight-line radius ignores rivers, walls and detours: within {minutes} min it counts {extra} residents too many ({share}).',
  'access.compare.noteSame': 'Dashed: service radii. A straight-line radius ignores rivers, walls and detours.',
  'access.estimated': 'estimated',
  'access.estimatedHint': "Some units' residents are estimated (from building footprints)",
  'access.subject': 'Facility category',
  'access.subjectPlaceholder': 'Choose a category…',
  'access.subject.completeness': 'Life-circle completeness',
  'access.subjectOption': '{name} · {minutes} min',
  'access.cellSize': 'Cell size',
  'access.tier': 'Life-circle tier',
  'access.tierMinutes': '{n} min',
  'access.tierDefault': 'Standard default: {n} min (GB 50180-2018)',
  'access.tierReset': 'Restore default tiers',
  'access.cellMeters': '{n} m',
  'access.legend.travelTime': 'Walking minutes to the nearest {name}',
  'access.legend.completeness': 'Categories reached within their tiers ({n} in all)',
  'access.legend.unreachable': 'Over 60 min or away from the network',
  'access.legend.offNetwork': 'Away from the walking network',
  'access.legend.tier': 'Life-circle tier: {n} min',
  'access.coverage': 'Coverage',
  'access.coverageRegion': 'Region coverage within {minutes} min',
  'access.uncovered': 'Uncovered units',
  'access.uncoveredValue': '{units} units · {residents} residents',
  'access.showUncovered': 'Show on the map',
  'access.uncoveredHint': 'In red: units whose residents cannot walk to a {name} within {minutes} min.',
  'access.coverageTable': 'Coverage by community (lowest first)',
  'access.coverageCategories': 'Region coverage by category (lowest first)',
  'access.coverageRowHint': 'Click to zoom to this community',
  'access.categoryRowHint': "Click to see this category's heat map",
  'access.community': 'Community',
  'access.share': 'Coverage',
  'access.noResidents': 'no residents',
  'access.heatmapHint': 'Choose a category to see walking times, coverage and the uncovered units.',
  'access.tooltipMinutes': '{minutes} min walk',
  'access.tooltipReached': '{reached} of {n} categories within their tiers',
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
