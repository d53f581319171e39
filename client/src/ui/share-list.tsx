/**
 * A list of shares (0–1), one row each: a name, the share as a filled bar, and the share in
 * figures. A row with `onClick` is a button (coverage by community: frame it on the map); without,
 * it only shows. Extra `data-*` attributes go on the list and on each row, for tests that read them.
 */
import type { HTMLAttributes, ReactNode } from 'react';
import './share-list.css';

export function ShareList({ children, ...rest }: HTMLAttributes<HTMLUListElement> & { children: ReactNode }) {
  return (
    <ul className="share-list" {...rest}>
      {children}
    </ul>
  );
}

export interface ShareRowProps {
  name: ReactNode;
  share: number | null;
  /** Draw the bar in the warning colour. */
  low: boolean;
  /** The share as written (a percentage, or why there is none). */
  figure: ReactNode;
  onClick?: () => void;
  title?: string;
  disabled?: boolean;
}

/** The share as a filled bar. */
function ShareBar({ share, low }: { share: number | null; low: boolean }) {
  return (
    <span className="share-bar">
      <span className={`share-bar-fill${low ? ' is-low' : ''}`} style={{ width: `${(share ?? 0) * 100}%` }} />
    </span>
  );
}

export function ShareRow({ name, share, low, figure, onClick, title, disabled, ...rest }: ShareRowProps) {
  const content = (
    <>
      <span className="share-row-name">{name}</span>
      <ShareBar share={share} low={low} />
      <span className="share-row-figure">{figure}</span>
    </>
  );
  if (!onClick) {
    return (
      <li className="share-row is-static" title={title} {...rest}>
        {content}
      </li>
    );
  }
  return (
    <li>
      <button
        type="button"
        className="share-row"
        title={title}
        disabled={disabled}
        onClick={onClick}
        {...rest}
      >
        {content}
      </button>
    </li>
  );
}
