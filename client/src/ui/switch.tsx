/** An on/off switch (a checkbox drawn as a sliding toggle): a map layer, the uncovered units, the moved units. */
import './switch.css';

export interface SwitchProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** For a `<label htmlFor>` beside it; a switch inside its label needs none. */
  id?: string;
  testId?: string;
}

export function Switch({ checked, onChange, id, testId }: SwitchProps) {
  return (
    <input
      id={id}
      type="checkbox"
      className="switch"
      checked={checked}
      data-testid={testId}
      onChange={(event) => onChange(event.target.checked)}
    />
  );
}
