/**
 * A vector base map in the dashboard's printed figure: its tiles fetched from the app and drawn as
 * SVG paths (polygons filled, lines stroked) in the map's colours, each tile's units stretched
 * over the tile's rectangle in the figure (as the raster tiles are placed).
 */
import { useEffect, useState } from 'react';
import { readVectorTile } from '../../../../core/formats/vector-tile-reader';
import { VECTOR_BASEMAP } from '../../map/colours';
import type { FigureTile } from './coverage-figure';

interface TilePaths {
  fill: string;
  line: string;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

function tilePaths(bytes: Uint8Array, tile: FigureTile): TilePaths {
  const fill: string[] = [];
  const line: string[] = [];
  for (const layer of readVectorTile(bytes)) {
    const place = ([x, y]: [number, number]) =>
      `${round1(tile.box.x + (x / layer.extent) * tile.box.width)} ${round1(tile.box.y + (y / layer.extent) * tile.box.height)}`;
    for (const feature of layer.features) {
      if (feature.type === 'point') continue;
      for (const part of feature.parts) {
        if (part.length < 2) continue;
        const path = `M${part.map(place).join('L')}`;
        if (feature.type === 'polygon') fill.push(`${path}Z`);
        else line.push(path);
      }
    }
  }
  return { fill: fill.join(''), line: line.join('') };
}

function tileUrl(template: string, tile: FigureTile): string {
  return template
    .replace('{z}', String(tile.z))
    .replace('{x}', String(tile.x))
    .replace('{y}', String(tile.y));
}

export function FigureVectorBasemap({
  id,
  template,
  tiles,
  opacity,
}: {
  id: string;
  template: string;
  tiles: readonly FigureTile[];
  opacity: number;
}) {
  const [paths, setPaths] = useState<TilePaths[] | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    void Promise.all(
      tiles.map(async (tile): Promise<TilePaths> => {
        // A tile the base map does not have (404) or cannot be read leaves its place empty.
        const response = await fetch(tileUrl(template, tile), { signal: controller.signal }).catch(
          () => null,
        );
        if (!response?.ok) return { fill: '', line: '' };
        try {
          return tilePaths(new Uint8Array(await response.arrayBuffer()), tile);
        } catch {
          return { fill: '', line: '' };
        }
      }),
    ).then((drawn) => {
      if (!controller.signal.aborted) setPaths(drawn);
    });
    return () => controller.abort();
  }, [template, tiles]);
  const fill = paths?.map((tile) => tile.fill).join('') ?? '';
  const line = paths?.map((tile) => tile.line).join('') ?? '';
  return (
    <g
      opacity={opacity}
      data-testid="coverage-basemap"
      data-basemap={id}
      data-drawn={paths ? 'true' : 'false'}
    >
      <path d={fill} fill={VECTOR_BASEMAP.fill} stroke="none" fillRule="nonzero" />
      <path d={line} fill="none" stroke={VECTOR_BASEMAP.line} strokeWidth={0.8} />
    </g>
  );
}
