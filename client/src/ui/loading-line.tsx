/** A line saying what is being computed or loaded, after a spinner. */
import type { ReactNode } from 'react';
import { Spinner } from './spinner';
import './loading-line.css';

export function LoadingLine({ children }: { children: ReactNode }) {
  return (
    <p className="computing">
      <Spinner /> {children}
    </p>
  );
}
