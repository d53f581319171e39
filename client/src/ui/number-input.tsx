/**
 * A number typed as text (the planner may pass through an empty or half-typed value): the text is
 * the state, and `invalid` marks it when it does not read as an allowed number.
 */
import type { InputHTMLAttributes } from 'react';

export interface NumberInputProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange' | 'inputMode'
> {
  text: string;
  onText: (text: string) => void;
  invalid: boolean;
  /** Whole numbers only (a count): the numeric keypad without a decimal point. */
  integer?: boolean;
  testId?: string;
}

export function NumberInput({ text, onText, invalid, integer, testId, ...rest }: NumberInputProps) {
  return (
    <input
      {...rest}
      inputMode={integer ? 'numeric' : 'decimal'}
      value={text}
      aria-invalid={invalid}
      data-testid={testId}
      onChange={(event) => onText(event.target.value)}
    />
  );
}
