import type { PointerEvent as ReactPointerEvent } from 'react';
import { useI18n } from '../lib/i18n';
import type { MapSwipe } from './map-view-types';
import './swipe-handle.css';

/** The comparison's swipe: a handle dragged across the map (or moved with the arrow keys), with the two sides named. */
export function SwipeHandle({ swipe }: { swipe: MapSwipe }) {
  const { t } = useI18n();
  const move = (event: ReactPointerEvent<HTMLDivElement>) => {
    const frame = event.currentTarget.closest('.map-view')?.getBoundingClientRect();
    if (!frame || frame.width <= 0) return;
    swipe.onFraction(Math.min(0.98, Math.max(0.02, (event.clientX - frame.left) / frame.width)));
  };
  return (
    <div className="swipe" style={{ left: `${swipe.fraction * 100}%` }} data-testid="swipe">
      <div className="swipe-label swipe-label-left">{swipe.leftLabel}</div>
      <div className="swipe-label swipe-label-right">{swipe.rightLabel}</div>
      <div
        className="swipe-grip"
        role="slider"
        tabIndex={0}
        aria-label={t('scenario.compare.swipe')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(swipe.fraction * 100)}
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
        }}
        onPointerMove={(event) => {
          if (event.currentTarget.hasPointerCapture(event.pointerId)) move(event);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowLeft') swipe.onFraction(Math.max(0.02, swipe.fraction - 0.05));
          if (event.key === 'ArrowRight') swipe.onFraction(Math.min(0.98, swipe.fraction + 0.05));
        }}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M6 4 L2 8 L6 12 M10 4 L14 8 L10 12" />
        </svg>
      </div>
    </div>
  );
}
