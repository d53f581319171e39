/**
 * What each importable layer holds: its fields (the region format's properties, see
 * data/geojson/README.md), their types, whether the file must supply them, the column names that
 * suggest them (Chinese, pinyin initials and English, as bureaus name their columns), and for coded
 * fields the words planners write for each code (幼儿园 → kindergarten).
 */
import { EDGE_CLASSES } from '../network/edge-classes.js';
import { HIGHWAY_RULES } from '../network/osm-walkable-ways.js';
import { DEFAULT_PERSONS_PER_HOUSEHOLD } from '../osm/buildings.js';
import {
  APPLICATION_TARGETS,
  SEAT_KINDS,
  STATION_PROVENANCES,
  SURVEYED_FIGURE_LIMITS as LIMITS,
  type ApplicationTarget,
  type SeatKind,
  type StationProvenance,
} from '../standards/community-figures.js';
import { COMMUNITY_TYPE_IDS, COMMUNITY_TYPES } from '../standards/community-types.js';
import { FACILITY_CATEGORIES, FACILITY_CATEGORY_IDS } from '../standards/facility-categories.js';

/** The layers an import writes; `network` is a road-centreline (or OSM) layer made into walking edges. */
export const IMPORT_LAYERS = ['streets', 'communities', 'units', 'facilities', 'network'] as const;
export type ImportLayer = (typeof IMPORT_LAYERS)[number];

/** The layers' Chinese names, as the wizard's layer choice shows them. */
export const LAYER_NAMES_ZH: Record<ImportLayer, string> = {
  streets: '街道/乡镇',
  communities: '社区',
  units: '人口单元',
  facilities: '公共服务设施',
  network: '道路网',
};

export function isImportLayer(value: unknown): value is ImportLayer {
  return typeof value === 'string' && (IMPORT_LAYERS as readonly string[]).includes(value);
}

export type FieldType = 'id' | 'text' | 'integer' | 'number' | 'share' | 'boolean' | 'code' | 'reference';

export interface CodeValue {
  id: string;
  /** Chinese and English names and other words that mean this code (compared case- and space-insensitively). */
  words: string[];
}

export interface LayerField {
  field: string;
  /** The field's Chinese name, as the wizard and the Chinese problem texts call it (e.g. 常住人口). */
  labelZh: string;
  type: FieldType;
  /**
   * `required`: the file must have it; `optional`: null when unmapped; `derived`: worked out when
   * unmapped (how is in `derivation`).
   */
  need: 'required' | 'optional' | 'derived';
  derivation?: string;
  /** `derivation` in Chinese. */
  derivationZh?: string;
  /** Column names that suggest this field, compared case-insensitively without spaces, _ and -. */
  synonyms: string[];
  /** The codes of a `code` field. */
  codes?: CodeValue[];
  /**
   * Largest value of an `integer` or `number` field: a larger one is a typing or unit mistake,
   * refused naming this limit (core/standards/community-figures.ts SURVEYED_FIGURE_LIMITS).
   */
  max?: number;
  description: string;
}

/** Pseudo-fields of tables (CSV, lone .dbf) that carry the geometry. */
export const GEOMETRY_FIELDS: LayerField[] = [
  {
    field: 'lon',
    labelZh: '经度',
    type: 'number',
    need: 'optional',
    synonyms: [
      'lon',
      'lng',
      'long',
      'longitude',
      'x',
      'xcoord',
      '经度',
      'jd',
      'gcjlng',
      'gcjlon',
      'bdlng',
      'wgslng',
      'wgs84lng',
      'wgslon',
      'wgs84lon',
    ],
    description: 'longitude (or easting) of a point',
  },
  {
    field: 'lat',
    labelZh: '纬度',
    type: 'number',
    need: 'optional',
    synonyms: ['lat', 'latitude', 'y', 'ycoord', '纬度', 'wd', 'gcjlat', 'bdlat', 'wgslat', 'wgs84lat'],
    description: 'latitude (or northing) of a point',
  },
  {
    field: 'lonLat',
    labelZh: '经纬度',
    type: 'text',
    need: 'optional',
    synonyms: ['lonlat', 'lnglat', 'location', 'coordinates', '坐标', '经纬度', 'zb'],
    description: '"lon,lat" in one column (as web-map pickers copy it)',
  },
  {
    field: 'wkt',
    labelZh: 'WKT 几何',
    type: 'text',
    need: 'optional',
    synonyms: ['wkt', 'geometry', 'geom', 'thegeom', 'shape', 'ewkt', '几何', '图形', '空间信息'],
    description: 'geometry as WKT (or EWKT with SRID)',
  },
];

const codeList = <Id extends string>(ids: readonly Id[], words: Record<Id, string[]>): CodeValue[] =>
  ids.map((id) => ({ id, words: [id, ...words[id]] }));

const CATEGORY_WORDS: Record<(typeof FACILITY_CATEGORY_IDS)[number], string[]> = {
  service_station: [
    '社区综合服务站',
    '社区服务站',
    '社区服务中心',
    '党群服务中心',
    '社区党群服务中心',
    '便民服务中心',
    '社区居委会',
    '居委会',
    '村委会',
  ],
  kindergarten: ['幼儿园', '幼稚园'],
  nursery: ['托儿所', '托育', '托育机构', '托育中心', '早教中心'],
  primary_school: ['小学', '完小', '中心小学'],
  middle_school: ['初中', '初级中学', '中学', '九年一贯制学校'],
  health_station: ['社区卫生服务站', '卫生服务站', '卫生室', '村卫生室', '诊所'],
  health_centre: ['社区卫生服务中心', '卫生服务中心', '卫生院', '乡镇卫生院'],
  elderly_day_care: [
    '老年人日间照料中心',
    '日间照料中心',
    '日照中心',
    '养老服务中心',
    '居家养老服务中心',
    '老年活动中心',
  ],
  supermarket: ['综合超市', '超市', '便利店'],
  fresh_market: ['菜市场', '农贸市场', '菜场'],
  fitness_ground: ['健身场地', '健身广场', '全民健身点', '健身点'],
  park: ['公园绿地/应急避难场所', '公园', '游园', '口袋公园', '应急避难场所', '绿地', '广场'],
  refuse_station: ['垃圾收集站', '垃圾站', '垃圾中转站', '垃圾收集点'],
  public_toilet: ['公共厕所', '公厕', '厕所'],
  parking: ['公共停车场', '停车场', '停车位'],
  culture_centre: ['文化活动中心', '文化活动站', '文化站', '文化中心', '综合文化站'],
  sports_ground: ['大型体育场地', '体育场', '体育馆', '运动场'],
  elderly_care_complex: ['社区养老服务综合体', '养老服务综合体', '养老综合体'],
  workers_rest_station: ['户外劳动者休息驿站', '劳动者驿站', '户外劳动者驿站'],
};
for (const id of FACILITY_CATEGORY_IDS)
  CATEGORY_WORDS[id].push(FACILITY_CATEGORIES[id].nameZh, FACILITY_CATEGORIES[id].nameEn);

const COMMUNITY_TYPE_WORDS: Record<(typeof COMMUNITY_TYPE_IDS)[number], string[]> = {
  urban: ['城市社区', '城区社区', '社区', '传统城区社区'],
  fringe: ['城乡结合部社区', '城乡结合部'],
  relocation: ['安置社区', '搬迁安置社区', '易地扶贫搬迁安置社区'],
  township: ['集镇社区', '镇区社区'],
  village: ['行政村', '村', '村委会'],
  rural: ['农村社区', '村改农村社区', '农村新型社区'],
  new: ['新成立社区', '新建社区', '新社区'],
};
for (const id of COMMUNITY_TYPE_IDS)
  COMMUNITY_TYPE_WORDS[id].push(COMMUNITY_TYPES[id].nameZh, COMMUNITY_TYPES[id].nameEn);

const STATION_PROVENANCE_WORDS: Record<StationProvenance, string[]> = {
  new: ['新建'],
  rebuilt: ['改建', '改扩建', '扩建', '改造'],
  bought: ['购置', '购买', '购房'],
  rented: ['租用', '租赁', '租房'],
};
const SEAT_KIND_WORDS: Record<SeatKind, string[]> = {
  'township-seat': ['乡镇政府驻地', '镇政府驻地', '乡政府驻地', '乡镇驻地'],
  'former-township-seat': ['原乡镇政府驻地', '撤并乡镇驻地', '原乡镇驻地'],
  'county-seat': ['县级人民政府驻地', '县政府驻地', '县城'],
};
// The column a 村改社区 application list carries (000: 申请改为城市社区 / 农村社区).
const APPLICATION_TARGET_WORDS: Record<ApplicationTarget, string[]> = {
  urban: ['城市社区', '申请改为城市社区', '改城市社区', '城市'],
  rural: ['农村社区', '申请改为农村社区', '改农村社区', '农村'],
};

const UNIT_KIND_IDS = ['estate', 'block', 'hamlet', 'open', 'building', 'grid'] as const;
const UNIT_KIND_WORDS: Record<(typeof UNIT_KIND_IDS)[number], string[]> = {
  estate: ['小区', '住宅小区', '居住小区', '楼盘'],
  block: ['居住街坊', '街坊', '片区', '院落'],
  hamlet: ['村民小组', '村民组', '组', '自然村'],
  open: ['非居住用地', '空地', '开敞空间'],
  building: ['楼栋', '建筑', '住宅楼'],
  grid: ['网格', '格网'],
};

const EDGE_CLASS_WORDS: Record<(typeof EDGE_CLASSES)[number], string[]> = {
  arterial: ['主干路', '主干道', '快速路', '国道', '省道', '干道', '主路'],
  street: ['次干路', '次干道', '支路', '城市道路', '街道', '县道', '乡道'],
  alley: ['巷', '小巷', '巷道', '胡同', '弄堂', '街巷', '内部道路', '小区道路'],
  footway: ['人行道', '步行道', '步道', '绿道', '游步道'],
  steps: ['台阶', '梯道', '阶梯'],
  track: ['机耕路', '田间道', '土路', '村道', '便道'],
};
// OSM highway values (a road layer exported from OSM keeps them in a "highway"/"fclass" column).
for (const [highway, rule] of Object.entries(HIGHWAY_RULES)) {
  if ('edgeClass' in rule) EDGE_CLASS_WORDS[rule.edgeClass].push(highway);
}

const STREET_KIND_CODES: CodeValue[] = [
  { id: 'street', words: ['street', '街道', '街道办事处', '街道办', 'subdistrict'] },
  { id: 'township', words: ['township', '镇', '乡', '乡镇', 'town'] },
];

const ID_SYNONYMS = [
  'id',
  'code',
  'bm',
  'bh',
  '编号',
  '编码',
  '代码',
  '标识码',
  '区划代码',
  '统计用区划代码',
];
const NAME_SYNONYMS = ['name', 'mc', 'title', '名称', '名字', 'xm'];

// Fields several layers have: what differs between layers (synonyms, need, derivation) is passed in.

/** The id field, numbered from the file name when unmapped; `entity` names it (`street` → "street id"). */
const idField = (entity: string, synonyms: string[]): LayerField => ({
  field: 'id',
  labelZh: '编号',
  type: 'id',
  need: 'derived',
  derivation: 'numbered from the file name when no column is mapped',
  derivationZh: '未对应文件列时按文件名自动编号',
  synonyms: [...ID_SYNONYMS, ...synonyms],
  description: `${entity} id`,
});

const nameField = (need: LayerField['need'], synonyms: string[], description: string): LayerField => ({
  field: 'name',
  labelZh: '名称',
  type: 'text',
  need,
  synonyms: [...NAME_SYNONYMS, ...synonyms],
  description,
});

const NAME_EN_FIELD: LayerField = {
  field: 'nameEn',
  labelZh: '英文名称',
  type: 'text',
  need: 'optional',
  synonyms: ['nameen', 'englishname', '英文名'],
  description: 'English name',
};

/** Residents; `localSynonyms` go between the common words and the pinyin initials (the order decides ties). */
const residentsField = (
  need: Pick<LayerField, 'need' | 'derivation' | 'derivationZh'>,
  localSynonyms: string[],
): LayerField => ({
  field: 'residents',
  labelZh: '常住人口',
  type: 'integer',
  max: LIMITS.residents,
  ...need,
  synonyms: [
    'residents',
    'population',
    'pop',
    '人口',
    '常住人口',
    '人口数',
    ...localSynonyms,
    'rk',
    'czrk',
    'rks',
  ],
  description: 'residents',
});

const householdsField = (derivation: string, derivationZh: string, synonyms: string[]): LayerField => ({
  field: 'households',
  labelZh: '户数',
  type: 'integer',
  max: LIMITS.residents,
  need: 'derived',
  derivation,
  derivationZh,
  synonyms,
  description: 'households',
});

const SUM_OF_UNITS = 'the sum of its units (0 while the region has none)';
const SUM_OF_UNITS_ZH = '其人口单元之和（区域还没有人口单元时为 0）';

const LAYER_FIELDS: Record<ImportLayer, LayerField[]> = {
  streets: [
    idField('street', ['streetid', '街道编号', '街道代码', '乡镇代码', 'xzqdm', 'xzdm']),
    nameField(
      'required',
      ['街道名称', '乡镇名称', '街道', '乡镇', 'xzqmc', 'xzmc', 'jdmc'],
      '街道/乡镇 name',
    ),
    NAME_EN_FIELD,
    {
      field: 'kind',
      labelZh: '类型（街道/乡镇）',
      type: 'code',
      need: 'derived',
      derivation: 'township when the name ends in 镇 or 乡, else street',
      derivationZh: '名称以“镇”或“乡”结尾的为乡镇，否则为街道',
      synonyms: ['kind', '类型', '类别', 'lx'],
      codes: STREET_KIND_CODES,
      description: 'street (街道) or township (镇/乡)',
    },
  ],
  communities: [
    idField('community', ['communityid', '社区编号', '社区代码', '村居代码', 'sqdm', 'cjdm']),
    nameField('required', ['社区名称', '村居名称', '社区', '村名', 'sqmc', 'cjmc'], '社区/村 name'),
    NAME_EN_FIELD,
    {
      field: 'type',
      labelZh: '社区类型',
      type: 'code',
      need: 'derived',
      derivation: 'urban when no column is mapped',
      derivationZh: '未对应文件列时为城市社区',
      synonyms: ['type', 'communitytype', '社区类型', '类型', 'sqlx', 'lx'],
      codes: codeList(COMMUNITY_TYPE_IDS, COMMUNITY_TYPE_WORDS),
      description: 'community type (standards §1)',
    },
    {
      field: 'streetId',
      labelZh: '所属街道',
      type: 'reference',
      need: 'derived',
      derivation: 'the street containing the community (its point on surface)',
      derivationZh: '社区所在的街道（按社区内部的一点判断）',
      synonyms: ['streetid', 'street', '所属街道', '街道', '街道编号', '乡镇', '所属乡镇', 'ssjd'],
      description: 'id or name of its street',
    },
    residentsField({ need: 'derived', derivation: SUM_OF_UNITS, derivationZh: SUM_OF_UNITS_ZH }, ['总人口']),
    householdsField(SUM_OF_UNITS, SUM_OF_UNITS_ZH, ['households', 'hh', '户数', '总户数', '常住户数', 'hs']),
    {
      field: 'serviceFloorAreaSquareMeters',
      labelZh: '社区服务用房面积',
      type: 'number',
      max: LIMITS.floorAreaSquareMeters,
      need: 'optional',
      synonyms: [
        'servicefloorareasquaremeters',
        'servicefloorarea',
        '服务用房面积',
        '用房面积',
        '服务站面积',
        '建筑面积',
      ],
      description: 'service floor area, m²',
    },
    {
      field: 'staff',
      labelZh: '社区工作者',
      type: 'integer',
      max: LIMITS.people,
      need: 'optional',
      synonyms: ['staff', '工作人员', '工作人员数', '人员', '编制'],
      description: 'staff',
    },
    {
      field: 'socialWorkers',
      labelZh: '持证社工',
      type: 'integer',
      max: LIMITS.people,
      need: 'optional',
      synonyms: ['socialworkers', '社工', '社工数', '专职社工'],
      description: 'social workers',
    },
    {
      field: 'grids',
      labelZh: '网格数',
      type: 'integer',
      max: LIMITS.grids,
      need: 'optional',
      synonyms: ['grids', '网格数', '网格'],
      description: 'grids (网格)',
    },
    {
      field: 'gridWorkers',
      labelZh: '专职网格员',
      type: 'integer',
      max: LIMITS.people,
      need: 'optional',
      synonyms: ['gridworkers', '网格员', '网格员数'],
      description: 'grid workers',
    },
    {
      field: 'agriculturalLandShare',
      labelZh: '农用地占比',
      type: 'share',
      need: 'optional',
      synonyms: ['agriculturallandshare', '农用地占比', '耕地占比'],
      description: 'share of agricultural land, 0–1 or %',
    },
    {
      field: 'developmentProgress',
      labelZh: '城市开发进度',
      type: 'share',
      need: 'optional',
      synonyms: ['developmentprogress', '开发进度', '城镇化进度'],
      description: 'development progress, 0–1 or %',
    },
    {
      field: 'isTownshipSeat',
      labelZh: '集镇所在地',
      type: 'boolean',
      need: 'optional',
      synonyms: ['istownshipseat', '是否镇政府驻地', '镇政府驻地', '驻地'],
      description: 'township seat (是/否)',
    },
    {
      field: 'stationProvenance',
      labelZh: '服务站来源',
      type: 'code',
      need: 'optional',
      synonyms: ['stationprovenance', '用房来源', '服务站来源', '用房性质', '建设方式'],
      codes: codeList(STATION_PROVENANCES, STATION_PROVENANCE_WORDS),
      description: 'how the service station was provided: new, rebuilt, bought, rented',
    },
    {
      field: 'activityFloorShare',
      labelZh: '居民活动用房占比',
      type: 'share',
      need: 'optional',
      synonyms: ['activityfloorshare', '活动用房占比', '居民活动用房占比', '活动空间占比'],
      description: 'resident activity space ÷ station floor area, 0–1 or %',
    },
    {
      field: 'commercialFloorShare',
      labelZh: '商业服务用房占比',
      type: 'share',
      need: 'optional',
      synonyms: ['commercialfloorshare', '商业服务用房占比', '商业服务业占比', '商业占比'],
      description: 'commerce and services ÷ the community’s total floor area, 0–1 or %',
    },
    {
      field: 'policeOfficers',
      labelZh: '社区民警',
      type: 'integer',
      max: LIMITS.people,
      need: 'optional',
      synonyms: ['policeofficers', '民警', '社区民警', '片警'],
      description: 'police officers assigned to the community',
    },
    {
      field: 'auxiliaryPoliceOfficers',
      labelZh: '社区辅警',
      type: 'integer',
      max: LIMITS.people,
      need: 'optional',
      synonyms: ['auxiliarypoliceofficers', '辅警', '社区辅警'],
      description: 'auxiliary police assigned to the community',
    },
    {
      field: 'openingHoursPerDay',
      labelZh: '每日开放时长',
      type: 'number',
      max: LIMITS.hoursPerDay,
      need: 'optional',
      synonyms: ['openinghoursperday', '开放时长', '每日开放时长', '开放时间'],
      description: 'hours a day the service station is open',
    },
    {
      field: 'parkingSpaces',
      labelZh: '停车位',
      type: 'integer',
      max: LIMITS.parkingSpaces,
      need: 'optional',
      synonyms: ['parkingspaces', '停车位', '车位', '车位数'],
      description: 'parking spaces',
    },
    {
      field: 'newResidentialArea',
      labelZh: '新建居住社区',
      type: 'boolean',
      need: 'optional',
      synonyms: ['newresidentialarea', '新建居住社区', '是否新建居住区', '新建小区'],
      description: 'a newly built residential area (是/否)',
    },
    {
      field: 'seatKind',
      labelZh: '驻地类型',
      type: 'code',
      need: 'optional',
      synonyms: ['seatkind', '驻地类型', '所在驻地'],
      codes: codeList(SEAT_KINDS, SEAT_KIND_WORDS),
      description: 'the seat a township community sits at: township seat, former township seat, county seat',
    },
    {
      field: 'applicationTarget',
      labelZh: '申请类型',
      type: 'code',
      need: 'optional',
      synonyms: ['applicationtarget', '申请类型', '村改社区类型', '申请改为', '拟改类型'],
      codes: codeList(APPLICATION_TARGETS, APPLICATION_TARGET_WORDS),
      description:
        'a village’s 村改社区 application: urban community (城市社区) or rural community (农村社区)',
    },
  ],
  units: [
    idField('unit', ['unitid', '小区编号', '小区代码']),
    nameField('optional', ['小区名称', '小区', '楼盘名称', 'xqmc'], 'estate (小区) or block name'),
    {
      field: 'kind',
      labelZh: '单元类型',
      type: 'code',
      need: 'derived',
      derivation: 'estate (小区) when no column is mapped',
      derivationZh: '未对应文件列时为小区',
      synonyms: ['kind', '类型', '类别', 'lx'],
      codes: codeList(UNIT_KIND_IDS, UNIT_KIND_WORDS),
      description: 'estate, block, hamlet, open, building or grid',
    },
    {
      field: 'communityId',
      labelZh: '所属社区',
      type: 'reference',
      need: 'derived',
      derivation: 'the community containing the unit (its point on surface)',
      derivationZh: '人口单元所在的社区（按单元内部的一点判断）',
      synonyms: ['communityid', 'community', '所属社区', '社区', '社区编号', '村居', 'sssq', 'sq'],
      description: 'id or name of its community',
    },
    residentsField({ need: 'required' }, ['居住人口', '人数']),
    householdsField(
      // The same persons per household as the OSM import.
      `residents ÷ ${DEFAULT_PERSONS_PER_HOUSEHOLD}, rounded, when no column is mapped`,
      `未对应文件列时为常住人口 ÷ ${DEFAULT_PERSONS_PER_HOUSEHOLD}，四舍五入`,
      ['households', 'hh', '户数', '住户数', '总户数', 'hs'],
    ),
    {
      field: 'elderly',
      labelZh: '老年人口（60 岁及以上）',
      type: 'integer',
      max: LIMITS.residents,
      need: 'optional',
      synonyms: ['elderly', '老年人', '老年人口', '60岁以上', '60岁及以上', '老人'],
      description: 'residents aged 60 and over',
    },
    {
      field: 'children',
      labelZh: '儿童人口',
      type: 'integer',
      max: LIMITS.residents,
      need: 'optional',
      synonyms: ['children', '儿童', '少儿', '0-14岁', '儿童人口'],
      description: 'children',
    },
    {
      field: 'estimated',
      labelZh: '是否估算',
      type: 'boolean',
      need: 'optional',
      synonyms: ['estimated', '估算', '是否估算'],
      description: 'residents estimated rather than counted',
    },
  ],
  facilities: [
    idField('facility', ['facilityid', 'poiid', 'uid', '设施编号']),
    nameField('required', ['设施名称', '单位名称', '机构名称', 'poi名称', 'sssmc'], 'facility name'),
    {
      field: 'category',
      labelZh: '设施类别',
      type: 'code',
      need: 'required',
      synonyms: [
        'category',
        'type',
        'kind',
        'class',
        '类别',
        '类型',
        '设施类型',
        '设施类别',
        '分类',
        'lb',
        'lx',
      ],
      codes: codeList(FACILITY_CATEGORY_IDS, CATEGORY_WORDS),
      description: 'facility category',
    },
    {
      field: 'communityId',
      labelZh: '所属社区',
      type: 'reference',
      need: 'derived',
      derivation: 'the community containing the facility, else none',
      derivationZh: '设施所在的社区，不在任何社区内则为空',
      synonyms: ['communityid', 'community', '所属社区', '社区', '社区编号', 'sssq'],
      description: 'id or name of its community',
    },
    {
      field: 'floorAreaSquareMeters',
      labelZh: '建筑面积',
      type: 'number',
      max: LIMITS.floorAreaSquareMeters,
      need: 'optional',
      synonyms: ['floorareasquaremeters', 'floorarea', 'area', '建筑面积', '面积', '用房面积', 'jzmj', 'mj'],
      description: 'floor area, m²',
    },
    {
      field: 'landAreaSquareMeters',
      labelZh: '用地面积',
      type: 'number',
      max: LIMITS.landAreaSquareMeters,
      need: 'optional',
      synonyms: ['landareasquaremeters', 'landarea', '用地面积', '占地面积', 'zdmj', 'ydmj'],
      description: 'land area, m² (a refuse-collection station’s site)',
    },
    {
      field: 'capacity',
      labelZh: '容量',
      type: 'integer',
      max: LIMITS.capacity,
      need: 'optional',
      synonyms: ['capacity', '规模', '容量', '床位', '床位数', '学位', '学位数', '班数'],
      description: 'capacity (places, beds)',
    },
  ],
  network: [
    {
      field: 'class',
      labelZh: '道路等级',
      type: 'code',
      need: 'derived',
      derivation: 'street when no column is mapped',
      derivationZh: '未对应文件列时为 street（街道）',
      synonyms: [
        'class',
        'highway',
        'fclass',
        'roadclass',
        '道路等级',
        '等级',
        '道路类型',
        '类型',
        'dldj',
        'lx',
      ],
      codes: codeList(EDGE_CLASSES, EDGE_CLASS_WORDS),
      description: 'arterial, street, alley, footway, steps or track',
    },
    {
      field: 'bridge',
      labelZh: '是否桥梁',
      type: 'boolean',
      need: 'optional',
      synonyms: ['bridge', '桥梁', '是否桥梁', '桥'],
      description: 'a bridge (是/否)',
    },
  ],
};

/** The fields of a layer, in the order the wizard lists them. */
export function layerFields(layer: ImportLayer): LayerField[] {
  return LAYER_FIELDS[layer];
}

/** The field of a layer or of the geometry pseudo-fields, by name. */
export function findField(layer: ImportLayer, field: string): LayerField | null {
  return (
    LAYER_FIELDS[layer].find((candidate) => candidate.field === field) ??
    GEOMETRY_FIELDS.find((candidate) => candidate.field === field) ??
    null
  );
}

/**
 * The Chinese name of a field of `layer` (or of the geometry pseudo-fields, or "几何" for the
 * geometry itself); without a layer, the first layer having the field names it. A field of no
 * layer keeps its own name.
 */
export function fieldLabelZh(field: string, layer: ImportLayer | null): string {
  if (field === 'geometry') return '几何';
  const found =
    (layer ? findField(layer, field) : null) ??
    GEOMETRY_FIELDS.find((candidate) => candidate.field === field) ??
    IMPORT_LAYERS.map((other) => findField(other, field)).find((candidate) => candidate !== null) ??
    null;
  return found?.labelZh ?? field;
}

/** The geometry a layer's features must have. */
export const LAYER_GEOMETRY: Record<ImportLayer, 'point' | 'polygon' | 'line'> = {
  streets: 'polygon',
  communities: 'polygon',
  units: 'polygon',
  facilities: 'point',
  network: 'line',
};

/** Compares words as the synonyms are written: lower case, without spaces, _ , - and full-width forms. */
export function normalizeWord(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-()（）]/g, '');
}

/** Each code's words as normalizeWord writes them, made once per code (a county's units ask for every row). */
const normalizedWords = new WeakMap<CodeValue, ReadonlySet<string>>();

/** The code a value names: its id, or one of the code's words; null when none matches. */
export function matchCode(codes: readonly CodeValue[], value: string): string | null {
  const word = normalizeWord(value);
  for (const code of codes) {
    let words = normalizedWords.get(code);
    if (!words) {
      words = new Set(code.words.map(normalizeWord));
      normalizedWords.set(code, words);
    }
    if (words.has(word)) return code.id;
  }
  return null;
}
