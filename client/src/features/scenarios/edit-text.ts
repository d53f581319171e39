/**
 * One line per pending edit for the list of unsaved changes ("指派 12 个单元 → 滨江社区", "新增幼儿园
 * “滨江幼儿园”"), and the planner-facing wording of each reason an edit is refused. Community and
 * facility names are read from the session (one an edit created or removed falls back to the name
 * its edit gave, then its id).
 */
import type { ApiError } from '../../lib/api';
import type { MessageKey } from '../../lib/i18n';
import { FACILITY_CATEGORIES, isFacilityCategoryId } from '../../lib/standards';
import type { ScenarioEdit } from './scenario-core';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Names communities (or facilities) in the interface language (see ScenarioSession.communityName). */
export type NameOf = (id: string) => string;

/** How an edit's line names what it touches. */
export interface EditNames {
  community: NameOf;
  facility: NameOf;
  language: 'zh' | 'en';
}

/** A facility category's name in a language (its id when unknown). */
export function categoryNameIn(category: string, language: 'zh' | 'en'): string {
  if (!isFacilityCategoryId(category)) return category;
  const named = FACILITY_CATEGORIES[category];
  return language === 'en' ? named.nameEn : named.nameZh;
}

export function describeEdit(edit: ScenarioEdit, names: EditNames, t: Translate): string {
  const name = names.community;
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
    case 'add-facility': {
      const { facility } = edit;
      const floorArea = facility.floorAreaSquareMeters ?? null;
      const capacity = facility.capacity ?? null;
      const figures = [
        floorArea !== null ? t('scenario.edit.floorArea', { n: floorArea }) : null,
        capacity !== null ? t('scenario.edit.capacity', { n: capacity }) : null,
      ].filter((figure): figure is string => figure !== null);
      return t('scenario.edit.addFacility', {
        category: categoryNameIn(facility.category, names.language),
        name: facility.name,
        figures:
          figures.length > 0
            ? t('scenario.edit.figures', { figures: figures.join(t('scenario.edit.and')) })
            : '',
      });
    }
    case 'move-facility':
      return t('scenario.edit.moveFacility', { name: names.facility(edit.facilityId) });
    case 'update-facility':
      return t('scenario.edit.updateFacility', { name: names.facility(edit.facilityId) });
    case 'remove-facility':
      return t('scenario.edit.removeFacility', { name: names.facility(edit.facilityId) });
    case 'add-path':
      return edit.name
        ? t('scenario.edit.addNamedPath', { name: edit.name })
        : t('scenario.edit.addPath', { n: edit.line.coordinates.length });
    case 'close-path': {
      const added = edit.edgeIds.filter((id) => typeof id === 'string').length;
      const edges = edit.edgeIds.length - added;
      return [
        edges > 0 ? t('scenario.edit.closePath', { n: edges }) : null,
        added > 0 ? t('scenario.edit.dropPath', { n: added }) : null,
      ]
        .filter(Boolean)
        .join(t('scenario.edit.and'));
    }
  }
}

/**
 * Which pending edit a server's refusal names (0-based), or null: an edit refused in the draft
 * (`scenario.edit-refused`, its `index`) or a field of one (`edits[2].facility.position`).
 */
export function refusedEditIndex(error: ApiError): number | null {
  const body = error.body as { params?: { index?: unknown; field?: unknown } } | null | undefined;
  const params = body?.params;
  if (typeof params?.index === 'number') return params.index;
  if (typeof params?.field === 'string') {
    const match = /^edits\[(\d+)\]/.exec(params.field);
    if (match) return Number(match[1]);
  }
  return refusedEdit(error.message)?.index ?? null;
}

/**
 * The server names a refused edit as `edits[2] (assign): reason`: its index (0-based) and the
 * reason, or null for a message of another form.
 */
export function refusedEdit(message: string): { index: number; detail: string } | null {
  const match = /^edits\[(\d+)\] \([a-z-]+\): ([\s\S]*)$/.exec(message);
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
    case 'unknown-facility':
      return 'scenario.refused.unknownFacility';
    case 'facility-id-taken':
    case 'path-id-taken':
      return 'scenario.refused.idTaken';
    case 'unknown-edge':
      return 'scenario.refused.unknownEdge';
    case 'nothing-changed':
      return 'scenario.refused.nothingChanged';
    case 'line-too-short':
      return 'scenario.refused.lineTooShort';
    default:
      return 'scenario.refused.other';
  }
}
