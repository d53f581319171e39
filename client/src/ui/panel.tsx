/**
 * A sidebar panel: its title (hidden when the sidebar's tab already names it) with actions beside
 * it, and its content.
 */
import type { ReactNode } from 'react';
import './panel.css';

export interface PanelProps {
  /** The panel's own class (`layer-panel`, `attribute-panel`…), after `panel`. */
  name: string;
  title: ReactNode;
  /** The title's id, which names the panel for assistive technology. */
  titleId: string;
  /** The title is read out but not shown (the sidebar's tab shows it). */
  titleHidden?: boolean;
  /** Beside the title (e.g. a close button); a shown title sits in a row with them. */
  actions?: ReactNode;
  testId?: string;
  children: ReactNode;
}

export function Panel({ name, title, titleId, titleHidden, actions, testId, children }: PanelProps) {
  const heading = (
    <h2 id={titleId} className={`panel-title${titleHidden ? ' visually-hidden' : ''}`}>
      {title}
    </h2>
  );
  return (
    <section className={`panel ${name}`} data-testid={testId} aria-labelledby={titleId}>
      {titleHidden ? (
        heading
      ) : (
        <div className="panel-title-row">
          {heading}
          {actions}
        </div>
      )}
      {children}
    </section>
  );
}
