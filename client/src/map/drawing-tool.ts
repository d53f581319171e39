/**
 * Pointer handling for the scenario tools on the MapLibre map, with plain map events (works offline,
 * no drawing library): a brush that reports where it touches while the button is held, a freehand
 * lasso, click-by-click polygons and lines (double-click, Enter or a click on the first corner ends
 * them; Backspace takes the last corner back, Escape cancels), a pick that reports one click, and
 * a drag that moves what the pointer grabbed (a facility) and pans the map when it grabbed nothing.
 * The brush and the lasso hold the map still; polygons and lines let it pan between clicks.
 */
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import type { Position } from '../lib/api-types';
import { brushCursor, brushSamples, type Pixel } from './brush-samples';
import { PICK_PIXELS, type PickContext } from './map-pick';

export type DrawingToolKind = 'brush' | 'lasso' | 'polygon' | 'line' | 'pick' | 'drag';

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
  /** Pick and drag: a click on the map, with what picking near it needs. */
  onPick?: (position: Position, pick: PickContext) => void;
  /** Drag: the button went down here; true when something was grabbed (the map then stays still). */
  onGrab?: (position: Position, pick: PickContext) => boolean;
  /** Drag: what was grabbed was let go here (after the pointer moved). */
  onDrop?: (position: Position) => void;
}

/** What is being drawn, for the map to show. */
export interface DrawingPreview {
  /** `point`: where a dragged facility would land. */
  kind: 'lasso' | 'polygon' | 'line' | 'point';
  points: Position[];
  /** The pointer, for the rubber band from the last corner (polygon and line). */
  pointer: Position | null;
}

/** A lasso adds a point once the pointer has moved this far (screen pixels). */
const LASSO_STEP_PIXELS = 3;
/** A click this close to the first corner closes a polygon. */
const CLOSE_PIXELS = 10;
/** A grab moved less than this is a click, not a drag. */
const DRAG_PIXELS = 3;

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
    const pickAt = (pixel: Pixel): PickContext => {
      const corners = [
        lngLatOf([pixel[0] - PICK_PIXELS, pixel[1] - PICK_PIXELS]),
        lngLatOf([pixel[0] + PICK_PIXELS, pixel[1] + PICK_PIXELS]),
      ];
      return {
        pixel,
        project: (position) => {
          const point = map.project(position);
          return [point.x, point.y];
        },
        bbox: [
          Math.min(corners[0][0], corners[1][0]),
          Math.min(corners[0][1], corners[1][1]),
          Math.max(corners[0][0], corners[1][0]),
          Math.max(corners[0][1], corners[1][1]),
        ],
      };
    };
    let grabbed: Pixel | null = null;
    let dragged = false;
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
      if (event.originalEvent.button !== 0) return;
      if (kind === 'drag') {
        const pixel: Pixel = [event.point.x, event.point.y];
        if (callbacksRef.current.onGrab?.(lngLatOf(pixel), pickAt(pixel))) {
          // Holds the map still for this gesture only (MapLibre's drag pan skips a prevented mousedown).
          event.preventDefault();
          grabbed = pixel;
          dragged = false;
        }
        return;
      }
      if (!holdsMap) return;
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
      if (kind === 'drag' && grabbed) {
        dragged ||= Math.hypot(pixel[0] - grabbed[0], pixel[1] - grabbed[1]) >= DRAG_PIXELS;
        if (dragged) setPreview({ kind: 'point', points: [lngLatOf(pixel)], pointer: null });
        return;
      }
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
    const onMouseUp = (event: MouseEvent) => {
      if (kind === 'drag' && grabbed) {
        grabbed = null;
        setPreview(null);
        if (!dragged) return;
        const rect = map.getContainer().getBoundingClientRect();
        callbacksRef.current.onDrop?.(lngLatOf([event.clientX - rect.left, event.clientY - rect.top]));
        return;
      }
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
      if (kind === 'pick' || kind === 'drag') {
        // A drag ends with a click of its own when the pointer came back near where it started.
        if (kind === 'drag' && dragged) return;
        callbacksRef.current.onPick?.(lngLatOf(pixel), pickAt(pixel));
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
