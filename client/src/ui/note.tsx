/** A remark set apart beside figures: what they leave out, or how two of them differ. */
import type { ReactNode } from 'react';
import './note.css';

export function Note({ testId, children }: { testId?: string; children: ReactNode }) {
  return (
    <p className="note" data-testid={testId}>
      {children}
    </p>
  );
}
