/**
 * The figures a community's survey supplies rather than its units: a community record carries them,
 * the rules read them; null wherever the data does not say (a rule needing it is then undetermined,
 * never passed and never failed).
 */

/** How the community's service station was provided (002 专栏2: 新建 ≥ 500 m², 改扩建/购置/租用 ≥ 300 m²). */
export const STATION_PROVENANCES = ['new', 'rebuilt', 'bought', 'rented'] as const;
export type StationProvenance = (typeof STATION_PROVENANCES)[number];

/**
 * Where a township-seat community (集镇社区) sits (002 三、（一）1): the seat of a township that is not
 * the county seat (at most 2 communities), the seat of a township merged away (原乡镇政府驻地, at most
 * 1), or the county seat (县级人民政府驻地, no limit).
 */
export const SEAT_KINDS = ['township-seat', 'former-township-seat', 'county-seat'] as const;
export type SeatKind = (typeof SEAT_KINDS)[number];

/** What a village applied to become (000 四、3: 申请改为城市社区 / 农村社区). */
export const APPLICATION_TARGETS = ['urban', 'rural'] as const;
export type ApplicationTarget = (typeof APPLICATION_TARGETS)[number];

/**
 * The largest figure a survey may state: far beyond any real community (the largest Chinese
 * communities have ~100 000 residents and stations of a few thousand m²), so a figure above is a
 * typing or unit mistake, refused rather than judged.
 */
export const SURVEYED_FIGURE_LIMITS = {
  floorAreaSquareMeters: 1_000_000,
  people: 100_000,
  grids: 10_000,
  parkingSpaces: 1_000_000,
  hoursPerDay: 24,
  /** Residents, households, elderly or children of one unit or community (a whole county has fewer). */
  residents: 10_000_000,
  /** Land of one facility's site, m² (10 km²: more than any park or station a community has). */
  landAreaSquareMeters: 10_000_000,
  /** Places of one facility (kindergarten places, day-care places, beds …). */
  capacity: 1_000_000,
} as const;

export interface SurveyedFigures {
  /** Floor area of the community service station (社区综合服务设施用房), m². */
  serviceFloorAreaSquareMeters: number | null;
  /** How the station was provided: new build, rebuilt/extended, bought or rented. */
  stationProvenance: StationProvenance | null;
  /** Resident-activity area as a share of the station's floor area (003 专栏1 ≥ 60 %), 0–1. */
  activityFloorShare: number | null;
  /** Commerce and service floor as a share of the community's total floor area (002 ≥ 12 %, 003 ≥ 10 %), 0–1. */
  commercialFloorShare: number | null;
  /** Full-time community workers (社区专职工作者). */
  staff: number | null;
  /**
   * Workers holding a social-work certificate of any level (助理社会工作师 and up): 002's
   * "取得社会工作职业资格水平证书" and 003's "社工师" (003 专栏5·3 counts 初级 as 社工师).
   */
  socialWorkers: number | null;
  /** Grids (网格) the community is divided into. */
  grids: number | null;
  /** Full-time grid workers (专职网格员). */
  gridWorkers: number | null;
  /** Police officers (民警, 片警) assigned to the community. */
  policeOfficers: number | null;
  /** Auxiliary police (辅警) assigned to the community; 002's "一社区一警（辅警）" counts them. */
  auxiliaryPoliceOfficers: number | null;
  /** Hours a day the service station is open (003 （十一）, 004 三、（一）3: 一般不少于每天 8 小时). */
  openingHoursPerDay: number | null;
  /** Motor-vehicle parking spaces in the community's residential areas (002: 不低于 1 车位/户 in new ones). */
  parkingSpaces: number | null;
  /** Whether the community is a newly built residential area (新建居住社区, 002 三、（一）3). */
  newResidentialArea: boolean | null;
  /** Where a township-seat community sits (SEAT_KINDS). */
  seatKind: SeatKind | null;
  /** Name of its seat (场镇) when a street has more than one seat of a kind; null: the street's only one. */
  seatName: string | null;
  /** Share of a village's area in agricultural use, 0–1 (村改居 test). */
  agriculturalLandShare: number | null;
  /** Progress of urban demolition and development in a village, 0–1 (村改居 test). */
  developmentProgress: number | null;
  /** What a village applied to become (村改社区), or null when it has not applied. */
  applicationTarget: ApplicationTarget | null;
}

export type SurveyedFigureName = keyof SurveyedFigures;

/** Every surveyed figure, in the order records and region files keep them. */
export const SURVEYED_FIGURE_NAMES: readonly SurveyedFigureName[] = [
  'serviceFloorAreaSquareMeters',
  'stationProvenance',
  'activityFloorShare',
  'commercialFloorShare',
  'staff',
  'socialWorkers',
  'grids',
  'gridWorkers',
  'policeOfficers',
  'auxiliaryPoliceOfficers',
  'openingHoursPerDay',
  'parkingSpaces',
  'newResidentialArea',
  'seatKind',
  'seatName',
  'agriculturalLandShare',
  'developmentProgress',
  'applicationTarget',
];

/** Figures that add up when two communities merge (their staff and floor serve the merged one). */
export const SUMMED_ON_MERGE: readonly SurveyedFigureName[] = [
  'serviceFloorAreaSquareMeters',
  'staff',
  'socialWorkers',
  'grids',
  'gridWorkers',
  'policeOfficers',
  'auxiliaryPoliceOfficers',
  'parkingSpaces',
];

/** A community nobody has surveyed (a new or imported one): every surveyed figure unknown. */
export const NO_SURVEYED_FIGURES: Readonly<SurveyedFigures> = Object.freeze({
  serviceFloorAreaSquareMeters: null,
  stationProvenance: null,
  activityFloorShare: null,
  commercialFloorShare: null,
  staff: null,
  socialWorkers: null,
  grids: null,
  gridWorkers: null,
  policeOfficers: null,
  auxiliaryPoliceOfficers: null,
  openingHoursPerDay: null,
  parkingSpaces: null,
  newResidentialArea: null,
  seatKind: null,
  seatName: null,
  agriculturalLandShare: null,
  developmentProgress: null,
  applicationTarget: null,
});

/**
 * Just the surveyed figures of a record (no id, name or other attribute rides along), in the order
 * of SURVEYED_FIGURE_NAMES — region files written from it keep their key order. A figure the record
 * lacks (an older file) is null.
 */
export function surveyedFiguresOf(record: Partial<SurveyedFigures>): SurveyedFigures {
  const figures = {} as Record<SurveyedFigureName, unknown>;
  for (const name of SURVEYED_FIGURE_NAMES) figures[name] = record[name] ?? null;
  return figures as unknown as SurveyedFigures;
}
