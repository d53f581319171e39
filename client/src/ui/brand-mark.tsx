/** Lifecircle's mark: the 5-, 10- and 15-minute rings round a centre, as in the header and sign-in. */
export function BrandMark({ className }: { className: string }) {
  return (
    <svg className={className} viewBox="0 0 32 32" aria-hidden="true">
      <circle cx="16" cy="16" r="14" className="ring ring-15" />
      <circle cx="16" cy="16" r="9.5" className="ring ring-10" />
      <circle cx="16" cy="16" r="5" className="ring ring-5" />
      <circle cx="16" cy="16" r="1.8" className="ring-core" />
    </svg>
  );
}
