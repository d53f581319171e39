/**
 * Who a facility serves (its demand group) and how many of them a population unit holds. A unit's
 * `children` are its residents aged 0–14 and its `elderly` those aged 60 and over (the import's
 * fields); where a unit carries no such figure, a share of its residents stands in for it. Every
 * ratio here is this tool's default, from the 2020 census, not a planning document's.
 */

/** Residents of any age; children of kindergarten age (3–6); elderly (60 and over). */
export const DEMAND_GROUPS = ['residents', 'children', 'elderly'] as const;
export type DemandGroup = (typeof DEMAND_GROUPS)[number];

/**
 * Kindergarten age (3 to 6: the three years 小班, 中班, 大班) as a share of the 0–14 children: 3 of
 * its 15 single-year cohorts (工具默认 / tool default; cohorts of the 2020 census are near equal).
 */
export const KINDERGARTEN_AGE_SHARE_OF_CHILDREN = 3 / 15;
/** Residents aged 0–14 where a unit has no children figure: 17.95 % (2020 census, 第七次全国人口普查). */
export const DEFAULT_CHILDREN_SHARE_OF_RESIDENTS = 0.1795;
/** Residents aged 60 and over where a unit has no elderly figure: 18.70 % (2020 census). */
export const DEFAULT_ELDERLY_SHARE_OF_RESIDENTS = 0.187;

/** The group a facility category serves: kindergartens and nurseries children, elderly care the elderly. */
export function demandGroupOf(category: string): DemandGroup {
  switch (category) {
    case 'kindergarten':
    case 'nursery':
      return 'children';
    case 'elderly_day_care':
    case 'elderly_care_complex':
      return 'elderly';
    default:
      return 'residents';
  }
}

/** A unit's figures as stored: age figures null where the data does not say. */
export interface UnitAgeFigures {
  residents: number;
  children: number | null;
  elderly: number | null;
}

/** How many of a unit's residents belong to `group` (fractional where a default ratio applies). */
export function unitDemand(unit: UnitAgeFigures, group: DemandGroup): number {
  switch (group) {
    case 'residents':
      return unit.residents;
    case 'children':
      return (
        (unit.children ?? unit.residents * DEFAULT_CHILDREN_SHARE_OF_RESIDENTS) *
        KINDERGARTEN_AGE_SHARE_OF_CHILDREN
      );
    case 'elderly':
      return unit.elderly ?? unit.residents * DEFAULT_ELDERLY_SHARE_OF_RESIDENTS;
  }
}

/** How a group's demand is counted, in both languages (answers say it beside the figures). */
export function demandRule(group: DemandGroup): { en: string; zh: string } {
  switch (group) {
    case 'residents':
      return { en: 'all residents', zh: '全部常住人口' };
    case 'children':
      return {
        en: `children aged 3–6: ${KINDERGARTEN_AGE_SHARE_OF_CHILDREN.toFixed(2)} of a unit's children aged 0–14 (${(DEFAULT_CHILDREN_SHARE_OF_RESIDENTS * 100).toFixed(2)} % of its residents where it has no children figure; tool default, 2020 census)`,
        zh: `3–6 岁幼儿：单元 0–14 岁儿童的 ${KINDERGARTEN_AGE_SHARE_OF_CHILDREN.toFixed(2)}（无儿童数的单元按常住人口的 ${(DEFAULT_CHILDREN_SHARE_OF_RESIDENTS * 100).toFixed(2)}% 计；工具默认，依据第七次全国人口普查）`,
      };
    case 'elderly':
      return {
        en: `residents aged 60 and over (${(DEFAULT_ELDERLY_SHARE_OF_RESIDENTS * 100).toFixed(2)} % of its residents where a unit has no elderly figure; tool default, 2020 census)`,
        zh: `60 岁及以上老年人（无老年人口数的单元按常住人口的 ${(DEFAULT_ELDERLY_SHARE_OF_RESIDENTS * 100).toFixed(2)}% 计；工具默认，依据第七次全国人口普查）`,
      };
  }
}
