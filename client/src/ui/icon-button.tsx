/** A small square button showing only an icon (or ×); its label is its tooltip and accessible name. */
import type { ReactNode } from 'react';
import './icon-button.css';

export interface IconButtonProps {
  label: string;
  onClick: () => void;
  children: ReactNode;
  testId?: string;
  disabled?: boolean;
}

export function IconButton({ label, onClick, children, testId, disabled }: IconButtonProps) {
  return (
    <button
      type="button"
      className="icon-button"
      title={label}
      aria-label={label}
      onClick={onClick}
      data-testid={testId}
      disabled={disabled}
    >
      {children}
    </button>
  );
}
