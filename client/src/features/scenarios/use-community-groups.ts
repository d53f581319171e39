import { useMemo } from 'react';
import type { RegionLayers } from '../../lib/api-types';
import { useI18n } from '../../lib/i18n';
import { groupByStreet, type CommunityGroup } from './community-groups';
import type { ScenarioEditor } from './use-scenario-editor';

/**
 * The open scenario's live communities by street (community-groups.ts), read afresh at every
 * revision of the session; and the streets' names in the interface's language.
 */
export function useCommunityGroups(
  editor: ScenarioEditor,
  data: Partial<RegionLayers>,
): { groups: CommunityGroup[]; streetName: (streetId: string) => string } {
  const { language } = useI18n();
  const session = editor.session!;
  const { revision, judgeContext } = editor;
  const streetName = useStreetNames(data);
  const groups = useMemo(() => {
    // The evaluator changes in place: `revision` stands for its changes.
    void revision;
    const evaluator = session.evaluator;
    const changed = session.changedCommunities();
    return groupByStreet(
      evaluator.allMetrics().map((metrics) => ({
        id: metrics.id,
        streetId: metrics.streetId,
        name: session.communityName(metrics.id, language),
        type: metrics.type,
        residents: metrics.residents,
        failed: judgeContext
          ? evaluator.judge(metrics.id, judgeContext).filter((rule) => rule.status === 'fail').length
          : 0,
        changed: changed.has(metrics.id),
      })),
      streetName,
    );
  }, [session, judgeContext, language, streetName, revision]);
  return { groups, streetName };
}

/** The streets' names in the interface's language, by id (the id itself for an unknown street). */
export function useStreetNames(data: Partial<RegionLayers>): (streetId: string) => string {
  const { language } = useI18n();
  return useMemo(() => {
    const names = new Map(
      (data.streets?.features ?? []).map((street) => [
        street.properties.id,
        language === 'en' && street.properties.nameEn ? street.properties.nameEn : street.properties.name,
      ]),
    );
    return (streetId: string) => names.get(streetId) ?? streetId;
  }, [data.streets, language]);
}
