/**
 * A row of mutually exclusive choices (a radio group drawn as joined buttons): the walking profile,
 * the analysis view, a scenario's mode, the brush size, the population layer's style…
 */
import type { ReactNode } from 'react';
import './segmented-control.css';

export interface SegmentedOption<T> {
  value: T;
  label: ReactNode;
  title?: string;
}

export interface SegmentedControlProps<T extends string | number> {
  /** The group's accessible name. */
  label: string;
  value: T;
  options: readonly SegmentedOption<T>[];
  onChange: (value: T) => void;
  /** Spread over the whole width, choices sharing it equally. */
  wide?: boolean;
  testId?: string;
  className?: string;
}

export function SegmentedControl<T extends string | number>({
  label,
  value,
  options,
  onChange,
  wide,
  testId,
  className,
}: SegmentedControlProps<T>) {
  return (
    <div
      className={`segmented${wide ? ' segmented-wide' : ''}${className ? ` ${className}` : ''}`}
      role="radiogroup"
      aria-label={label}
      data-testid={testId}
    >
      {options.map((option) => (
        <button
          key={String(option.value)}
          type="button"
          role="radio"
          aria-checked={value === option.value}
          className={value === option.value ? 'is-active' : undefined}
          data-value={option.value}
          title={option.title}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
