/** Small pictograms for the layer list, drawn in SVG so they stay crisp and need no icon font. */
import type { LayerToggles } from '../../map/deck-layers';
import './layer-icon.css';

export function LayerIcon({ layer }: { layer: keyof LayerToggles }) {
  return (
    <svg className="layer-icon" viewBox="0 0 20 20" aria-hidden="true">
      {layer === 'streets' && <path d="M3 5 L10 3 L17 6 L16 15 L8 17 L3 13 Z" className="icon-dashed" />}
      {layer === 'communities' && (
        <>
          <path d="M3 4 H10 V10 H3 Z" className="icon-fill-a" />
          <path d="M10 4 H17 V12 H10 Z" className="icon-fill-b" />
          <path d="M3 10 H10 V12 H17 V16 H3 Z" className="icon-fill-c" />
        </>
      )}
      {layer === 'facilities' && (
        <>
          <circle cx="6" cy="7" r="2.6" className="icon-dot-a" />
          <circle cx="14" cy="6" r="2.6" className="icon-dot-b" />
          <circle cx="10" cy="14" r="2.6" className="icon-dot-c" />
        </>
      )}
      {layer === 'population' && (
        <>
          <circle cx="6" cy="13" r="3.5" className="icon-pop" />
          <circle cx="13" cy="7" r="2.4" className="icon-pop" />
          <circle cx="15" cy="14" r="1.6" className="icon-pop" />
        </>
      )}
      {layer === 'network' && <path d="M2 15 L7 10 L12 12 L18 4 M7 10 L6 3" className="icon-line" />}
      {layer === 'labels' && <path d="M4 5 H16 M10 5 V16 M7 16 H13" className="icon-line" />}
    </svg>
  );
}
