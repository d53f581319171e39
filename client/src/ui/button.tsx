/**
 * The interface's buttons: `primary` for the action a step leads to (save, create, apply), `quiet`
 * for the ones beside it (undo, cancel), `danger` to confirm what cannot be undone, `link` for an
 * action inside text.
 */
import type { ButtonHTMLAttributes } from 'react';
import './button.css';

export type ButtonVariant = 'primary' | 'quiet' | 'danger' | 'link';

const VARIANT_CLASS: Record<ButtonVariant, string> = {
  primary: 'button-primary',
  quiet: 'button-quiet',
  danger: 'button-danger',
  link: 'link-button',
};

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant: ButtonVariant;
  testId?: string;
}

export function Button({ variant, testId, className, type = 'button', ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      className={`${VARIANT_CLASS[variant]}${className ? ` ${className}` : ''}`}
      data-testid={testId}
      {...rest}
    />
  );
}
