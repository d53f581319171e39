/**
 * The partition proposals' calls: ask for proposals on a scenario (its saved version), and adopt one
 * as a new scenario based on it — created, then the proposal's edits saved to it; when the save is
 * refused the new scenario is deleted again, so nothing is left half-made.
 */
import { API } from '../../../../contract/index';
import type { OperationAnswer } from '../../../../contract/operation';
import type { PartitionProposalsBody } from '../../../../contract/partition-proposals';
import { callOperation, createScenario, deleteScenario, saveScenario, type ApiResult } from '../../lib/api';

export type PartitionProposalsAnswer = OperationAnswer<typeof API.partitionProposals.scenario>;
export type PartitionProposal = PartitionProposalsAnswer['proposals'][number];
export type ProposedCommunity = PartitionProposal['communities'][number];
export type PartitionRequest = Partial<PartitionProposalsBody> & { streetId: string };

/** `POST /api/scenarios/:id/partition-proposals`. */
export function fetchPartitionProposals(
  scenarioId: string,
  body: PartitionRequest,
  signal?: AbortSignal,
): Promise<ApiResult<PartitionProposalsAnswer>> {
  return callOperation(API.partitionProposals.scenario, { params: { id: scenarioId }, body, signal });
}

/** A new scenario based on `basedOn` holding the proposal's edits: its id and version. */
export async function adoptProposal(
  regionId: string,
  basedOn: string,
  name: string,
  proposal: PartitionProposal,
): Promise<ApiResult<{ id: string; version: number }>> {
  const created = await createScenario(regionId, { name, basedOn });
  if (!created.ok) return created;
  const saved = await saveScenario(created.data.id, { version: created.data.version, edits: proposal.edits });
  if (!saved.ok) {
    await deleteScenario(created.data.id);
    return saved;
  }
  return { ok: true, data: { id: created.data.id, version: saved.data.version } };
}
