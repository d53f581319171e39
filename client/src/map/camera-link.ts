/**
 * Keeps maps on the same view: a pan or zoom on one is applied to the others at once (the
 * comparison's side-by-side maps). The maps have no rotation or pitch, so centre and zoom say it all.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

export class CameraLink {
  private readonly maps = new Set<MapLibreMap>();
  /** Set while a move is being copied, so the copies do not echo back. */
  private copying = false;

  /** Links a map, bringing it to the view of a map already linked; returns the unlink. */
  attach(map: MapLibreMap): () => void {
    const peer = this.peerOf(map);
    this.maps.add(map);
    if (peer) map.jumpTo({ center: peer.getCenter(), zoom: peer.getZoom() });
    const copy = () => {
      if (this.copying) return;
      this.copying = true;
      try {
        for (const other of this.maps)
          if (other !== map) other.jumpTo({ center: map.getCenter(), zoom: map.getZoom() });
      } finally {
        this.copying = false;
      }
    };
    map.on('move', copy);
    return () => {
      map.off('move', copy);
      this.maps.delete(map);
    };
  }

  /** Another linked map, whose view a newly linked one takes (rather than framing the region). */
  peerOf(map: MapLibreMap): MapLibreMap | null {
    for (const other of this.maps) if (other !== map) return other;
    return null;
  }
}
