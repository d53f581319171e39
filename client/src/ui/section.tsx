/** A titled section of a panel, with an optional count beside the title and a link at its end. */
import type { ReactNode } from 'react';
import './section.css';

export interface SectionProps {
  title: ReactNode;
  /** Shown in a pill after the title (how many rows follow). */
  count?: ReactNode;
  /** After the count, at the title's end (e.g. a "discard" link). */
  titleEnd?: ReactNode;
  /** The heading's level: h3 in a left panel, h4 under a panel's h3. */
  heading?: 'h3' | 'h4';
  className?: string;
  children: ReactNode;
}

export function Section({
  title,
  count,
  titleEnd,
  heading: Heading = 'h4',
  className,
  children,
}: SectionProps) {
  return (
    <section className={`details-section${className ? ` ${className}` : ''}`}>
      <Heading className="section-title">
        {title}
        {count !== undefined && <span className="section-count">{count}</span>}
        {titleEnd}
      </Heading>
      {children}
    </section>
  );
}
