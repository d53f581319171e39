/** A small rounded label: what something is, or (`pending`) that it has unsaved changes. */
import type { HTMLAttributes, ReactNode } from 'react';
import './chip.css';

export interface ChipProps extends Omit<HTMLAttributes<HTMLSpanElement>, 'className'> {
  pending?: boolean;
  testId?: string;
  children: ReactNode;
}

export function Chip({ pending, testId, children, ...rest }: ChipProps) {
  return (
    <span className={`kind-chip${pending ? ' chip-pending' : ''}`} data-testid={testId} {...rest}>
      {children}
    </span>
  );
}
