import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRegionFolder } from '../../server/src/db/load-region.js';
import { describeRoutingComparison } from '../support/pgrouting-comparison.js';

const DEMO_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../data/geojson/demo');

// Starts spread over the demo network, and one at the foot of steps to try their cost factor.
describeRoutingComparison('the demo network', {
  loadRegion: async (database) => (await loadRegionFolder(database, DEMO_FOLDER)).regionId,
  spreadStarts: 4,
  startAtSteps: true,
});
