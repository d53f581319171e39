/** The walking profile (adult, elderly, or a speed of the planner's own) and the speed it means. */
import { formatNumber, formatSpeed } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import {
  MAX_WALK_SPEED_METERS_PER_SECOND,
  MIN_WALK_SPEED_METERS_PER_SECOND,
  WALK_SPEED_METERS_PER_SECOND,
} from '../../lib/walking';
import { LabelledField } from '../../ui/labelled-field';
import { NumberInput } from '../../ui/number-input';
import { SegmentedControl } from '../../ui/segmented-control';
import type { AccessibilityState, SpeedProfile } from './use-accessibility';

export function ProfilePicker({ state }: { state: AccessibilityState }) {
  const { t } = useI18n();
  const speed = state.speedMetersPerSecond;
  const preset = (profile: 'adult' | 'elderly') => ({
    value: profile,
    label: (
      <>
        {t(`access.profile.${profile}`)} <small>{formatSpeed(WALK_SPEED_METERS_PER_SECOND[profile])}</small>
      </>
    ),
    title: t('access.speedValue', { speed: formatSpeed(WALK_SPEED_METERS_PER_SECOND[profile]) }),
  });
  return (
    <LabelledField label={t('access.profile')}>
      <SegmentedControl<SpeedProfile>
        testId="walking-profile"
        label={t('access.profile')}
        value={state.profile}
        options={[preset('adult'), preset('elderly'), { value: 'custom', label: t('access.profile.custom') }]}
        onChange={state.setProfile}
        wide
      />
      <div className="speed-line">
        {state.profile === 'custom' ? (
          <span className="speed-input">
            <NumberInput
              type="number"
              min={MIN_WALK_SPEED_METERS_PER_SECOND}
              max={MAX_WALK_SPEED_METERS_PER_SECOND}
              step={0.1}
              text={state.customSpeedText}
              onText={state.setCustomSpeedText}
              invalid={speed === null}
              aria-label={t('access.speedInput')}
              testId="custom-speed"
            />
            m/s
          </span>
        ) : (
          <span className="speed-value">{t('access.speedValue', { speed: formatSpeed(speed ?? 0) })}</span>
        )}
        {speed !== null && (
          <span className="speed-note">
            {t('access.speedPerMinute', { meters: formatNumber(speed * 60) })}
          </span>
        )}
      </div>
      {speed === null && (
        <p className="field-error" role="alert">
          {t('access.speedProblem', {
            min: MIN_WALK_SPEED_METERS_PER_SECOND,
            max: MAX_WALK_SPEED_METERS_PER_SECOND,
          })}
        </p>
      )}
    </LabelledField>
  );
}
