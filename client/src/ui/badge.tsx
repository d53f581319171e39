/**
 * A verdict in a pill: passes, fails, outside a band, advice (guidance not met: amber, never the red
 * of a failure), undetermined (a figure missing), a candidate, or not applicable.
 */
import type { ReactNode } from 'react';
import './badge.css';

export type BadgeTone =
  'pass' | 'fail' | 'outside' | 'advice' | 'undetermined' | 'candidate' | 'not-applicable';

export interface BadgeProps {
  tone: BadgeTone;
  title?: string;
  testId?: string;
  className?: string;
  children: ReactNode;
}

export function Badge({ tone, title, testId, className, children }: BadgeProps) {
  return (
    <span
      className={`badge badge-${tone}${className ? ` ${className}` : ''}`}
      title={title}
      data-testid={testId}
    >
      {children}
    </span>
  );
}
