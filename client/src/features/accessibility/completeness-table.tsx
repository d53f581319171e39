/** Life-circle completeness: each category's coverage within its tier; a row shows that category's map. */
import type { CoverageResult } from '../../lib/api-types';
import { formatShare } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { FACILITY_CATEGORIES, isFacilityCategoryId, type FacilityCategoryId } from '../../lib/standards';
import { FACILITY_CATEGORY_COLOURS, cssColour } from '../../map/colours';
import { Section } from '../../ui/section';
import { ShareList, ShareRow } from '../../ui/share-list';
import { categoryCoverageRows } from './coverage-rows';

/** The swatch of a category the standards do not know. */
const UNKNOWN_CATEGORY_COLOUR: [number, number, number] = [120, 120, 120];
/** Shares below this are drawn in the warning colour. */
const LOW_SHARE = 0.5;

export interface CompletenessTableProps {
  result: CoverageResult;
  /** The categories the completeness grid counted, in its order (all of the result's before it arrives). */
  categories: readonly string[] | null;
  onPick: (category: FacilityCategoryId) => void;
}

export function CompletenessTable({ result, categories, onPick }: CompletenessTableProps) {
  const { t, localName } = useI18n();
  const rows = categoryCoverageRows(result, categories ?? undefined);
  return (
    <Section title={t('access.coverageCategories')}>
      <ShareList data-testid="coverage-table" data-category="completeness">
        {rows.map((row) => {
          const id = row.category;
          const known = isFacilityCategoryId(id);
          return (
            <ShareRow
              key={id}
              data-testid="coverage-row"
              data-category={id}
              data-share={row.coveredShare ?? ''}
              title={t('access.categoryRowHint')}
              disabled={!known}
              onClick={() => known && onPick(id)}
              name={
                <>
                  <span
                    className="swatch swatch-point"
                    style={{
                      background: cssColour(known ? FACILITY_CATEGORY_COLOURS[id] : UNKNOWN_CATEGORY_COLOUR),
                    }}
                  />
                  {known ? localName(FACILITY_CATEGORIES[id]) : id}
                  <span className="coverage-tier">{t('tier.minutes', { n: row.tierMinutes })}</span>
                </>
              }
              share={row.coveredShare}
              low={row.coveredShare !== null && row.coveredShare < LOW_SHARE}
              figure={formatShare(row.coveredShare) ?? t('value.missing')}
            />
          );
        })}
      </ShareList>
    </Section>
  );
}
