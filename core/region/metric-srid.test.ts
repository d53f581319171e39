import { describe, expect, it } from 'vitest';
import { metricSridFor } from './metric-srid.js';

describe('metricSridFor', () => {
  it('picks the CGCS2000 3° Gauss–Krüger zone of the nearest central meridian', () => {
    expect(metricSridFor(111.2, 28.3)).toBe(4546); // the demo region's zone (CM 111°E)
    expect(metricSridFor(117.22, 28.3)).toBe(4548); // Guixi (CM 117°E)
    expect(metricSridFor(114.21, 22.69)).toBe(4547); // Longgang (CM 114°E)
    expect(metricSridFor(75.4, 39)).toBe(4534);
    expect(metricSridFor(134.6, 48)).toBe(4554);
  });

  it('falls back to UTM outside China’s longitudes', () => {
    expect(metricSridFor(13.4, 52.5)).toBe(32633);
    expect(metricSridFor(-43.2, -22.9)).toBe(32723);
  });
});
