/**
 * The plan of the synthetic `jishou-demo` region: 吉首市's 村改社区 case of seed 000
 * (《吉首市“十四五”城市社区发展规划》 四、3). Its four streets and three townships and the 24 villages
 * that applied to become communities carry their real names, each village in the street or township
 * the plan names, with what it applied to become (17 城市社区, 7 农村社区) as data. Everything else —
 * the other communities' names, every boundary, population, facility and figure — is invented.
 *
 * A lattice of 72 columns × 56 rows of 75 m cells (5.4 km × 4.2 km, smaller than the demo); the
 * river 峒河 fills cell rows 26 and 27 (block row 13). The old town (峒河, 石家冲, 双塘) lies on the
 * north bank with 太平镇 in the hills to its north-west; 乾州's new town lies on the south bank
 * between 己略乡 to the west and 河溪镇 to the east.
 *
 * Gaps are deliberate, as Jishou's applicants have them: six applicants have no service station, five
 * a station well under the floor area their target asks, three a station whose floor area nobody
 * measured, four too few workers and two no staff figures at all; most have no development-progress
 * figure and six no agricultural-land share, so the 村改居 test is often undetermined.
 */

import {
  site,
  type BridgePlan,
  type CommunityPlan,
  type SitePlan,
  type StreetPlan,
  type TownPlan,
} from './town-plan';

/** Source of the real names, and what is invented (region.json `source`). */
const SOURCE =
  '合成示例：街道、乡镇及24个申请“村改社区”的村名取自《吉首市“十四五”城市社区发展规划》（吉民发〔2021〕48号）四、3；' +
  '其余社区名称与全部边界、人口、设施和数字均为虚构。Synthetic: the streets, townships and the 24 villages applying ' +
  'for 村改社区 are named as in seed 000 (Jishou, section 四、3); every other name, boundary and figure is invented.';

/**
 * The villages of 000 四、3 that applied for 村改社区, by street or township: 17 to become urban
 * communities (城市社区), 7 rural communities (农村社区). The plan's communities must match it.
 */
export const JISHOU_APPLICANTS: readonly {
  street: string;
  urban: readonly string[];
  rural: readonly string[];
}[] = [
  { street: '峒河街道', urban: ['望江坳村', '上佬村', '振武营村', '合群村'], rural: [] },
  { street: '石家冲街道', urban: ['寨阳村', '曙光村'], rural: [] },
  { street: '双塘街道', urban: ['汇祥村', '兴田村', '联合村', '荫上村'], rural: [] },
  {
    street: '乾州街道',
    urban: ['小庄村', '吉庄村', '大庭村', '树岩桥村', '金坪村', '三岔坪村', '西门口村'],
    rural: [],
  },
  { street: '太平镇', urban: [], rural: ['排吼村', '太平村'] },
  { street: '己略乡', urban: [], rural: ['龙舞村'] },
  { street: '河溪镇', urban: [], rural: ['马鞍村', '阿娜村', '张排村', '持久村'] },
];

export const JISHOU_STREETS: readonly StreetPlan[] = [
  { id: 's-donghe', name: '峒河街道', nameEn: 'Donghe Subdistrict', kind: 'street' },
  { id: 's-shijiachong', name: '石家冲街道', nameEn: 'Shijiachong Subdistrict', kind: 'street' },
  { id: 's-shuangtang', name: '双塘街道', nameEn: 'Shuangtang Subdistrict', kind: 'street' },
  { id: 's-qianzhou', name: '乾州街道', nameEn: 'Qianzhou Subdistrict', kind: 'street' },
  { id: 's-taiping', name: '太平镇', nameEn: 'Taiping Town', kind: 'township' },
  { id: 's-jilue', name: '己略乡', nameEn: 'Jilüe Township', kind: 'township' },
  { id: 's-hexi', name: '河溪镇', nameEn: 'Hexi Town', kind: 'township' },
];

/**
 * The 40 communities: the 24 applicant villages, two villages that did not apply, eleven urban
 * communities (two of them fringe), and three township communities — two at a township seat, one
 * at the seat of a township merged away (撤乡并村, 2015–2016).
 */
// One community per line, so the plan reads as a table.
// prettier-ignore
export const JISHOU_COMMUNITIES: readonly CommunityPlan[] = [
  // 峒河街道: the old town on the north bank, and four applicants to become urban communities.
  { code: 'm', id: 'c-hebin', name: '河滨社区', short: '河滨', nameEn: 'Hebin Community', type: 'urban', streetId: 's-donghe', residents: 8240, householdSize: 2.9, elderlyShare: 0.19, childrenShare: 0.14, estateShare: 0.6, figures: { stationProvenance: 'new', activityFloorShare: 0.66, commercialFloorShare: 0.14, parkingSpaces: 2100 } },
  { code: 'n', id: 'c-wenhua', name: '文华社区', short: '文华', nameEn: 'Wenhua Community', type: 'urban', streetId: 's-donghe', residents: 8870, householdSize: 2.85, elderlyShare: 0.2, childrenShare: 0.14, estateShare: 0.4, figures: { stationProvenance: 'rebuilt', activityFloorShare: 0.58, commercialFloorShare: 0.11 } },
  { code: 'o', id: 'c-guloping', name: '鼓楼坪社区', short: '鼓楼坪', nameEn: 'Guloping Community', type: 'urban', streetId: 's-donghe', residents: 7930, householdSize: 2.75, elderlyShare: 0.23, childrenShare: 0.12, estateShare: 0.2, streetSeat: true, gaps: { serviceFloorAreaSquareMeters: 480, smallPublicToiletSquareMeters: 22 } },
  { code: 'i', id: 'c-wangjiangao', name: '望江坳村', short: '望江坳', nameEn: 'Wangjiangao Village', type: 'village', streetId: 's-donghe', residents: 2860, householdSize: 3.1, elderlyShare: 0.2, childrenShare: 0.16, estateShare: 0, village: { developedShare: 0.34, hamletShare: 0.18, developmentProgress: 0.35, farmlandName: '耕地', developedName: '征收用地' }, figures: { applicationTarget: 'urban', stationProvenance: 'rented', activityFloorShare: 0.45 }, gaps: { serviceFloorAreaSquareMeters: 320 } },
  { code: 'j', id: 'c-shanglao', name: '上佬村', short: '上佬', nameEn: 'Shanglao Village', type: 'village', streetId: 's-donghe', residents: 2240, householdSize: 3.15, elderlyShare: 0.21, childrenShare: 0.15, estateShare: 0, village: { developedShare: 0.28, hamletShare: 0.17, developmentProgress: null, farmlandName: '耕地', developedName: '征收用地' }, figures: { applicationTarget: 'urban' }, gaps: { noServiceStation: true, missingCategories: ['kindergarten'] } },
  { code: 'k', id: 'c-zhenwuying', name: '振武营村', short: '振武营', nameEn: 'Zhenwuying Village', type: 'village', streetId: 's-donghe', residents: 1760, householdSize: 3.2, elderlyShare: 0.22, childrenShare: 0.15, estateShare: 0, village: { developedShare: 0.22, hamletShare: 0.16, developmentProgress: null, agriculturalLandShareKnown: false, farmlandName: '耕地', developedName: '建设用地' }, figures: { applicationTarget: 'urban' }, gaps: { shortOfStaff: { staff: 3, socialWorkers: 0, grids: 2, gridWorkers: 1 } } },
  { code: 'l', id: 'c-hequn', name: '合群村', short: '合群', nameEn: 'Hequn Village', type: 'village', streetId: 's-donghe', residents: 3120, householdSize: 3.05, elderlyShare: 0.18, childrenShare: 0.16, estateShare: 0, village: { developedShare: 0.46, hamletShare: 0.22, developmentProgress: 0.7, farmlandName: '菜地', developedName: '征收用地' }, figures: { applicationTarget: 'urban', stationProvenance: 'new', activityFloorShare: 0.65, commercialFloorShare: 0.13, parkingSpaces: 640 }, gaps: { serviceFloorAreaSquareMeters: 650 } },
  // 石家冲街道: the north-western edge of town, two applicants.
  { code: 'g', id: 'c-yunling', name: '云岭社区', short: '云岭', nameEn: 'Yunling Community', type: 'urban', streetId: 's-shijiachong', residents: 6820, householdSize: 2.85, elderlyShare: 0.18, childrenShare: 0.15, estateShare: 0.5, streetSeat: true, figures: { stationProvenance: 'bought', activityFloorShare: 0.62 } },
  { code: 'h', id: 'c-qinggang', name: '青岗社区', short: '青岗', nameEn: 'Qinggang Community', type: 'urban', streetId: 's-shijiachong', residents: 5460, householdSize: 2.9, elderlyShare: 0.17, childrenShare: 0.16, estateShare: 0.6 },
  { code: 'e', id: 'c-zhaiyang', name: '寨阳村', short: '寨阳', nameEn: 'Zhaiyang Village', type: 'village', streetId: 's-shijiachong', residents: 2480, householdSize: 3.15, elderlyShare: 0.21, childrenShare: 0.15, estateShare: 0, village: { developedShare: 0.25, hamletShare: 0.16, developmentProgress: null, farmlandName: '耕地', developedName: '建设用地' }, figures: { applicationTarget: 'urban', stationProvenance: 'bought' }, gaps: { serviceFloorAreaSquareMeters: null } },
  { code: 'f', id: 'c-shuguang', name: '曙光村', short: '曙光', nameEn: 'Shuguang Village', type: 'village', streetId: 's-shijiachong', residents: 1980, householdSize: 3.2, elderlyShare: 0.23, childrenShare: 0.14, estateShare: 0, village: { developedShare: 0.12, hamletShare: 0.2, developmentProgress: null, farmlandName: '耕地', developedName: '建设用地' }, figures: { applicationTarget: 'urban' }, gaps: { staffUnknown: true, missingCategories: ['public_toilet', 'refuse_station'] } },
  // 双塘街道: the north-eastern edge of town, four applicants.
  { code: 't', id: 'c-fenglin', name: '枫林社区', short: '枫林', nameEn: 'Fenglin Community', type: 'urban', streetId: 's-shuangtang', residents: 7240, householdSize: 2.85, elderlyShare: 0.17, childrenShare: 0.15, estateShare: 0.7, streetSeat: true, figures: { stationProvenance: 'rebuilt', commercialFloorShare: 0.12, parkingSpaces: 2700 } },
  { code: 'u', id: 'c-tangwan', name: '塘湾社区', short: '塘湾', nameEn: 'Tangwan Community', type: 'fringe', streetId: 's-shuangtang', residents: 4350, householdSize: 2.95, elderlyShare: 0.16, childrenShare: 0.17, estateShare: 0.7, gaps: { missingCategories: ['parking'] } },
  { code: 'p', id: 'c-huixiang', name: '汇祥村', short: '汇祥', nameEn: 'Huixiang Village', type: 'village', streetId: 's-shuangtang', residents: 2670, householdSize: 3.1, elderlyShare: 0.19, childrenShare: 0.16, estateShare: 0, village: { developedShare: 0.38, hamletShare: 0.17, developmentProgress: 0.55, farmlandName: '耕地', developedName: '征收用地' }, figures: { applicationTarget: 'urban', stationProvenance: 'rebuilt', activityFloorShare: 0.6 }, gaps: { serviceFloorAreaSquareMeters: 450 } },
  { code: 'q', id: 'c-xingtian', name: '兴田村', short: '兴田', nameEn: 'Xingtian Village', type: 'village', streetId: 's-shuangtang', residents: 1890, householdSize: 3.2, elderlyShare: 0.22, childrenShare: 0.15, estateShare: 0, village: { developedShare: 0.15, hamletShare: 0.15, developmentProgress: null, agriculturalLandShareKnown: false, farmlandName: '耕地', developedName: '建设用地' }, figures: { applicationTarget: 'urban' }, gaps: { noServiceStation: true, missingCategories: ['supermarket'] } },
  { code: 'r', id: 'c-lianhe', name: '联合村', short: '联合', nameEn: 'Lianhe Village', type: 'village', streetId: 's-shuangtang', residents: 2310, householdSize: 3.1, elderlyShare: 0.2, childrenShare: 0.16, estateShare: 0, village: { developedShare: 0.3, hamletShare: 0.16, developmentProgress: null, farmlandName: '耕地', developedName: '征收用地' }, figures: { applicationTarget: 'urban', stationProvenance: 'new' } },
  { code: 's', id: 'c-yinshang', name: '荫上村', short: '荫上', nameEn: 'Yinshang Village', type: 'village', streetId: 's-shuangtang', residents: 1580, householdSize: 3.2, elderlyShare: 0.24, childrenShare: 0.14, estateShare: 0, village: { developedShare: 0.1, hamletShare: 0.12, developmentProgress: null, farmlandName: '耕地', developedName: '建设用地' }, figures: { applicationTarget: 'urban' }, gaps: { shortOfStaff: { staff: 2, socialWorkers: 0, grids: 2, gridWorkers: 0 }, missingCategories: ['fitness_ground'] } },
  // 乾州街道: the new town on the south bank (the 高铁新城 of 000), seven applicants.
  { code: 'H', id: 'c-qianyuan', name: '乾元社区', short: '乾元', nameEn: 'Qianyuan Community', type: 'urban', streetId: 's-qianzhou', residents: 8460, householdSize: 2.8, elderlyShare: 0.14, childrenShare: 0.17, estateShare: 1, streetSeat: true, figures: { stationProvenance: 'new', activityFloorShare: 0.7, commercialFloorShare: 0.15, parkingSpaces: 3200 } },
  { code: 'I', id: 'c-jinhua', name: '锦华社区', short: '锦华', nameEn: 'Jinhua Community', type: 'urban', streetId: 's-qianzhou', residents: 7680, householdSize: 2.8, elderlyShare: 0.15, childrenShare: 0.16, estateShare: 0.9, figures: { stationProvenance: 'rented', activityFloorShare: 0.52, commercialFloorShare: 0.09 } },
  { code: 'K', id: 'c-jiahe', name: '嘉禾社区', short: '嘉禾', nameEn: 'Jiahe Community', type: 'urban', streetId: 's-qianzhou', residents: 6950, householdSize: 2.8, elderlyShare: 0.14, childrenShare: 0.17, estateShare: 1 },
  { code: 'J', id: 'c-zhanqian', name: '站前社区', short: '站前', nameEn: 'Zhanqian Community', type: 'fringe', streetId: 's-qianzhou', residents: 4120, householdSize: 2.9, elderlyShare: 0.13, childrenShare: 0.18, estateShare: 0.8, figures: { stationProvenance: 'new', activityFloorShare: 0.61, parkingSpaces: 1500 } },
  { code: 'A', id: 'c-xiaozhuang', name: '小庄村', short: '小庄', nameEn: 'Xiaozhuang Village', type: 'village', streetId: 's-qianzhou', residents: 2940, householdSize: 3.05, elderlyShare: 0.18, childrenShare: 0.17, estateShare: 0, village: { developedShare: 0.44, hamletShare: 0.18, developmentProgress: 0.62, farmlandName: '耕地', developedName: '高铁新城征收用地' }, figures: { applicationTarget: 'urban', stationProvenance: 'rented', activityFloorShare: 0.4, commercialFloorShare: 0.06 }, gaps: { serviceFloorAreaSquareMeters: 380 } },
  { code: 'B', id: 'c-jizhuang', name: '吉庄村', short: '吉庄', nameEn: 'Jizhuang Village', type: 'village', streetId: 's-qianzhou', residents: 2180, householdSize: 3.1, elderlyShare: 0.19, childrenShare: 0.16, estateShare: 0, village: { developedShare: 0.3, hamletShare: 0.18, developmentProgress: null, agriculturalLandShareKnown: false, farmlandName: '耕地', developedName: '征收用地' }, figures: { applicationTarget: 'urban' } },
  { code: 'C', id: 'c-dating', name: '大庭村', short: '大庭', nameEn: 'Dating Village', type: 'village', streetId: 's-qianzhou', residents: 2620, householdSize: 3.1, elderlyShare: 0.19, childrenShare: 0.16, estateShare: 0, village: { developedShare: 0.32, hamletShare: 0.17, developmentProgress: 0.4, farmlandName: '耕地', developedName: '高铁新城征收用地' }, figures: { applicationTarget: 'urban' }, gaps: { noServiceStation: true } },
  { code: 'D', id: 'c-shuyanqiao', name: '树岩桥村', short: '树岩桥', nameEn: 'Shuyanqiao Village', type: 'village', streetId: 's-qianzhou', residents: 3240, householdSize: 3.05, elderlyShare: 0.18, childrenShare: 0.17, estateShare: 0, village: { developedShare: 0.36, hamletShare: 0.2, developmentProgress: null, farmlandName: '耕地', developedName: '征收用地' }, figures: { applicationTarget: 'urban', stationProvenance: 'new', activityFloorShare: 0.63, commercialFloorShare: 0.1, parkingSpaces: 420 }, gaps: { serviceFloorAreaSquareMeters: 700 } },
  { code: 'E', id: 'c-jinping', name: '金坪村', short: '金坪', nameEn: 'Jinping Village', type: 'village', streetId: 's-qianzhou', residents: 1760, householdSize: 3.2, elderlyShare: 0.21, childrenShare: 0.15, estateShare: 0, village: { developedShare: 0.08, hamletShare: 0.12, developmentProgress: null, agriculturalLandShareKnown: false, farmlandName: '耕地', developedName: '建设用地' }, figures: { applicationTarget: 'urban' }, gaps: { missingCategories: ['kindergarten', 'elderly_day_care'] } },
  { code: 'F', id: 'c-sanchaping', name: '三岔坪村', short: '三岔坪', nameEn: 'Sanchaping Village', type: 'village', streetId: 's-qianzhou', residents: 2050, householdSize: 3.15, elderlyShare: 0.2, childrenShare: 0.16, estateShare: 0, village: { developedShare: 0.14, hamletShare: 0.13, developmentProgress: null, farmlandName: '耕地', developedName: '建设用地' }, figures: { applicationTarget: 'urban' }, gaps: { serviceFloorAreaSquareMeters: null, shortOfStaff: { staff: 4, socialWorkers: 0, grids: 3, gridWorkers: 1 } } },
  { code: 'G', id: 'c-ximenkou', name: '西门口村', short: '西门口', nameEn: 'Ximenkou Village', type: 'village', streetId: 's-qianzhou', residents: 2390, householdSize: 3.1, elderlyShare: 0.2, childrenShare: 0.16, estateShare: 0, village: { developedShare: 0.18, hamletShare: 0.14, developmentProgress: null, farmlandName: '耕地', developedName: '建设用地' }, figures: { applicationTarget: 'urban' }, gaps: { noServiceStation: true } },
  // 太平镇: a township in the hills to the north-west, two applicants to become rural communities.
  { code: 'c', id: 'c-xinjie', name: '新街社区', short: '新街', nameEn: 'Xinjie Community', type: 'township', streetId: 's-taiping', residents: 3680, householdSize: 3.0, elderlyShare: 0.2, childrenShare: 0.15, estateShare: 0.3, isTownshipSeat: true, streetSeat: true, figures: { seatKind: 'township-seat', stationProvenance: 'rebuilt' } },
  { code: 'a', id: 'c-paihou', name: '排吼村', short: '排吼', nameEn: 'Paihou Village', type: 'village', streetId: 's-taiping', residents: 1420, householdSize: 3.25, elderlyShare: 0.24, childrenShare: 0.14, estateShare: 0, village: { developedShare: 0.04, hamletShare: 0.2, developmentProgress: null, farmlandName: '茶园', developedName: '建设用地' }, figures: { applicationTarget: 'rural', stationProvenance: 'rented' }, gaps: { serviceFloorAreaSquareMeters: 260 } },
  { code: 'b', id: 'c-taiping', name: '太平村', short: '太平', nameEn: 'Taiping Village', type: 'village', streetId: 's-taiping', residents: 2150, householdSize: 3.2, elderlyShare: 0.22, childrenShare: 0.15, estateShare: 0, village: { developedShare: 0.08, hamletShare: 0.24, developmentProgress: null, farmlandName: '耕地', developedName: '建设用地' }, figures: { applicationTarget: 'rural', stationProvenance: 'new' } },
  { code: 'd', id: 'c-xikou', name: '溪口村', short: '溪口', nameEn: 'Xikou Village', type: 'village', streetId: 's-taiping', residents: 960, householdSize: 3.3, elderlyShare: 0.26, childrenShare: 0.12, estateShare: 0, village: { developedShare: 0.03, hamletShare: 0.14, developmentProgress: 0.05, farmlandName: '茶园', developedName: '建设用地' } },
  // 己略乡: a township to the south-west whose own seat stands in a village; one applicant.
  { code: 'x', id: 'c-qingxi', name: '清溪社区', short: '清溪', nameEn: 'Qingxi Community', type: 'township', streetId: 's-jilue', residents: 2260, householdSize: 3.05, elderlyShare: 0.21, childrenShare: 0.15, estateShare: 0.2, figures: { seatKind: 'former-township-seat' } },
  { code: 'w', id: 'c-potou', name: '坡头村', short: '坡头', nameEn: 'Potou Village', type: 'village', streetId: 's-jilue', residents: 1120, householdSize: 3.3, elderlyShare: 0.25, childrenShare: 0.13, estateShare: 0, streetSeat: true, village: { developedShare: 0.04, hamletShare: 0.1, developmentProgress: 0.1, farmlandName: '耕地', developedName: '建设用地' } },
  { code: 'v', id: 'c-longwu', name: '龙舞村', short: '龙舞', nameEn: 'Longwu Village', type: 'village', streetId: 's-jilue', residents: 1340, householdSize: 3.3, elderlyShare: 0.25, childrenShare: 0.13, estateShare: 0, village: { developedShare: 0.05, hamletShare: 0.14, developmentProgress: null, agriculturalLandShareKnown: false, farmlandName: '耕地', developedName: '建设用地' }, figures: { applicationTarget: 'rural' }, gaps: { noServiceStation: true, shortOfStaff: { staff: 2, socialWorkers: 0, grids: 1, gridWorkers: 0 } } },
  // 河溪镇: a township to the south-east, four applicants to become rural communities.
  { code: 'P', id: 'c-xidong', name: '溪东社区', short: '溪东', nameEn: 'Xidong Community', type: 'township', streetId: 's-hexi', residents: 3950, householdSize: 3.0, elderlyShare: 0.19, childrenShare: 0.16, estateShare: 0.3, isTownshipSeat: true, streetSeat: true, figures: { seatKind: 'township-seat', stationProvenance: 'new', activityFloorShare: 0.64 } },
  { code: 'L', id: 'c-maan', name: '马鞍村', short: '马鞍', nameEn: 'Ma’an Village', type: 'village', streetId: 's-hexi', residents: 1480, householdSize: 3.25, elderlyShare: 0.23, childrenShare: 0.14, estateShare: 0, village: { developedShare: 0.06, hamletShare: 0.16, developmentProgress: null, farmlandName: '耕地', developedName: '建设用地' }, figures: { applicationTarget: 'rural', stationProvenance: 'rebuilt' }, gaps: { serviceFloorAreaSquareMeters: 350 } },
  { code: 'M', id: 'c-ana', name: '阿娜村', short: '阿娜', nameEn: 'Ana Village', type: 'village', streetId: 's-hexi', residents: 1260, householdSize: 3.3, elderlyShare: 0.24, childrenShare: 0.13, estateShare: 0, village: { developedShare: 0.04, hamletShare: 0.1, developmentProgress: null, farmlandName: '茶园', developedName: '建设用地' }, figures: { applicationTarget: 'rural' }, gaps: { noServiceStation: true, missingCategories: ['public_toilet'] } },
  { code: 'N', id: 'c-zhangpai', name: '张排村', short: '张排', nameEn: 'Zhangpai Village', type: 'village', streetId: 's-hexi', residents: 1140, householdSize: 3.3, elderlyShare: 0.25, childrenShare: 0.13, estateShare: 0, village: { developedShare: 0.05, hamletShare: 0.15, developmentProgress: null, agriculturalLandShareKnown: false, farmlandName: '耕地', developedName: '建设用地' }, figures: { applicationTarget: 'rural' }, gaps: { staffUnknown: true } },
  { code: 'O', id: 'c-chijiu', name: '持久村', short: '持久', nameEn: 'Chijiu Village', type: 'village', streetId: 's-hexi', residents: 1690, householdSize: 3.25, elderlyShare: 0.23, childrenShare: 0.14, estateShare: 0, village: { developedShare: 0.06, hamletShare: 0.17, developmentProgress: null, farmlandName: '耕地', developedName: '建设用地' }, figures: { applicationTarget: 'rural', stationProvenance: 'new' }, gaps: { serviceFloorAreaSquareMeters: null } },
];

/** Which community owns each street block: one letter per block, first line the northern edge. */
export const JISHOU_COMMUNITY_MAP: readonly string[] = [
  'aaaaaddddfffiiiiijjjjkkkppppppqqqqqq', // block row 27 (north)
  'aaaaaddddfffiiiiijjjjkkkppppppqqqqqq',
  'aaaadddddfffiiiiijjjjkkkpppppqqqqqqq',
  'aaaadddddfffiiiiiijjjkkkpppppqqqqqqq',
  'aaabccdddfffiiiiiijjjkkkppppppqqqqqq',
  'bbbbcccccffflllnnnnookkkttttttrrrrrr',
  'bbbbcccccffflllnnnnookkkttttttrrrrrr',
  'bbbbcccccffhlllnnnnoooootttttrrrrrrr',
  'eeeeggggghhhlllnnnnoooootttttrrrrrrr',
  'eeeeggggghhhlllnnnnooooouuuuusssssss',
  'eeeeegggghhhnnnnnnnooooouuuuusssssss',
  'eeeeegggghhhnnnnnnnooooouuuuusssssss',
  'eeeeegggghhhmmmmmmmmmmmmuuuussssssss',
  'eeeeeggggghhmmmmmmmmmmmmuuuussssssss', // block row 14: the north bank
  '~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~', // block row 13: the river 峒河
  'vvvvvxxxHHHHHIIIIIKKKKKAAAAAPPPPLLLL', // block row 12: the south bank
  'vvvvvxxxHHHHHIIIIIKKKKKAAAAAPPPPLLLL',
  'vvvvxxxxHHHHHIIIIIKKKKKAAAAAPPPPLLLL',
  'vvvvxxxxHHHHHIIIIIKKKKKAAAAAPPPPPLLL',
  'vvvvvxxxBBBBJJJJJCCCCCDDDDDDPPPPLLLL',
  'vvvvvwwwBBBBJJJJJCCCCCDDDDDDMMMMMMMM',
  'wwwwwwwwBBBBJJJJJCCCCCDDDDDDMMMMMMMM',
  'wwwwwwwwBBBBJJJJJCCCCCDDDDDDMMMMMMMM',
  'wwwwwwwwGGGGGFFFFFFFEEEEEEEEMMMMMMMM',
  'wwwwwwwwGGGGGFFFFFFFEEEEEEEENNNNOOOO',
  'wwwwwwwwGGGGGFFFFFFFEEEEEEEENNNNOOOO',
  'wwwwwwwwGGGGGFFFFFFFEEEEEEEENNNNOOOO',
  'wwwwwwwwGGGGGFFFFFFFEEEEEEEENNNNOOOO', // block row 0 (south)
];

/** Schools, parks, stadium, markets, the hills north of town and the new town's logistics park. */
// prettier-ignore
export const JISHOU_SITES: readonly SitePlan[] = [
  // 峒河街道
  site('riverside-park', '峒河风光带', 'm', 12, 14, 12, 1),
  site('central-park', '文华公园', 'n', 16, 19, 2, 2),
  site('middle-school', '峒河中学', 'n', 13, 16),
  site('primary-school', '文华小学', 'n', 15, 21),
  site('primary-school', '鼓楼坪小学', 'o', 21, 18),
  site('park', '鼓楼坪广场', 'o', 20, 16),
  site('commercial', '鼓楼坪老街', 'o', 22, 19),
  site('primary-school', '望江坳小学', 'i', 14, 25),
  // 石家冲街道
  site('middle-school', '石家冲中学', 'g', 5, 14),
  site('primary-school', '云岭小学', 'g', 6, 16),
  site('park', '云岭游园', 'g', 7, 18),
  site('primary-school', '青岗小学', 'h', 10, 17),
  site('park', '青岗游园', 'h', 9, 15),
  site('hill', '曙光山林地', 'f', 9, 24, 3, 4),
  // 双塘街道
  site('primary-school', '枫林小学', 't', 26, 20),
  site('park', '枫林游园', 't', 28, 21),
  site('middle-school', '双塘中学', 'u', 25, 16),
  site('park', '塘湾公园', 'u', 27, 17),
  site('farmland', '塘湾菜地', 'u', 24, 14, 2, 2),
  site('primary-school', '汇祥小学', 'p', 26, 25),
  // 乾州街道
  site('primary-school', '乾元小学', 'H', 10, 10),
  site('park', '乾元广场', 'H', 9, 12),
  site('primary-school', '锦华小学', 'I', 15, 11),
  site('park', '锦华公园', 'I', 16, 9),
  site('commercial', '乾州步行街', 'I', 14, 12),
  site('middle-school', '乾州中学', 'K', 20, 10),
  site('sports-ground', '乾州体育中心', 'K', 19, 11, 2, 1),
  site('park', '嘉禾游园', 'K', 18, 9),
  site('primary-school', '站前小学', 'J', 14, 6),
  site('park', '站前广场', 'J', 16, 8),
  site('industrial', '站前物流园', 'J', 12, 5, 2, 2),
  site('primary-school', '小庄小学', 'A', 25, 11),
  site('primary-school', '树岩桥小学', 'D', 24, 6),
  // 太平镇
  site('primary-school', '新街小学', 'c', 6, 21),
  site('middle-school', '太平镇中学', 'c', 8, 22),
  site('park', '新街广场', 'c', 5, 22),
  site('commercial', '太平镇政府', 'c', 7, 20),
  site('hill', '排吼林地', 'a', 0, 26, 5, 2),
  site('hill', '溪口林地', 'd', 4, 26, 5, 2),
  // 己略乡
  site('primary-school', '清溪小学', 'x', 6, 10),
  site('park', '清溪广场', 'x', 5, 11),
  site('middle-school', '己略乡中学', 'w', 3, 3),
  // 河溪镇
  site('middle-school', '河溪镇中学', 'P', 28, 8),
  site('primary-school', '溪东小学', 'P', 29, 10),
  site('park', '溪东广场', 'P', 30, 11),
  site('commercial', '河溪镇政府', 'P', 31, 9),
];

/** Three road bridges on arterial lines and one footbridge: the only ways across 峒河. */
export const JISHOU_BRIDGES: readonly BridgePlan[] = [
  { column: 16, kind: 'road', name: '乾元大桥' },
  { column: 29, kind: 'foot', name: '文华人行桥' },
  { column: 40, kind: 'road', name: '峒河大桥' },
  { column: 56, kind: 'road', name: '双塘大桥' },
];

/** The jishou-demo region as the generator takes it. */
export const JISHOU_PLAN: TownPlan = {
  region: {
    id: 'jishou-demo',
    name: '吉首市（合成示例）',
    nameEn: 'Jishou (synthetic demo)',
    synthetic: true,
    profile: 'jishou',
    /** CGCS2000 / 3-degree Gauss–Krüger CM 111°E: the zone of 109.5–112.5°E, Jishou's at 109.7°E. */
    metricSrid: 4546,
    attribution: null,
    source: SOURCE,
  },
  // The town's centre lies near 28.27°N 109.72°E, where Jishou's is.
  originLonLat: [109.6925, 28.2511],
  blockColumns: 36,
  blockRows: 28,
  riverCellRows: [26, 27],
  meander: [
    { amplitudeMeters: 120, wavelengthMeters: 3100, phase: 1.7 },
    { amplitudeMeters: 40, wavelengthMeters: 1300, phase: 0.2 },
  ],
  bridges: JISHOU_BRIDGES,
  streets: JISHOU_STREETS,
  communities: JISHOU_COMMUNITIES,
  communityMap: JISHOU_COMMUNITY_MAP,
  sites: JISHOU_SITES,
  water: {
    river: { id: 'w-donghe', name: '峒河' },
    pond: { id: 'w-wenhua-pond', name: '文华公园荷花池' },
  },
  writesCommunityFigures: true,
};
