/** A control under its label (the accessibility panel's settings, the scenario tools' options). */
import type { ReactNode } from 'react';
import './labelled-field.css';

export interface LabelledFieldProps {
  label: ReactNode;
  /** The id of the control the label names, when it is a single input. */
  htmlFor?: string;
  className?: string;
  children: ReactNode;
}

export function LabelledField({ label, htmlFor, className, children }: LabelledFieldProps) {
  return (
    <div className={`labelled-field${className ? ` ${className}` : ''}`}>
      <label className="labelled-field-label" htmlFor={htmlFor}>
        {label}
      </label>
      {children}
    </div>
  );
}
