import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { importOsmRegion, parseOsmFile } from '../../server/src/imports/osm-region-import.js';
import { OSM_EXTRACTS } from '../support/osm-extracts.js';
import { describeRoutingComparison } from '../support/pgrouting-comparison.js';

// The real network of Guixi's centre, imported from OpenStreetMap as `npm run import:osm` does:
// core must walk it exactly as pgRouting does, from starts spread over the whole town.
describeRoutingComparison('the Guixi network from OpenStreetMap', {
  loadRegion: async (database) => {
    const { file, name } = OSM_EXTRACTS.guixi;
    const document = parseOsmFile(await readFile(file, 'utf8'), path.basename(file));
    const { report } = await importOsmRegion(database, document, path.basename(file), {
      regionId: 'guixi',
      name,
    });
    return report.regionId;
  },
  spreadStarts: 6,
  startAtSteps: false,
});
