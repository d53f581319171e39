/**
 * The isochrones' minutes as typed text ("5, 10, 15"): checked as it is typed, applied when the
 * field is left or Enter is pressed.
 */
import { useEffect, useMemo, useState } from 'react';
import { useI18n, type I18n } from '../../lib/i18n';
import { LabelledField } from '../../ui/labelled-field';
import { formatMinutesList, parseMinutesList, type MinutesParse } from './minutes-list';

function minutesProblem(parse: MinutesParse, t: I18n['t']): string | null {
  if (parse.ok) return null;
  switch (parse.reason) {
    case 'minutes-empty':
      return t('access.minutes.empty');
    case 'minutes-not-a-number':
      return t('access.minutes.notNumber', { token: parse.token ?? '' });
    case 'minutes-out-of-range':
      return t('access.minutes.outOfRange', { token: parse.token ?? '' });
    case 'minutes-too-many':
      return t('access.minutes.tooMany');
  }
}

export function MinutesInput({
  minutes,
  onChange,
}: {
  minutes: readonly number[];
  onChange: (minutes: number[]) => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(() => formatMinutesList(minutes));
  useEffect(() => setText(formatMinutesList(minutes)), [minutes]);
  const parse = useMemo(() => parseMinutesList(text), [text]);
  const problem = minutesProblem(parse, t);
  const commit = () => {
    if (!parse.ok) return;
    if (parse.minutes.join() !== minutes.join()) onChange(parse.minutes);
    else setText(formatMinutesList(parse.minutes));
  };
  return (
    <LabelledField label={t('access.minutes')} htmlFor="isochrone-minutes">
      <input
        id="isochrone-minutes"
        className="text-input"
        type="text"
        value={text}
        aria-invalid={problem !== null}
        aria-describedby="isochrone-minutes-hint"
        data-testid="minutes-input"
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
      />
      {problem ? (
        <p className="field-error" role="alert" id="isochrone-minutes-hint">
          {problem}
        </p>
      ) : (
        <p className="field-hint" id="isochrone-minutes-hint">
          {t('access.minutesHint')}
        </p>
      )}
    </LabelledField>
  );
}
