/** One field of a form: its name above the control, the whole row its label. */
import type { ReactNode } from 'react';
import './form-row.css';

export function FormRow({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <label className="form-row">
      <span>{label}</span>
      {children}
    </label>
  );
}
