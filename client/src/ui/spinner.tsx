/** A small turning ring: something is on its way. `light` for a dark button. */
import './spinner.css';

export function Spinner({
  label,
  light,
  className,
}: {
  label?: string;
  light?: boolean;
  className?: string;
}) {
  return (
    <span
      className={`spinner${light ? ' spinner-light' : ''}${className ? ` ${className}` : ''}`}
      aria-label={label}
    />
  );
}
