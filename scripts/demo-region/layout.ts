/**
 * The plan of the synthetic county town 峒江县城 (the shipped `demo` region): which community owns
 * each street block, where the river, bridges, schools, parks and hills are, and the figures each
 * community is calibrated to. Everything here is invented; it is data, read by the other modules.
 *
 * A lattice of 80 columns × 64 rows of 75 m cells (6 km × 4.8 km); the river fills cell rows 30
 * and 31 (block row 15), and lattice line 31 runs down its middle.
 */

import {
  site,
  type BridgePlan,
  type CommunityPlan,
  type SitePlan,
  type StreetPlan,
  type TownPlan,
} from './town-plan';

/** The only four river crossings: three road bridges on arterial lines and one footbridge. */
export const BRIDGES: readonly BridgePlan[] = [
  { column: 24, kind: 'road', name: '西门大桥' },
  { column: 40, kind: 'road', name: '峒江大桥' },
  { column: 51, kind: 'foot', name: '文昌人行桥' },
  { column: 64, kind: 'road', name: '东门大桥' },
];

/** South-west corner of the town, `[lon, lat]`; the town's centre lies near 28.28°N 109.72°E. */
export const ORIGIN_LON_LAT: [number, number] = [109.6895, 28.2585];

/** region.json of the shipped demo. */
export const REGION_META: TownPlan['region'] = {
  id: 'demo',
  name: '峒江县城（合成示例）',
  nameEn: 'Tongjiang county town (synthetic demo)',
  synthetic: true,
  /** Standards profile (core/standards/profiles.ts): the demo's rules were designed around Leshan's. */
  profile: 'leshan',
  /** CGCS2000 / 3-degree Gauss–Krüger CM 111°E. */
  metricSrid: 4546,
  attribution: null,
};

export const STREETS: readonly StreetPlan[] = [
  { id: 's-hebei', name: '河北街道', nameEn: 'Hebei Subdistrict', kind: 'street' },
  { id: 's-chengnan', name: '城南街道', nameEn: 'Chengnan Subdistrict', kind: 'street' },
  { id: 's-xincheng', name: '新城街道', nameEn: 'Xincheng Subdistrict', kind: 'street' },
  { id: 's-qingshan', name: '青山镇', nameEn: 'Qingshan Town', kind: 'township' },
];

/**
 * The 22 communities. Residents are calibrated to the bands of standards §1: one urban community
 * above 12 000 (滨江), one below 4 500 (书院), three fringe, two relocation (one under 800, one over
 * 2 000), one township-seat community, and five villages of which two pass the 村改居 test.
 */
// One community per line, so the plan reads as a table.
// prettier-ignore
export const COMMUNITIES: readonly CommunityPlan[] = [
  // 河北街道: the old town on the north bank.
  { code: 'A', id: 'c-binjiang', name: '滨江社区', short: '滨江', nameEn: 'Binjiang Community', type: 'urban', streetId: 's-hebei', residents: 13480, householdSize: 2.85, elderlyShare: 0.17, childrenShare: 0.14, estateShare: 0.7 },
  { code: 'B', id: 'c-wenchang', name: '文昌社区', short: '文昌', nameEn: 'Wenchang Community', type: 'urban', streetId: 's-hebei', residents: 7820, householdSize: 2.8, elderlyShare: 0.19, childrenShare: 0.13, estateShare: 0.3, namedFacilities: [{ category: 'culture_centre', name: '峒江县文化馆', floorAreaSquareMeters: 5200 }] },
  { code: 'C', id: 'c-gulou', name: '鼓楼社区', short: '鼓楼', nameEn: 'Gulou Community', type: 'urban', streetId: 's-hebei', residents: 7260, householdSize: 2.72, elderlyShare: 0.23, childrenShare: 0.11, estateShare: 0.1, streetSeat: true, gaps: { serviceFloorAreaSquareMeters: 420, smallPublicToiletSquareMeters: 24 } },
  { code: 'D', id: 'c-dongmen', name: '东门社区', short: '东门', nameEn: 'Dongmen Community', type: 'urban', streetId: 's-hebei', residents: 6930, householdSize: 2.8, elderlyShare: 0.2, childrenShare: 0.13, estateShare: 0.4 },
  { code: 'E', id: 'c-ximen', name: '西门社区', short: '西门', nameEn: 'Ximen Community', type: 'urban', streetId: 's-hebei', residents: 7410, householdSize: 2.78, elderlyShare: 0.21, childrenShare: 0.12, estateShare: 0.3 },
  { code: 'F', id: 'c-shuyuan', name: '书院社区', short: '书院', nameEn: 'Shuyuan Community', type: 'urban', streetId: 's-hebei', residents: 3790, householdSize: 2.8, elderlyShare: 0.22, childrenShare: 0.12, estateShare: 0.2 },
  { code: 'G', id: 'c-beishan', name: '北山社区', short: '北山', nameEn: 'Beishan Community', type: 'urban', streetId: 's-hebei', residents: 5640, householdSize: 2.9, elderlyShare: 0.24, childrenShare: 0.12, estateShare: 0.3 },
  { code: 'H', id: 'c-jiefang', name: '解放社区', short: '解放', nameEn: 'Jiefang Community', type: 'urban', streetId: 's-hebei', residents: 7570, householdSize: 2.8, elderlyShare: 0.2, childrenShare: 0.13, estateShare: 0.4 },
  { code: 'T', id: 'c-taoyuan', name: '桃源村', short: '桃源', nameEn: 'Taoyuan Village', type: 'village', streetId: 's-hebei', residents: 2310, householdSize: 3.1, elderlyShare: 0.22, childrenShare: 0.14, estateShare: 0, village: { developedShare: 0.27, hamletShare: 0.18, developmentProgress: 0.62, farmlandName: '耕地', developedName: '征收用地' } },
  // 城南街道: the urban–rural fringe and the relocation settlements on the south bank.
  { code: 'K', id: 'c-nanqiao', name: '南桥社区', short: '南桥', nameEn: 'Nanqiao Community', type: 'fringe', streetId: 's-chengnan', residents: 5180, householdSize: 2.95, elderlyShare: 0.16, childrenShare: 0.16, estateShare: 0.8 },
  { code: 'L', id: 'c-liutang', name: '柳塘社区', short: '柳塘', nameEn: 'Liutang Community', type: 'fringe', streetId: 's-chengnan', residents: 3620, householdSize: 3.0, elderlyShare: 0.17, childrenShare: 0.17, estateShare: 0.7, gaps: { noKindergartenWithinFiveMinutes: true } },
  { code: 'M', id: 'c-hongxing', name: '红星社区', short: '红星', nameEn: 'Hongxing Community', type: 'fringe', streetId: 's-chengnan', residents: 4790, householdSize: 2.9, elderlyShare: 0.16, childrenShare: 0.15, estateShare: 0.8, streetSeat: true },
  { code: 'R', id: 'c-yiminxincun', name: '移民新村社区', short: '移民新村', nameEn: 'Yiminxincun Community', type: 'relocation', streetId: 's-chengnan', residents: 2640, householdSize: 3.3, elderlyShare: 0.15, childrenShare: 0.18, estateShare: 1 },
  { code: 'S', id: 'c-anju', name: '安居社区', short: '安居', nameEn: 'Anju Community', type: 'relocation', streetId: 's-chengnan', residents: 610, householdSize: 3.2, elderlyShare: 0.18, childrenShare: 0.17, estateShare: 1, gaps: { shortOfStaff: { staff: 3, socialWorkers: 1, grids: 2, gridWorkers: 1 } } },
  // 新城街道: the new district on the south bank.
  { code: 'N', id: 'c-xinhua', name: '新华社区', short: '新华', nameEn: 'Xinhua Community', type: 'urban', streetId: 's-xincheng', residents: 7860, householdSize: 2.82, elderlyShare: 0.13, childrenShare: 0.15, estateShare: 1 },
  { code: 'P', id: 'c-jinqiao', name: '金桥社区', short: '金桥', nameEn: 'Jinqiao Community', type: 'urban', streetId: 's-xincheng', residents: 6840, householdSize: 2.76, elderlyShare: 0.13, childrenShare: 0.16, estateShare: 1, streetSeat: true },
  { code: 'Q', id: 'c-jinping', name: '锦屏社区', short: '锦屏', nameEn: 'Jinping Community', type: 'urban', streetId: 's-xincheng', residents: 6480, householdSize: 2.8, elderlyShare: 0.12, childrenShare: 0.17, estateShare: 1 },
  { code: 'U', id: 'c-shimen', name: '石门村', short: '石门', nameEn: 'Shimen Village', type: 'village', streetId: 's-xincheng', residents: 1890, householdSize: 3.1, elderlyShare: 0.2, childrenShare: 0.15, estateShare: 0, village: { developedShare: 0.46, hamletShare: 0.16, developmentProgress: 0.41, farmlandName: '耕地', developedName: '工业园区用地' } },
  // 青山镇: the township seat and its villages to the west.
  { code: 'Z', id: 'c-qingshan', name: '青山社区', short: '青山', nameEn: 'Qingshan Community', type: 'township', streetId: 's-qingshan', residents: 4320, householdSize: 2.95, elderlyShare: 0.2, childrenShare: 0.14, estateShare: 0.2, isTownshipSeat: true, streetSeat: true },
  { code: 'V', id: 'c-fengmu', name: '枫木村', short: '枫木', nameEn: 'Fengmu Village', type: 'village', streetId: 's-qingshan', residents: 1460, householdSize: 3.2, elderlyShare: 0.24, childrenShare: 0.13, estateShare: 0, village: { developedShare: 0.03, hamletShare: 0.14, developmentProgress: 0.08, farmlandName: '耕地', developedName: '建设用地' } },
  { code: 'W', id: 'c-longtan', name: '龙潭村', short: '龙潭', nameEn: 'Longtan Village', type: 'village', streetId: 's-qingshan', residents: 1720, householdSize: 3.15, elderlyShare: 0.23, childrenShare: 0.14, estateShare: 0, village: { developedShare: 0.05, hamletShare: 0.12, developmentProgress: 0.12, farmlandName: '耕地', developedName: '建设用地' } },
  { code: 'X', id: 'c-chayuan', name: '茶园村', short: '茶园', nameEn: 'Chayuan Village', type: 'village', streetId: 's-qingshan', residents: 980, householdSize: 3.2, elderlyShare: 0.26, childrenShare: 0.12, estateShare: 0, village: { developedShare: 0.02, hamletShare: 0.1, developmentProgress: 0.05, farmlandName: '茶园', developedName: '建设用地' } },
];

/**
 * Which community owns each street block (2 × 2 cells): one letter per block, first line the
 * northern edge, `~` the river. Drawn by hand so boundaries run along streets and look lived-in.
 */
export const COMMUNITY_MAP: readonly string[] = [
  'XXXXXXXXXXGGGGGGGGGGGHHHHHHHHHHHTTTTTTTT', // block row 31 (north)
  'XXXXXXXXXXGGGGGGGGGGGHHHHHHHHHHHTTTTTTTT',
  'XXXXXXXXXGGGGGGGGGGGGHHHHHHHHHHTTTTTTTTT',
  'XXXXXXXXXGGGGGGGGGGGGGHHHHHHHHHTTTTTTTTT',
  'XXXXXXXXVVGGGGGGGGGGGGHHHHHHHHHTTTTTTTTT',
  'XXXXXXXVVVGGGGGGGGGGGHHHHHHHHHHHTTTTTTTT',
  'XXXXXXVVVVGGGGGGFFFFFFHHHHHHHHHHTTTTTTTT',
  'XXXXXVVVVVGGGGGFFFFFFFHHHHHHHHHDTTTTTTTT',
  'VVVVVVVVVVEEEEEFFFFFFBBHHHHHHDDDTTTTTTTT',
  'VVVVZZZZVVEEEEEECCCCCBBBBBBBDDDDTTTTTTTT',
  'VVVZZZZZZVEEEEEECCCCCCBBBBBBDDDDDTTTTTTT',
  'VVZZZZZZZZEEEEEECCCCCCBBBBBBDDDDDTTTTTTT',
  'VVZZZZZZZZEEEEEEECCCCCCBBBBBDDDDDTTTTTTT',
  'VVVZZZZZZZEEEAAAAAAAAAAAAAAADDDDDTTTTTTT',
  'VVZZZZZZZZEEAAAAAAAAAAAAAAAAAADDDDTTTTTT',
  'VVVZZZZZZZEEAAAAAAAAAAAAAAAAAAADDDTTTTTT', // block row 16: the north bank
  '~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~', // block row 15: the river 峒江
  'WWWWWWWWWWKKKKKKKMMMMMMMNNNNNNPPPPPPUUUU', // block row 14: the south bank
  'WWWWWWWWWWKKKKKKKMMMMMMMNNNNNNPPPPPPUUUU',
  'WWWWWWWWWKKKKKKKKMMMMMMNNNNNNNPPPPPPPUUU',
  'WWWWWWWWWKKKKKKKMMMMMMMMNNNNNNPPPPPPPUUU',
  'WWWWWWWWWWKKKKKKMMMMMMMNNNNNNNPPPPPPUUUU',
  'WWWWWWWWWWLLLLLLRRRRRSSSNNNNNNPPPPPUUUUU',
  'WWWWWWWWWLLLLLLLRRRRRSSSQQQQQQQQUUUUUUUU',
  'WWWWWWWWWLLLLLLLRRRRRSSSQQQQQQQQUUUUUUUU',
  'WWWWWWWWLLLLLLLLRRRRRRRRQQQQQQQQQUUUUUUU',
  'WWWWWWWWLLLLLLLLRRRRRRRRQQQQQQQQQUUUUUUU',
  'WWWWWWWWWLLLLLLLRRRRRRRRQQQQQQQQUUUUUUUU',
  'WWWWWWWWWLLLLLLLLRRRRRRRUUUUUUUUUUUUUUUU',
  'WWWWWWWWWWLLLLLLLRRRRRRRUUUUUUUUUUUUUUUU',
  'WWWWWWWWWWLLLLLLLRRRRRRRUUUUUUUUUUUUUUUU',
  'WWWWWWWWWWLLLLLLRRRRRRRRUUUUUUUUUUUUUUUU', // block row 0 (south)
];

/**
 * Schools, parks, stadiums, commercial and public buildings, the hill above the old town, fringe
 * farmland and the relocation settlement's workshops.
 */
// prettier-ignore
export const SITES: readonly SitePlan[] = [
  // 河北街道
  site('riverside-park', '滨江公园', 'A', 14, 16, 13, 1),
  site('central-park', '人民公园', 'B', 24, 20, 2, 2),
  site('middle-school', '峒江县第一中学', 'E', 12, 21),
  site('middle-school', '峒江县民族中学', 'H', 27, 24),
  site('primary-school', '峒江县实验小学', 'C', 18, 20),
  site('primary-school', '滨江小学', 'A', 22, 17),
  site('primary-school', '东门小学', 'D', 30, 21),
  site('primary-school', '北山小学', 'G', 12, 25),
  site('primary-school', '桃源小学', 'T', 36, 20),
  site('sports-ground', '峒江县体育场', 'H', 24, 25, 2, 1),
  site('park', '鼓楼广场', 'C', 20, 22),
  site('park', '东门游园', 'D', 29, 18),
  site('park', '西门游园', 'E', 11, 23),
  site('park', '书院公园', 'F', 18, 24),
  site('park', '解放公园', 'H', 29, 26),
  site('hill', '北山林地', 'G', 9, 28, 23, 4),
  site('hill', '北山林地', 'H', 9, 28, 23, 4),
  site('commercial', '东门商业街', 'D', 29, 20),
  site('commercial', '西门老街', 'E', 13, 19),
  // 城南街道
  site('primary-school', '南桥小学', 'K', 13, 12),
  site('park', '南桥游园', 'K', 15, 13),
  site('middle-school', '峒江县第二中学', 'M', 20, 11),
  site('primary-school', '红星小学', 'M', 22, 13),
  site('park', '红星公园', 'M', 18, 12),
  site('primary-school', '柳塘小学', 'L', 11, 5),
  site('park', '柳塘游园', 'L', 12, 7),
  site('farmland', '柳塘耕地', 'L', 8, 0, 9, 4),
  site('primary-school', '移民新村小学', 'R', 18, 6),
  site('industrial', '扶贫产业园', 'R', 17, 2, 7, 3),
  site('farmland', '移民新村耕地', 'R', 16, 0, 8, 2),
  site('park', '安居广场', 'S', 22, 8),
  // 新城街道
  site('primary-school', '新华小学', 'N', 26, 12),
  site('park', '新城公园', 'N', 27, 10, 2, 1),
  site('middle-school', '峒江县实验中学', 'P', 33, 12),
  site('primary-school', '金桥小学', 'P', 31, 10),
  site('park', '金桥游园', 'P', 34, 13),
  site('primary-school', '锦屏小学', 'Q', 27, 5),
  site('park', '锦屏公园', 'Q', 30, 7),
  site('sports-ground', '新城体育中心', 'Q', 25, 4, 2, 1),
  site('commercial', '新城商务区', 'Q', 28, 6, 2, 1),
  // 青山镇
  site('primary-school', '青山镇中心小学', 'Z', 6, 19),
  site('middle-school', '青山镇中学', 'Z', 8, 21),
  site('park', '青山广场', 'Z', 5, 17),
  site('commercial', '青山镇政府', 'Z', 7, 18),
  site('primary-school', '龙潭小学', 'W', 4, 8),
];

/** The demo town as the generator takes it. */
export const DEMO_PLAN: TownPlan = {
  region: REGION_META,
  originLonLat: ORIGIN_LON_LAT,
  blockColumns: 40,
  blockRows: 32,
  riverCellRows: [30, 31],
  meander: [
    { amplitudeMeters: 130, wavelengthMeters: 2700, phase: 0.5 },
    { amplitudeMeters: 45, wavelengthMeters: 1150, phase: 2.1 },
  ],
  bridges: BRIDGES,
  streets: STREETS,
  communities: COMMUNITIES,
  communityMap: COMMUNITY_MAP,
  sites: SITES,
  water: {
    river: { id: 'w-tongjiang', name: '峒江' },
    pond: { id: 'w-renmin-pond', name: '人民公园荷花池' },
  },
  writesCommunityFigures: false,
};
