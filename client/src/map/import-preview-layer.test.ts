import { describe, expect, it } from 'vitest';
import { buildImportPreviewLayer, OUTLINES_UNDER_FEATURES } from './import-preview-layer';

/** `count` square units side by side (or points), the first `nullGeometry` of them without geometry. */
function features(count: number, kind: 'Polygon' | 'Point', nullGeometry = 0): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: Array.from({ length: count }, (_, k) => {
      const x = 109 + k * 1e-4;
      const geometry: GeoJSON.Geometry | null =
        k < nullGeometry
          ? null
          : kind === 'Point'
            ? { type: 'Point', coordinates: [x, 28] }
            : {
                type: 'Polygon',
                coordinates: [
                  [
                    [x, 28],
                    [x + 1e-4, 28],
                    [x + 1e-4, 28.0001],
                    [x, 28],
                  ],
                ],
              };
      return {
        type: 'Feature' as const,
        properties: { id: `f${k}`, importStatus: k % 2 === 0 ? 'ok' : 'warning' },
        geometry: geometry as GeoJSON.Geometry,
      };
    }),
  };
}

describe('buildImportPreviewLayer', () => {
  it('outlines a small preview with 3 px rings and skips the features without geometry', () => {
    const layer = buildImportPreviewLayer(features(5, 'Polygon', 2));
    const drawn = (layer.props.data as GeoJSON.FeatureCollection).features;
    expect(drawn.map((feature) => feature.properties?.id)).toEqual(['f2', 'f3', 'f4']);
    expect(layer.props).toMatchObject({ filled: true, stroked: true, getLineWidth: 3 });
  });

  it('fills a county-sized polygon preview without outlines, counting only the features it draws', () => {
    expect(buildImportPreviewLayer(features(OUTLINES_UNDER_FEATURES, 'Polygon')).props).toMatchObject({
      filled: true,
      stroked: false,
    });
    // One feature fewer to draw than the threshold: still outlined.
    expect(buildImportPreviewLayer(features(OUTLINES_UNDER_FEATURES, 'Polygon', 1)).props).toMatchObject({
      stroked: true,
    });
  });

  it('keeps the rings of a large preview of points', () => {
    expect(buildImportPreviewLayer(features(OUTLINES_UNDER_FEATURES, 'Point')).props).toMatchObject({
      stroked: true,
    });
  });
});
