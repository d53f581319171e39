/**
 * One line per pending edit for the list of unsaved changes ("指派 12 个单元 → 滨江社区"), and the
 * planner-facing wording of each reason an edit is refused. Community names are read from the live
 * evaluator (a community an edit created or merged away falls back to its id).
 */
import type { MessageKey } from '../../lib/i18n';
import type { ScenarioEdit } from './scenario-core';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Names communities in the interface language (see ScenarioSession.communityName). */
export type NameOf = (id: string) => string;

export function describeEdit(edit: ScenarioEdit, name: NameOf, t: Translate): string {
  switch (edit.op) {
    case 'assign':
      return t('scenario.edit.assign', { n: edit.unitIds.length, name: name(edit.communityId) });
    case 'redraw':
      return t('scenario.edit.redraw', { name: name(edit.communityId) });
    case 'split':
      return t('scenario.edit.split', { name: name(edit.communityId), newName: edit.newCommunity.name });
    case 'merge':
      return t('scenario.edit.merge', {
        others: edit.communityIds
          .filter((id) => id !== edit.into)
          .map(name)
          .join('、'),
        name: name(edit.into),
      });
    case 'create':
      return t('scenario.edit.create', { name: edit.community.name, n: edit.unitIds.length });
    case 'update':
      return t('scenario.edit.update', { name: name(edit.communityId) });
    case 'convert-village':
      return t('scenario.edit.convertVillage', {
        name: name(edit.communityId),
        type: t(`advice.as.${edit.to ?? 'urban'}`),
      });
    default:
      return '';
  }
}

/**
 * The server names a refused edit as `edits[2] (assign): reason`: its index (0-based) and the
 * reason, or null for a message of another form.
 */
export function refusedEdit(message: string): { index: number; detail: string } | null {
  const match = /^edits\[(\d+)\] \([a-z]+\): ([\s\S]*)$/.exec(message);
  return match ? { index: Number(match[1]), detail: match[2] } : null;
}

/** The i18n key of a refusal reason (core/scenario's reasons and the session's own). */
export function refusalKey(reason: string): MessageKey {
  switch (reason) {
    case 'leaves-community-empty':
      return 'scenario.refused.leavesEmpty';
    case 'other-street':
      return 'scenario.refused.otherStreet';
    case 'nothing-selected':
      return 'scenario.refused.nothingSelected';
    case 'not-divided':
      return 'scenario.refused.notDivided';
    case 'no-neighbour':
      return 'scenario.refused.noNeighbour';
    case 'bad-merge':
      return 'scenario.refused.badMerge';
    case 'self-intersecting':
      return 'scenario.refused.selfIntersecting';
    case 'line-not-across':
      return 'scenario.refused.lineNotAcross';
    case 'name-missing':
      return 'scenario.refused.nameMissing';
    default:
      return 'scenario.refused.other';
  }
}
