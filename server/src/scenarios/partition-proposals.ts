/**
 * Partition proposals on a scenario (or the baseline): the street's units, communities, assignment
 * and service stations as the scenario's version holds them (its layer edits included), cut to the
 * street (core/partition/partition-input.ts) and handed to core/partition/propose-partitions.ts with
 * the judging asked for (profile, walking reach on the scenario's own facilities and paths), so each
 * proposed community's rule results are those adopting it would show. A refusal names the field.
 */

import type { PartitionProposalsBody } from '../../../contract/partition-proposals.js';
import type { ErrorCode } from '../../../contract/errors.js';
import { sliceUnitReach, streetPartitionInput } from '../../../core/partition/partition-input.js';
import {
  proposePartitions,
  type PartitionRefusalReason,
} from '../../../core/partition/propose-partitions.js';
import type { CommunityRecord, ScenarioEvaluator } from '../../../core/scenario/scenario-evaluator.js';
import type { Database } from '../db/client.js';
import { DomainError } from '../domain-error.js';
import { scenarioView, type ScenarioReference } from './scenario-store.js';
import { judgingOf } from './scenario-views.js';

/** The catalogue code of each refusal core can give. */
const REFUSAL_CODES: Record<PartitionRefusalReason, ErrorCode> = {
  'no-units': 'partition.no-units',
  'unknown-community': 'partition.unknown-community',
  'nothing-to-partition': 'partition.nothing-to-partition',
  'bad-community-count': 'partition.bad-community-count',
  'too-few-units': 'partition.too-few-units',
  'not-connected': 'partition.not-connected',
};

/** What the proposals read of one version of a scenario: its communities, each unit's, its facilities. */
function partitionSnapshot(evaluator: ScenarioEvaluator) {
  return {
    communities: evaluator.communityIds().map((id) => evaluator.communityRecord(id)),
    assignment: evaluator.communityIdsByUnit(),
    facilities: evaluator.facilities(),
  };
}

/**
 * Refuses a street the region does not have, and a community to keep that the scenario does not
 * have or that lies in another street, naming `keep[i]`.
 */
function checkRequest(
  body: PartitionProposalsBody,
  regionId: string,
  streetIds: ReadonlySet<string>,
  communities: readonly CommunityRecord[],
): void {
  const { streetId } = body;
  if (!streetIds.has(streetId) && !communities.some((community) => community.streetId === streetId))
    throw new DomainError('partition.unknown-street', { regionId, streetId });
  const byId = new Map(communities.map((community) => [community.id, community]));
  body.keep.forEach((id, index) => {
    const community = byId.get(id);
    if (community && community.streetId === streetId) return;
    throw new DomainError('partition.unknown-community', {
      field: `keep[${index}]`,
      detail: community
        ? `community "${id}" is in street "${community.streetId}", not "${streetId}"`
        : `there is no community "${id}"`,
      detailZh: community
        ? `社区“${id}”属于街道“${community.streetId}”，不属于“${streetId}”`
        : `没有社区“${id}”`,
    });
  });
}

/** Up to `body.proposals` partitions of the street, judged, with their adoption edits. */
export async function partitionProposalsOf(
  database: Database,
  reference: ScenarioReference,
  body: PartitionProposalsBody,
) {
  const judging = await judgingOf(database, reference, body.profile ? { profile: body.profile } : {});
  const view = await scenarioView(database, reference, { snapshot: partitionSnapshot });
  const { base, snapshot } = view;
  checkRequest(body, view.regionId, new Set(base.streets.map((street) => street.id)), snapshot.communities);
  const input = streetPartitionInput(
    { units: base.units, adjacency: base.adjacency, ...snapshot },
    body.streetId,
  );
  const { reach } = judging.context;
  const result = proposePartitions(input, {
    profile: judging.context.profile,
    communities: body.communities,
    keep: body.keep,
    stationsMustBeInside: body.stationsMustBeInside,
    proposals: body.proposals,
    seed: body.seed,
    reach: reach ? sliceUnitReach(reach, input.unitIndexes) : null,
    settings: judging.settings,
  });
  if (!result.ok)
    throw new DomainError(REFUSAL_CODES[result.reason], {
      field: 'keep',
      detail: result.message,
      detailZh: result.messageZh,
    });
  const { ok: _ok, profile: _profile, ...answer } = result;
  return {
    scenario: { id: view.id, regionId: view.regionId, version: view.version },
    judgedWith: judging.judgedWith,
    ...answer,
  };
}
