/**
 * The tier the chosen category must be reached within: the standards' default unless the planner
 * sets another; coverage and the completeness map follow the edited table.
 */
import { useI18n } from '../../lib/i18n';
import { FACILITY_CATEGORIES, type FacilityCategoryId } from '../../lib/standards';
import { Button } from '../../ui/button';
import { LabelledField } from '../../ui/labelled-field';
import { SegmentedControl } from '../../ui/segmented-control';
import { TIER_CHOICES_MINUTES, withTier } from './tiers';
import type { AccessibilityState } from './use-accessibility';

export function TierPicker({ state, category }: { state: AccessibilityState; category: FacilityCategoryId }) {
  const { t } = useI18n();
  const defaultMinutes = FACILITY_CATEGORIES[category].tierMinutes;
  const current = state.tierOverrides[category] ?? defaultMinutes;
  if (defaultMinutes === null || current === null) return null;
  return (
    <LabelledField label={t('access.tier')}>
      <SegmentedControl
        testId="tier-picker"
        label={t('access.tier')}
        value={current}
        options={TIER_CHOICES_MINUTES.map((minutes) => ({
          value: minutes,
          label: t('access.tierMinutes', { n: minutes }),
          title: minutes === defaultMinutes ? t('access.tierDefault', { n: defaultMinutes }) : undefined,
        }))}
        onChange={(minutes) => state.setTierOverrides(withTier(state.tierOverrides, category, minutes))}
      />
      <p className="hint">
        {t('access.tierDefault', { n: defaultMinutes })}
        {Object.keys(state.tierOverrides).length > 0 && (
          <>
            {' · '}
            <Button variant="link" testId="tier-reset" onClick={() => state.setTierOverrides({})}>
              {t('access.tierReset')}
            </Button>
          </>
        )}
      </p>
    </LabelledField>
  );
}
