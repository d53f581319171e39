/**
 * What an import does to the region's scenarios, said before anything is written, and the policy
 * that keeps them whole when the import goes ahead:
 *
 * - communities replaced: every scenario keeps its own communities and the community of every unit;
 *   units whose scenario community now differs from their new baseline community are stored as moves.
 * - units replaced or added: a scenario's moves of units that no longer exist are dropped (listed);
 *   its other moves stay; units follow their baseline community unless the scenario moved them; a
 *   unit whose baseline community the scenario has dissolved goes to the scenario community holding
 *   it (else the nearest; listed); scenario communities left without units are removed (listed);
 *   outlines are recomputed from the new units.
 * - streets replaced: scenario communities follow their baseline community to its new street (a
 *   community the scenario created: the street holding it); existing moves stay as they are.
 * - facilities or network: nothing stored changes; walking coverage is recomputed on next use.
 *
 * Any replacement with scenarios present, and any import that changes what scenarios store, needs
 * the user's explicit acceptance.
 */
import type { Bilingual } from '../../../core/formats/bilingual-error.js';
import type { ImportFeature } from '../../../core/import/convert-features.js';
import type { ImportLayer } from '../../../core/import/import-layers.js';
import type { Query } from '../db/client.js';
import * as sql from '../db/sql/imports.sql.js';
import type { RegionCheck } from './region-check.js';

export interface ScenarioEffect {
  kind:
    | 'coverage-recomputed'
    | 'baseline-replaced'
    | 'moves-dropped'
    | 'units-removed'
    | 'units-added'
    | 'units-placed'
    | 'communities-removed'
    | 'moves-now-baseline'
    | 'outlines-recomputed'
    | 'streets-changed';
  text: string;
  /** `text` in Chinese, for the wizard. */
  textZh: string;
  /** The ids concerned (units or communities), at most MAX_LISTED_IDS. */
  ids?: string[];
}

export interface ScenarioImpactEntry {
  id: string;
  name: string;
  version: number;
  /** Whether the import changes what the scenario stores (its communities or moves). */
  changesStoredData: boolean;
  effects: ScenarioEffect[];
}

export interface ScenarioImpact {
  scenarios: ScenarioImpactEntry[];
  requiresAcceptance: boolean;
  /** The policy applied for this layer, in one paragraph. */
  policy: string;
  /** `policy` in Chinese, for the wizard. */
  policyZh: string;
}

export const SCENARIO_POLICIES: Record<ImportLayer, Bilingual> = {
  communities: {
    en: 'Every scenario keeps its own communities and the community of every unit; units whose scenario community differs from their new baseline community are stored as moves of the scenario.',
    zh: '每个方案保留自己的社区和每个人口单元所属的社区；在方案中所属社区与新的基准社区不同的人口单元，作为该方案的调整保存。',
  },
  units: {
    en: 'Moves of units that no longer exist are dropped; other moves stay; units follow their baseline community unless the scenario moved them; a unit whose baseline community the scenario dissolved goes to the scenario community holding it (else the nearest); scenario communities left without units are removed; outlines are recomputed from the new units.',
    zh: '已不存在的人口单元的调整被删除，其他调整保留；人口单元跟随其基准社区，除非方案调整过它；基准社区已被方案撤销的人口单元，归入方案中包含它的社区（否则归入最近的社区）；没有人口单元的方案社区被删除；社区边界按新的人口单元重新计算。',
  },
  streets: {
    en: "Scenario communities follow their baseline community to its new street (communities a scenario created: the street holding them); the scenarios' moves stay as they are.",
    zh: '方案中的社区跟随其基准社区归入新的街道（方案新建的社区归入包含它的街道）；方案中的调整保持不变。',
  },
  facilities: {
    en: 'Nothing a scenario stores changes; its walking coverage and the rules judged on it are recomputed with the new facilities.',
    zh: '方案保存的内容不变；其步行覆盖及据此评判的指标按新的设施重新计算。',
  },
  network: {
    en: 'Nothing a scenario stores changes; its walking coverage and the rules judged on it are recomputed with the new network.',
    zh: '方案保存的内容不变；其步行覆盖及据此评判的指标按新的道路网重新计算。',
  },
};

const MAX_LISTED_IDS = 50;

/** What the import changes that scenarios depend on. */
export type LayerChange =
  | { layer: 'facilities' | 'network'; replace: boolean }
  | {
      layer: 'streets';
      replace: boolean;
      communityStreets: Map<string, string>;
      scenarioCommunityStreets: Map<string, string>;
    }
  | { layer: 'communities'; replace: boolean; unitCommunities: Map<string, string> | null }
  | {
      layer: 'units';
      replace: boolean;
      units: Map<string, { communityId: string; lon: number; lat: number }>;
    };

/**
 * What an import changes that scenarios depend on, from its features and what checking them
 * against the region derived (re-homing, units' communities and points on surface).
 */
export function layerChangeOf(
  layer: ImportLayer,
  replace: boolean,
  features: readonly ImportFeature[],
  check: RegionCheck,
): LayerChange {
  switch (layer) {
    case 'facilities':
    case 'network':
      return { layer, replace };
    case 'streets':
      return {
        layer: 'streets',
        replace,
        communityStreets: new Map(check.communityRehoming.map((move) => [move.childId, move.to])),
        scenarioCommunityStreets: check.scenarioCommunityStreets,
      };
    case 'communities':
      return {
        layer: 'communities',
        replace,
        unitCommunities: new Map(check.unitRehoming.map((move) => [move.childId, move.to])),
      };
    case 'units': {
      const units = new Map<string, { communityId: string; lon: number; lat: number }>();
      for (const feature of features) {
        // What the check derived overrides the file's (without copying 99 200 property objects).
        const patch = check.patches.get(feature.index);
        const value = (name: string) =>
          patch && name in patch ? patch[name] : (feature.properties as Record<string, unknown>)[name];
        const [lon, lat] = (value('pointOnSurface') as [number, number] | undefined) ?? [0, 0];
        units.set(feature.id, { communityId: String(value('communityId')), lon, lat });
      }
      return { layer: 'units', replace, units };
    }
  }
}

export interface ScenarioPlan {
  impact: ScenarioImpact;
  /** Writes the policy's changes; call after the layer itself is written. */
  apply(query: Query): Promise<void>;
}

interface ScenarioState {
  id: string;
  name: string;
  version: number;
  communities: Map<string, { streetId: string; name: string }>;
  moves: Map<string, string>;
}

const listed = (ids: Iterable<string>) => [...ids].slice(0, MAX_LISTED_IDS);
const more = (count: number) => (count > MAX_LISTED_IDS ? ` and ${count - MAX_LISTED_IDS} more` : '');
const moreZh = (count: number) => (count > MAX_LISTED_IDS ? `，另有 ${count - MAX_LISTED_IDS} 个` : '');

/** Reads the region's scenarios and works out what `change` does to each (nothing is written). */
export async function planScenarioChanges(
  query: Query,
  regionId: string,
  change: LayerChange,
): Promise<ScenarioPlan> {
  const { rows: heads } = await query<{ id: string; name: string; version: number }>(sql.REGION_SCENARIOS, [
    regionId,
  ]);
  const policy = SCENARIO_POLICIES[change.layer];
  if (heads.length === 0)
    return {
      impact: { scenarios: [], requiresAcceptance: false, policy: policy.en, policyZh: policy.zh },
      apply: async () => undefined,
    };

  const { rows } = await query<{ communities: string; assignments: string; units: string }>(
    sql.REGION_SCENARIO_STATE,
    [regionId],
  );
  const scenarios = new Map<string, ScenarioState>(
    heads.map((head) => [head.id, { ...head, communities: new Map(), moves: new Map() }]),
  );
  for (const [scenarioId, id, streetId, name] of JSON.parse(rows[0].communities) as [
    string,
    string,
    string,
    string,
  ][]) {
    scenarios.get(scenarioId)?.communities.set(id, { streetId, name });
  }
  for (const [scenarioId, unitId, communityId] of JSON.parse(rows[0].assignments) as [
    string,
    string,
    string,
  ][]) {
    scenarios.get(scenarioId)?.moves.set(unitId, communityId);
  }
  const baseline = new Map(JSON.parse(rows[0].units) as [string, string][]);

  switch (change.layer) {
    case 'facilities':
    case 'network':
      return coverageOnly(scenarios, change, policy);
    case 'streets':
      return streetsChange(scenarios, change, policy);
    case 'communities':
      return communitiesChange(scenarios, baseline, change, policy);
    case 'units':
      return unitsChange(query, regionId, scenarios, baseline, change, policy);
  }
}

function entry(
  state: ScenarioState,
  effects: ScenarioEffect[],
  changesStoredData: boolean,
): ScenarioImpactEntry {
  return { id: state.id, name: state.name, version: state.version, changesStoredData, effects };
}

function finish(
  entries: ScenarioImpactEntry[],
  replace: boolean,
  policy: Bilingual,
  apply: ScenarioPlan['apply'],
): ScenarioPlan {
  const requiresAcceptance =
    entries.length > 0 && (replace || entries.some((item) => item.changesStoredData));
  return {
    impact: { scenarios: entries, requiresAcceptance, policy: policy.en, policyZh: policy.zh },
    apply,
  };
}

function coverageOnly(
  scenarios: Map<string, ScenarioState>,
  change: { layer: 'facilities' | 'network'; replace: boolean },
  policy: Bilingual,
): ScenarioPlan {
  const what = change.layer === 'facilities' ? 'facilities' : 'walking network';
  const whatZh = change.layer === 'facilities' ? '设施' : '步行道路网';
  const entries = [...scenarios.values()].map((state) =>
    entry(
      state,
      [
        {
          kind: 'coverage-recomputed',
          text: `its walking coverage and the rules judged on it are recomputed with the new ${what}; nothing it stores changes`,
          textZh: `其步行覆盖及据此评判的指标将按新的${whatZh}重新计算；方案保存的内容不变`,
        },
      ],
      false,
    ),
  );
  return finish(entries, change.replace, policy, async () => undefined);
}

function streetsChange(
  scenarios: Map<string, ScenarioState>,
  change: Extract<LayerChange, { layer: 'streets' }>,
  policy: Bilingual,
): ScenarioPlan {
  if (!change.replace) return finish([], false, policy, async () => undefined);
  const updates: { scenarioId: string; id: string; to: string }[] = [];
  const changed: string[] = [];
  const entries = [...scenarios.values()].map((state) => {
    const moved: string[] = [];
    const movedZh: string[] = [];
    for (const [communityId, community] of state.communities) {
      const to =
        change.communityStreets.get(communityId) ??
        change.scenarioCommunityStreets.get(`${state.id}/${communityId}`);
      if (to !== undefined && to !== community.streetId) {
        updates.push({ scenarioId: state.id, id: communityId, to });
        moved.push(`${communityId} (${community.name}): ${community.streetId} → ${to}`);
        movedZh.push(`${communityId}（${community.name}）：${community.streetId} → ${to}`);
      }
    }
    if (moved.length > 0) changed.push(state.id);
    const effects: ScenarioEffect[] =
      moved.length > 0
        ? [
            {
              kind: 'streets-changed',
              text: `${moved.length} of its ${state.communities.size} communities change street: ${listed(moved).join('; ')}${more(moved.length)}; its moves stay as they are`,
              textZh: `其 ${state.communities.size} 个社区中有 ${moved.length} 个改属其他街道：${listed(movedZh).join('；')}${moreZh(moved.length)}；其调整保持不变`,
              ids: listed(moved.map((item) => item.split(' ')[0])),
            },
          ]
        : [
            {
              kind: 'streets-changed',
              text: `its ${state.communities.size} communities keep their streets`,
              textZh: `其 ${state.communities.size} 个社区所属的街道不变`,
            },
          ];
    return entry(state, effects, moved.length > 0);
  });
  return finish(entries, true, policy, async (query) => {
    if (updates.length > 0) await query(sql.SET_SCENARIO_COMMUNITY_STREETS, [JSON.stringify(updates)]);
    if (changed.length > 0) await query(sql.ADVANCE_SCENARIO_VERSIONS, [changed]);
  });
}

function communitiesChange(
  scenarios: Map<string, ScenarioState>,
  baseline: Map<string, string>,
  change: Extract<LayerChange, { layer: 'communities' }>,
  policy: Bilingual,
): ScenarioPlan {
  // Added communities hold no units (units are not moved by an addition): scenarios are untouched.
  if (!change.replace) return finish([], false, policy, async () => undefined);
  const newBaseline = change.unitCommunities ?? new Map<string, string>();
  const rows: { scenarioId: string; unitId: string; communityId: string }[] = [];
  const entries = [...scenarios.values()].map((state) => {
    let stored = 0;
    for (const [unitId, oldCommunity] of baseline) {
      const effective = state.moves.get(unitId) ?? oldCommunity;
      if (effective !== (newBaseline.get(unitId) ?? oldCommunity)) {
        rows.push({ scenarioId: state.id, unitId, communityId: effective });
        stored += 1;
      }
    }
    return entry(
      state,
      [
        {
          kind: 'baseline-replaced',
          text:
            `keeps its ${state.communities.size} communities and the community of every unit; ` +
            `${stored} of ${baseline.size} units now differ from the new baseline and are stored as its moves (it stored ${state.moves.size} before); ` +
            'comparisons with the baseline now compare with the new communities',
          textZh:
            `保留其 ${state.communities.size} 个社区和每个人口单元所属的社区；` +
            `${baseline.size} 个人口单元中有 ${stored} 个与新的基准不同，作为其调整保存（此前保存了 ${state.moves.size} 个）；` +
            '与基准的比较今后将与新的社区比较',
        },
      ],
      true,
    );
  });
  const ids = [...scenarios.keys()];
  return finish(entries, true, policy, async (query) => {
    await query(sql.DELETE_SCENARIO_ASSIGNMENTS, [ids]);
    if (rows.length > 0) await query(sql.INSERT_SCENARIO_ASSIGNMENTS, [JSON.stringify(rows)]);
    await query(sql.ADVANCE_SCENARIO_VERSIONS, [ids]);
  });
}

async function unitsChange(
  query: Query,
  regionId: string,
  scenarios: Map<string, ScenarioState>,
  baseline: Map<string, string>,
  change: Extract<LayerChange, { layer: 'units' }>,
  policy: Bilingual,
): Promise<ScenarioPlan> {
  const vanished = change.replace ? [...baseline.keys()].filter((unitId) => !change.units.has(unitId)) : [];
  const vanishedSet = new Set(vanished);
  const newBaseline = (unitId: string) => change.units.get(unitId)?.communityId ?? baseline.get(unitId)!;
  const added = [...change.units.keys()].filter((unitId) => !baseline.has(unitId));

  // Units each scenario cannot leave in their baseline community: placed by PostGIS in one query.
  const toPlace: { scenarioId: string; unitId: string; lon: number; lat: number }[] = [];
  for (const state of scenarios.values()) {
    for (const [unitId, unit] of change.units) {
      const moved = state.moves.get(unitId);
      if (moved !== undefined && moved !== unit.communityId) continue;
      if (!state.communities.has(unit.communityId))
        toPlace.push({ scenarioId: state.id, unitId, lon: unit.lon, lat: unit.lat });
    }
  }
  const placed = new Map<string, string>();
  if (toPlace.length > 0) {
    const { rows } = await query<{ scenarioId: string; unitId: string; communityId: string | null }>(
      sql.PLACE_IN_SCENARIO_COMMUNITIES,
      [JSON.stringify(toPlace)],
    );
    for (const row of rows)
      if (row.communityId) placed.set(`${row.scenarioId}/${row.unitId}`, row.communityId);
  }

  const assignmentRows: { scenarioId: string; unitId: string; communityId: string }[] = [];
  const emptied: { scenarioId: string; communityId: string }[] = [];
  /** Per scenario, each unit's community before and after the import (undefined: none). */
  const communitiesOf: {
    scenarioId: string;
    of(unitId: string): [string | undefined, string | undefined];
    moved: Set<string>;
    units: Set<string>;
    communities: number;
  }[] = [];
  const entries = [...scenarios.values()].map((state) => {
    const effects: ScenarioEffect[] = [];
    const droppedMoves: string[] = [];
    const droppedMovesZh: string[] = [];
    let alignedMoves = 0;
    const moves = new Map<string, string>();
    for (const [unitId, communityId] of state.moves) {
      if (vanishedSet.has(unitId)) {
        droppedMoves.push(`${unitId} (moved to ${communityId})`);
        droppedMovesZh.push(`${unitId}（调整到 ${communityId}）`);
      } else if (newBaseline(unitId) === communityId) alignedMoves += 1;
      else moves.set(unitId, communityId);
    }
    const placedHere: string[] = [];
    for (const unitId of change.units.keys()) {
      const spot = placed.get(`${state.id}/${unitId}`);
      if (spot !== undefined && !moves.has(unitId)) {
        moves.set(unitId, spot);
        placedHere.push(`${unitId} → ${spot}`);
      }
    }
    // Members before and after, to find the communities the import empties.
    const before = new Map<string, number>();
    const after = new Map<string, number>();
    for (const [unitId, community] of baseline) {
      const effective = state.moves.get(unitId) ?? community;
      before.set(effective, (before.get(effective) ?? 0) + 1);
    }
    const removedFrom = new Map<string, number>();
    for (const unitId of vanished) {
      const effective = state.moves.get(unitId) ?? baseline.get(unitId)!;
      removedFrom.set(effective, (removedFrom.get(effective) ?? 0) + 1);
    }
    const allUnits = new Set([...baseline.keys(), ...change.units.keys()]);
    for (const unitId of allUnits) {
      if (vanishedSet.has(unitId)) continue;
      const effective = moves.get(unitId) ?? newBaseline(unitId);
      after.set(effective, (after.get(effective) ?? 0) + 1);
    }
    // Outlines to recompute: the communities units leave or join, and (at apply) those of units the import reshaped.
    const of = (unitId: string): [string | undefined, string | undefined] => [
      baseline.has(unitId) ? (state.moves.get(unitId) ?? baseline.get(unitId)) : undefined,
      vanishedSet.has(unitId) || !allUnits.has(unitId)
        ? undefined
        : (moves.get(unitId) ?? newBaseline(unitId)),
    ];
    const moved = new Set<string>();
    for (const unitId of allUnits) {
      const [was, is] = of(unitId);
      if (was !== is) moved.add(unitId);
    }
    communitiesOf.push({ scenarioId: state.id, of, moved, units: allUnits, communities: after.size });
    const empties = [...state.communities.keys()].filter(
      (id) => (before.get(id) ?? 0) > 0 && (after.get(id) ?? 0) === 0,
    );
    for (const communityId of empties) emptied.push({ scenarioId: state.id, communityId });
    for (const [unitId, communityId] of moves)
      assignmentRows.push({ scenarioId: state.id, unitId, communityId });

    if (vanished.length > 0) {
      const byCommunity = [...removedFrom].map(([communityId, count]) => `${communityId} −${count}`);
      effects.push({
        kind: 'units-removed',
        text: `${vanished.length} units no longer exist and leave its communities (${listed(byCommunity).join(', ')}${more(byCommunity.length)})`,
        textZh: `${vanished.length} 个人口单元已不存在，离开其所在的社区（${listed(byCommunity).join('、')}${moreZh(byCommunity.length)}）`,
        ids: listed(vanished),
      });
    }
    if (droppedMoves.length > 0) {
      effects.push({
        kind: 'moves-dropped',
        text: `its moves of ${droppedMoves.length} units that no longer exist are dropped: ${listed(droppedMoves).join(', ')}${more(droppedMoves.length)}`,
        textZh: `其对 ${droppedMoves.length} 个已不存在的人口单元的调整被删除：${listed(droppedMovesZh).join('、')}${moreZh(droppedMoves.length)}`,
        ids: listed(droppedMoves.map((item) => item.split(' ')[0])),
      });
    }
    if (added.length > 0)
      effects.push({
        kind: 'units-added',
        text: `${added.length} new units join their baseline community`,
        textZh: `${added.length} 个新的人口单元归入其基准社区`,
        ids: listed(added),
      });
    if (placedHere.length > 0) {
      effects.push({
        kind: 'units-placed',
        text: `${placedHere.length} units belong to communities this scenario dissolved and go to the scenario community holding them: ${listed(placedHere).join(', ')}${more(placedHere.length)}`,
        textZh: `${placedHere.length} 个人口单元所属的社区已被本方案撤销，改归方案中包含它们的社区：${listed(placedHere).join('、')}${moreZh(placedHere.length)}`,
        ids: listed(placedHere.map((item) => item.split(' ')[0])),
      });
    }
    if (alignedMoves > 0)
      effects.push({
        kind: 'moves-now-baseline',
        text: `${alignedMoves} of its moves now match the new baseline and are no longer stored as moves`,
        textZh: `其中 ${alignedMoves} 项调整现已与新的基准一致，不再作为调整保存`,
      });
    if (empties.length > 0) {
      const names = empties.map((id) => `${id} (${state.communities.get(id)!.name})`);
      const namesZh = empties.map((id) => `${id}（${state.communities.get(id)!.name}）`);
      effects.push({
        kind: 'communities-removed',
        text: `communities left without units are removed from it: ${listed(names).join(', ')}${more(names.length)}`,
        textZh: `没有人口单元的社区从本方案中删除：${listed(namesZh).join('、')}${moreZh(names.length)}`,
        ids: listed(empties),
      });
    }
    effects.push({
      kind: 'outlines-recomputed',
      text: 'its community outlines are recomputed from the new units',
      textZh: '其社区边界按新的人口单元重新计算',
    });
    return entry(state, effects, true);
  });
  const ids = [...scenarios.keys()];
  return finish(entries, change.replace, policy, async (write) => {
    await write(sql.DELETE_SCENARIO_ASSIGNMENTS, [ids]);
    if (emptied.length > 0) await write(sql.DELETE_EMPTY_SCENARIO_COMMUNITIES, [JSON.stringify(emptied)]);
    if (assignmentRows.length > 0)
      await write(sql.INSERT_SCENARIO_ASSIGNMENTS, [JSON.stringify(assignmentRows)]);
    const { rows } = await write<{ ids: string }>(sql.RESHAPED_UNITS);
    const reshaped = JSON.parse(rows[0].ids) as string[];
    // Outlines recomputed: every one of a scenario where many change, else only those that do.
    const whole: string[] = [];
    const members: { scenarioId: string; unitId: string; communityId: string }[] = [];
    for (const { scenarioId, of, moved, units, communities } of communitiesOf) {
      const touched = new Set<string>();
      for (const unitId of [...moved, ...reshaped])
        for (const communityId of of(unitId)) if (communityId !== undefined) touched.add(communityId);
      if (touched.size === 0) continue;
      if (touched.size * 4 > communities) {
        whole.push(scenarioId);
        continue;
      }
      for (const unitId of units) {
        const communityId = of(unitId)[1];
        if (communityId !== undefined && touched.has(communityId))
          members.push({ scenarioId, unitId, communityId });
      }
    }
    if (whole.length > 0) await write(sql.RESHAPE_SCENARIO_COMMUNITIES, [whole]);
    if (members.length > 0)
      await write(sql.RESHAPE_SOME_SCENARIO_COMMUNITIES, [regionId, JSON.stringify(members)]);
    await write(sql.ADVANCE_SCENARIO_VERSIONS, [ids]);
  });
}
