/**
 * Pointer handling for the scenario tools on the MapLibre map, with plain map events (works offline,
 * no drawing library): a brush that reports where it touches while the button is held, a freehand
 * lasso, click-by-click polygons and lines (double-click, Enter or a click on the first corner ends
 * them; Backspace takes the last corner back, Escape cancels), and a pick that reports one click.
 * The brush and the lasso hold the map still; polygons and lines let it pan between clicks.
 */
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import type { Position } from '../lib/api-types';
import { brushCursor, brushSamples, type Pixel } from './brush-samples';

export type DrawingToolKind = 'brush' | 'lasso' | 'polygon' | 'line' | 'pick';

export interface DrawingTool {
  kind: DrawingToolKind;
  /** Brush radius in screen pixels (0: the unit under the pointer only). */
  brushRadiusPixels?: number;
}

export interface DrawnShape {
  kind: 'polygon' | 'line';
  /** [lng, lat]; a polygon's ring is open (its first corner not repeated). */
  coordinates: Position[];
}

export interface DrawingCallbacks {
  /** Brush: `start` with the first samples, `move` with each new stretch, `end` with none. */
  onBrush?: (phase: 'start' | 'move' | 'end', samples: Position[]) => void;
  /** Lasso, polygon (ring) or line finished. */
  onShape?: (shape: DrawnShape) => void;
  /** Pick: a click on the map. */
  onPick?: (position: Position) => void;
}

/** What is being drawn, for the map to show. */
export interface DrawingPreview {
  kind: 'lasso' | 'polygon' | 'line';
  points: Position[];
  /** The pointer, for the rubber band from the last corner (polygon and line). */
  pointer: Position | null;
}

/** A lasso adds a point once the pointer has moved this far (screen pixels). */
const LASSO_STEP_PIXELS = 3;
/** A click this close to the first corner closes a polygon. */
const CLOSE_PIXELS = 10;

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName))
  );
}

/** The CSS cursor of a tool (null: the map's own). */
export function drawingCursor(tool: DrawingTool | null): string | null {
  if (!tool) return null;
  if (tool.kind === 'brush') return brushCursor(tool.brushRadiusPixels ?? 0);
  return 'crosshair';
}

/**
 * Wires the tool to the map while it is set; returns what is being drawn. Callbacks are read
 * through a ref, so passing new functions each render does not rewire the map.
 */
export function useDrawingTool(
  mapRef: { current: MapLibreMap | null },
  styleReady: boolean,
  tool: DrawingTool | null,
  callbacks: DrawingCallbacks,
): DrawingPreview | null {
  const [preview, setPreview] = useState<DrawingPreview | null>(null);
  const callbacksRef = useRef(callbacks);
  useEffect(() => {
    callbacksRef.current = callbacks;
  }, [callbacks]);
  const kind = tool?.kind ?? null;
  const brushRadius = tool?.brushRadiusPixels ?? 0;

  useEffect(() => {
    const map = mapRef.current;
    setPreview(null);
    if (!map || !styleReady || !kind) return;
    const holdsMap = kind === 'brush' || kind === 'lasso';
    const wasDragPan = map.dragPan.isEnabled();
    const wasDoubleClickZoom = map.doubleClickZoom.isEnabled();
    if (holdsMap) map.dragPan.disable();
    if (kind === 'polygon' || kind === 'line') map.doubleClickZoom.disable();

    const lngLatOf = (pixel: Pixel): Position => {
      const lngLat = map.unproject(pixel);
      return [lngLat.lng, lngLat.lat];
    };
    let down = false;
    let lastPixel: Pixel | null = null;
    let points: Position[] = [];
    let pixels: Pixel[] = [];

    const finish = () => {
      if (kind === 'polygon' && points.length >= 3)
        callbacksRef.current.onShape?.({ kind: 'polygon', coordinates: points });
      if (kind === 'line' && points.length >= 2)
        callbacksRef.current.onShape?.({ kind: 'line', coordinates: points });
      points = [];
      pixels = [];
      setPreview(null);
    };
    const cancel = () => {
      points = [];
      pixels = [];
      setPreview(null);
    };

    const onMouseDown = (event: MapMouseEvent) => {
      if (event.originalEvent.button !== 0 || !holdsMap) return;
      event.preventDefault();
      down = true;
      const pixel: Pixel = [event.point.x, event.point.y];
      lastPixel = pixel;
      if (kind === 'brush') {
        callbacksRef.current.onBrush?.('start', brushSamples(null, pixel, brushRadius).map(lngLatOf));
      } else {
        points = [lngLatOf(pixel)];
        setPreview({ kind: 'lasso', points, pointer: null });
      }
    };
    const onMouseMove = (event: MapMouseEvent) => {
      const pixel: Pixel = [event.point.x, event.point.y];
      if (kind === 'brush' && down) {
        callbacksRef.current.onBrush?.('move', brushSamples(lastPixel, pixel, brushRadius).map(lngLatOf));
        lastPixel = pixel;
      } else if (kind === 'lasso' && down && lastPixel) {
        if (Math.hypot(pixel[0] - lastPixel[0], pixel[1] - lastPixel[1]) < LASSO_STEP_PIXELS) return;
        lastPixel = pixel;
        points = [...points, lngLatOf(pixel)];
        setPreview({ kind: 'lasso', points, pointer: null });
      } else if ((kind === 'polygon' || kind === 'line') && points.length > 0) {
        setPreview({ kind, points, pointer: lngLatOf(pixel) });
      }
    };
    const onMouseUp = () => {
      if (!down) return;
      down = false;
      lastPixel = null;
      if (kind === 'brush') callbacksRef.current.onBrush?.('end', []);
      if (kind === 'lasso') {
        const ring = points;
        points = [];
        setPreview(null);
        if (ring.length >= 3) callbacksRef.current.onShape?.({ kind: 'polygon', coordinates: ring });
      }
    };
    const onClick = (event: MapMouseEvent) => {
      const pixel: Pixel = [event.point.x, event.point.y];
      if (kind === 'pick') {
        callbacksRef.current.onPick?.(lngLatOf(pixel));
        return;
      }
      if (kind !== 'polygon' && kind !== 'line') return;
      if (
        kind === 'polygon' &&
        pixels.length >= 3 &&
        Math.hypot(pixel[0] - pixels[0][0], pixel[1] - pixels[0][1]) <= CLOSE_PIXELS
      ) {
        finish();
        return;
      }
      points = [...points, lngLatOf(pixel)];
      pixels = [...pixels, pixel];
      setPreview({ kind, points, pointer: null });
    };
    const onDoubleClick = (event: MapMouseEvent) => {
      if (kind !== 'polygon' && kind !== 'line') return;
      event.preventDefault();
      // The double click's own two clicks added the same corner twice: keep one.
      const last = pixels.length - 1;
      if (
        last >= 1 &&
        Math.hypot(pixels[last][0] - pixels[last - 1][0], pixels[last][1] - pixels[last - 1][1]) <= 4
      ) {
        points = points.slice(0, -1);
        pixels = pixels.slice(0, -1);
      }
      finish();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target)) return;
      if (event.key === 'Escape' && points.length > 0) {
        event.stopPropagation();
        cancel();
      } else if (event.key === 'Enter' && (kind === 'polygon' || kind === 'line')) {
        finish();
      } else if (event.key === 'Backspace' && points.length > 0 && (kind === 'polygon' || kind === 'line')) {
        event.preventDefault();
        points = points.slice(0, -1);
        pixels = pixels.slice(0, -1);
        setPreview(points.length > 0 ? { kind, points, pointer: null } : null);
      }
    };

    map.on('mousedown', onMouseDown);
    map.on('mousemove', onMouseMove);
    map.on('click', onClick);
    map.on('dblclick', onDoubleClick);
    // Released outside the map: the stroke still ends.
    window.addEventListener('mouseup', onMouseUp);
    window.addEventListener('keydown', onKeyDown, true);
    return () => {
      if (down && kind === 'brush') callbacksRef.current.onBrush?.('end', []);
      map.off('mousedown', onMouseDown);
      map.off('mousemove', onMouseMove);
      map.off('click', onClick);
      map.off('dblclick', onDoubleClick);
      window.removeEventListener('mouseup', onMouseUp);
      window.removeEventListener('keydown', onKeyDown, true);
      if (holdsMap && wasDragPan) map.dragPan.enable();
      if (wasDoubleClickZoom) map.doubleClickZoom.enable();
    };
  }, [mapRef, styleReady, kind, brushRadius]);

  return preview;
}
