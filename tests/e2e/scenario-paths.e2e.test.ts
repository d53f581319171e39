/**
 * End to end: walking paths drawn and closed in a scenario change its walks. On the 方案 tab the
 * planner draws a footway across a block (two clicks on the map and Enter) where the network makes
 * a long detour, closes a street segment with the close-path tool, and saves. Read back from the
 * API: the scenario has the path with its name and the closed edge; its travel times (on its own
 * network) reach the far side of the new path in at most the path's length and walk around the
 * closed segment instead of along it, while the region's travel times stay as they were.
 */
import { describe, expect, it } from 'vitest';
import { haversineDistanceMeters } from '../../core/geometry/haversine.js';
import type { Position } from '../../core/geometry/position.js';
import {
  createScenarioInPanel,
  getJson,
  mapRectangle,
  postJson,
  projectToPage,
  screenshotPath,
  useE2eSession,
  waitForMapIdle,
  type Collection,
} from '../support/e2e-harness.js';

const DRAW_ZOOM = 17;
const PATH_NAME = '滨江步行桥';
/** Distances of a drawn path across a block, meters: long enough to be a shortcut, short enough to fit. */
const PATH_METERS = { min: 50, max: 140 };
/** How much sooner the far side must be reached for the path to be a clear shortcut, seconds. */
const MIN_GAIN_SECONDS = 60;
/** A click on a line is picked within a few pixels: the clicked segment stays this far from others. */
const CLEAR_METERS = 25;
/** Start nodes tried, spread over the region's node ids. */
const START_SAMPLES = 60;

interface EdgeProps {
  id: number;
  source: number;
  target: number;
  lengthMeters: number;
}
type Edge = { geometry: { type: 'LineString'; coordinates: Position[] }; properties: EdgeProps };
interface TravelTimes {
  seconds: Record<string, number>;
}

/** Meters between two positions. */
const meters = (a: Position, b: Position) => haversineDistanceMeters(a, b);

/** The point halfway along a line. */
function midpoint(line: Position[]): Position {
  const lengths = line.slice(1).map((point, index) => meters(line[index], point));
  let remaining = lengths.reduce((sum, length) => sum + length, 0) / 2;
  for (let index = 0; index < lengths.length; index += 1) {
    if (remaining <= lengths[index]) {
      const share = lengths[index] === 0 ? 0 : remaining / lengths[index];
      const [a, b] = [line[index], line[index + 1]];
      return [a[0] + (b[0] - a[0]) * share, a[1] + (b[1] - a[1]) * share];
    }
    remaining -= lengths[index];
  }
  return line[line.length - 1];
}

/** Meters from a point to a line (planar, per segment). */
function distanceToLine(point: Position, line: Position[]): number {
  let best = Infinity;
  for (let index = 1; index < line.length; index += 1) {
    const [a, b] = [line[index - 1], line[index]];
    const steps = 20;
    for (let step = 0; step <= steps; step += 1) {
      const share = step / steps;
      best = Math.min(best, meters(point, [a[0] + (b[0] - a[0]) * share, a[1] + (b[1] - a[1]) * share]));
    }
  }
  return best;
}

describe('paths drawn and closed in a scenario, in a browser', () => {
  const { openApp } = useE2eSession();

  it('draws a footway and closes a street segment, saves, and the scenario walks on its own network', async () => {
    const { baseUrl, page } = await openApp();
    const network = await getJson<Collection<Edge['geometry'], EdgeProps>>(
      baseUrl,
      '/api/regions/demo/network',
    );
    const edges = network.features as Edge[];
    const nodePosition = new Map<number, Position>();
    for (const edge of edges) {
      nodePosition.set(edge.properties.source, edge.geometry.coordinates[0]);
      nodePosition.set(
        edge.properties.target,
        edge.geometry.coordinates[edge.geometry.coordinates.length - 1],
      );
    }
    const travelTimes = (scope: string, node: number) =>
      postJson<TravelTimes>(baseUrl, `${scope}/travel-times`, {
        from: { node },
        maxSeconds: 3600,
        speedMetersPerSecond: 1,
      });
    const secondsTo = (times: TravelTimes, node: number) => times.seconds[String(node)] ?? Infinity;

    // The shortcut: from a network node to the middle of an edge across a block (or a river: a
    // footbridge), where the network walks round the longest; nodes sampled across the region.
    const nodes = [...nodePosition.keys()].sort((a, b) => a - b);
    const sampleStep = Math.max(1, Math.floor(nodes.length / START_SAMPLES));
    let shortcut: {
      startNode: number;
      start: Position;
      regionFromStart: TravelTimes;
      edge: Edge;
      end: Position;
      boundSeconds: number;
      gain: number;
    } | null = null;
    for (let index = 0; index < nodes.length; index += sampleStep) {
      const startNode = nodes[index];
      const start = nodePosition.get(startNode)!;
      const regionFromStart = await travelTimes('/api/regions/demo', startNode);
      for (const edge of edges) {
        const end = midpoint(edge.geometry.coordinates);
        const across = meters(start, end);
        if (across < PATH_METERS.min || across > PATH_METERS.max) continue;
        const { source, target, lengthMeters } = edge.properties;
        if (source === startNode || target === startNode) continue;
        const boundSeconds = across + lengthMeters / 2;
        const regionSeconds = Math.min(
          secondsTo(regionFromStart, source),
          secondsTo(regionFromStart, target),
        );
        const gain = regionSeconds - boundSeconds;
        if (Number.isFinite(gain) && gain > (shortcut?.gain ?? MIN_GAIN_SECONDS)) {
          shortcut = { startNode, start, regionFromStart, edge, end, boundSeconds, gain };
        }
      }
    }
    expect(shortcut, 'an edge across a block the network walks round').not.toBeNull();
    const { startNode, start, regionFromStart } = shortcut!;

    // The segment to close: a long one near the start, clear of other lines and of the new path.
    const pathLine = [start, shortcut!.end];
    const closable = edges
      .filter((edge) => edge.properties.lengthMeters >= 60 && edge !== shortcut!.edge)
      .filter((edge) => ![edge.properties.source, edge.properties.target].includes(startNode))
      .map((edge) => ({ edge, click: midpoint(edge.geometry.coordinates) }))
      .filter(({ click }) => meters(click, start) < 250)
      .filter(({ edge, click }) =>
        edges.every(
          (other) => other === edge || distanceToLine(click, other.geometry.coordinates) >= CLEAR_METERS,
        ),
      )
      .filter(({ click }) => distanceToLine(click, pathLine) >= CLEAR_METERS)
      .sort((a, b) => meters(a.click, start) - meters(b.click, start));
    expect(closable.length, 'a street segment clear of other lines').toBeGreaterThan(0);
    const closed = closable[0];
    const closedFrom = closed.edge.properties.source;
    const closedTo = closed.edge.properties.target;
    const regionAcrossClosed = await travelTimes('/api/regions/demo', closedFrom);
    // The segment is its own ends' shortest walk, so closing it must lengthen that walk.
    expect(secondsTo(regionAcrossClosed, closedTo)).toBeCloseTo(closed.edge.properties.lengthMeters, 0);

    const scenarioId = await createScenarioInPanel(page, '步行桥');
    const openScenario = page.getByTestId('open-scenario');

    const viewCenter: Position = [
      (start[0] + shortcut!.end[0] + closed.click[0]) / 3,
      (start[1] + shortcut!.end[1] + closed.click[1]) / 3,
    ];
    await page.evaluate(
      ([centerAt, zoom]) =>
        window.__lifecircle!.map.jumpTo({ center: centerAt as [number, number], zoom: zoom as number }),
      [viewCenter, DRAW_ZOOM] as const,
    );
    await waitForMapIdle(page);
    const [startPixel, endPixel, closePixel] = await projectToPage(page, [
      start,
      shortcut!.end,
      closed.click,
    ]);
    const mapRect = await mapRectangle(page);
    for (const [x, y] of [startPixel, endPixel, closePixel]) {
      expect(x > mapRect.left && x < mapRect.right && y > mapRect.top && y < mapRect.bottom).toBe(true);
    }

    // Draw the footway: two clicks, Enter.
    await page.getByTestId('tool-draw-path').click();
    await page.getByTestId('path-name').fill(PATH_NAME);
    await page.mouse.click(startPixel[0], startPixel[1]);
    await page.mouse.click(endPixel[0], endPixel[1]);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('legend-added-path').getAttribute('data-count')).toBe('1');

    // Close the segment: one click on it.
    await page.getByTestId('tool-close-path').click();
    await page.mouse.click(closePixel[0], closePixel[1]);
    await expect.poll(() => page.getByTestId('legend-closed-path').getAttribute('data-count')).toBe('1');
    expect(await page.getByTestId('pending-count').getAttribute('data-count')).toBe('2');
    await page.screenshot({ path: await screenshotPath('scenario-paths.png') });

    await page.getByTestId('scenario-save').click();
    await expect.poll(() => openScenario.getAttribute('data-version'), { timeout: 30_000 }).toBe('2');

    // Read back: the path with its name, the closed edge by its id.
    const paths = await getJson<
      Collection<Edge['geometry'], { id: string | number; change: string; name: string | null }>
    >(baseUrl, `/api/scenarios/${scenarioId}/paths`);
    const added = paths.features.filter((feature) => feature.properties.change === 'added');
    expect(added).toHaveLength(1);
    expect(added[0].properties.name).toBe(PATH_NAME);
    const drawn = added[0].geometry.coordinates;
    expect(meters(drawn[0], start)).toBeLessThan(3);
    expect(meters(drawn[drawn.length - 1], shortcut!.end)).toBeLessThan(3);
    expect(
      paths.features.filter((feature) => feature.properties.change === 'closed').map((f) => f.properties.id),
    ).toEqual([closed.edge.properties.id]);

    // The scenario walks on its own network; the region's walks are unchanged.
    const scenarioScope = `/api/scenarios/${scenarioId}`;
    const scenarioFromStart = await travelTimes(scenarioScope, startNode);
    const { source, target } = shortcut!.edge.properties;
    const viaPath = Math.min(secondsTo(scenarioFromStart, source), secondsTo(scenarioFromStart, target));
    // At most along the path and half the far edge (a few meters of click rounding allowed).
    expect(viaPath).toBeLessThanOrEqual(shortcut!.boundSeconds + 5);
    expect(viaPath).toBeLessThan(
      Math.min(secondsTo(regionFromStart, source), secondsTo(regionFromStart, target)) - MIN_GAIN_SECONDS + 5,
    );
    const scenarioAcrossClosed = await travelTimes(scenarioScope, closedFrom);
    expect(secondsTo(scenarioAcrossClosed, closedTo)).toBeGreaterThan(
      secondsTo(regionAcrossClosed, closedTo),
    );
    const regionAgain = await travelTimes('/api/regions/demo', closedFrom);
    expect(secondsTo(regionAgain, closedTo)).toBe(secondsTo(regionAcrossClosed, closedTo));
  });
});
