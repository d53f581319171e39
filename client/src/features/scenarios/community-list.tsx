/**
 * The open scenario's communities by street, each with its live residents and a pass mark or the
 * number of rules it fails; a row makes the community the tools' target.
 */
import { formatCount, formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { COMMUNITY_TYPE_COLOURS, cssColour } from '../../map/colours';
import { Badge } from '../../ui/badge';
import { Section } from '../../ui/section';
import type { CommunityGroup } from './community-groups';
import type { ScenarioEditor } from './use-scenario-editor';

export function CommunityList({
  editor,
  groups,
  streetName,
}: {
  editor: ScenarioEditor;
  groups: CommunityGroup[];
  streetName: (streetId: string) => string;
}) {
  const { t } = useI18n();
  const evaluator = editor.session!.evaluator;
  const active = editor.activeId && evaluator.hasCommunity(editor.activeId) ? editor.activeId : null;
  return (
    <Section
      heading="h3"
      title={t('scenario.communities')}
      count={formatCount(evaluator.communityIds().length)}
    >
      <div className="scenario-legend" aria-label={t('scenario.legend')}>
        <span>
          <span className="legend-box legend-fail" /> {t('scenario.legend.fail')}
        </span>
        <span>
          <span className="legend-box legend-pending" /> {t('scenario.legend.pending')}
        </span>
        <span>
          <span className="legend-box legend-active" /> {t('scenario.legend.active')}
        </span>
      </div>
      {groups.map((group) => (
        <div key={group.streetId} className="community-group">
          <div className="community-group-title">{streetName(group.streetId)}</div>
          <ul className="community-list">
            {group.rows.map((row) => (
              <li key={row.id}>
                <button
                  type="button"
                  className={`community-row${row.id === active ? ' is-active' : ''}`}
                  onClick={() => editor.setActiveId(row.id)}
                  data-testid="community-row"
                  data-community-id={row.id}
                  data-residents={row.residents}
                  aria-pressed={row.id === active}
                >
                  <span
                    className="swatch swatch-area"
                    style={{ background: cssColour(COMMUNITY_TYPE_COLOURS[row.type]) }}
                  />
                  <span className="community-row-name">
                    {row.name}
                    {row.changed && !editor.readOnly && (
                      <span className="dot-pending" title={t('scenario.unsaved')} />
                    )}
                  </span>
                  <span className="community-row-residents">{formatCount(row.residents)}</span>
                  {row.failed > 0 ? (
                    <Badge tone="fail" title={t('scenario.metrics.failedCount', { n: row.failed })}>
                      {formatNumber(row.failed)}
                    </Badge>
                  ) : (
                    <Badge tone="pass" title={t('scenario.metrics.allPass')}>
                      ✓
                    </Badge>
                  )}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </Section>
  );
}
