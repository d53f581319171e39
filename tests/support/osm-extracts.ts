/**
 * The OpenStreetMap extracts shipped in data/osm/ (© OpenStreetMap contributors, ODbL 1.0), and a
 * deliberately simple regex scan of their XML, so tests can derive expected figures without the
 * importer's parser or rules. It relies on the API's own formatting (double-quoted attributes,
 * one element per tag), which both files have.
 */
import path from 'node:path';
import { REPOSITORY_ROOT } from '../../server/src/config.js';

export const OSM_EXTRACTS = {
  guixi: { file: path.join(REPOSITORY_ROOT, 'data/osm/guixi-jiangxi/guixi_center.osm'), name: '贵溪市中心' },
  longgang: {
    file: path.join(REPOSITORY_ROOT, 'data/osm/shenzhen-longgang/longgang_dayun.osm'),
    name: '龙岗大运城',
  },
} as const;

export interface ScannedElement {
  type: 'node' | 'way' | 'relation';
  id: number;
  tags: Record<string, string>;
  /** A node's position. */
  lon: number;
  lat: number;
  /** A way's node references. */
  nodeRefs: number[];
  /** A relation's members. */
  members: { type: string; ref: number; role: string }[];
}

const decode = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Every node, way and relation of an OSM XML text, with its tags, references and members. */
export function scanOsm(xml: string): {
  bounds: [number, number, number, number];
  elements: ScannedElement[];
} {
  const boundsMatch = /<bounds minlat="([^"]+)" minlon="([^"]+)" maxlat="([^"]+)" maxlon="([^"]+)"/.exec(xml);
  if (!boundsMatch) throw new Error('no <bounds> in the file');
  const [, minLat, minLon, maxLat, maxLon] = boundsMatch.map(Number);
  const elements: ScannedElement[] = [];
  for (const match of xml.matchAll(/<(node|way|relation) ([^>]*?)(?:\/>|>([\s\S]*?)<\/\1>)/g)) {
    const [, type, attributes, body = ''] = match;
    const attribute = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1];
    elements.push({
      type: type as ScannedElement['type'],
      id: Number(attribute('id')),
      tags: Object.fromEntries(
        [...body.matchAll(/<tag k="([^"]*)" v="([^"]*)"/g)].map(([, k, v]) => [decode(k), decode(v)]),
      ),
      lon: Number(attribute('lon')),
      lat: Number(attribute('lat')),
      nodeRefs: [...body.matchAll(/<nd ref="(-?\d+)"/g)].map(([, ref]) => Number(ref)),
      members: [...body.matchAll(/<member type="(\w+)" ref="(-?\d+)" role="([^"]*)"/g)].map(
        ([, memberType, ref, role]) => ({
          type: memberType,
          ref: Number(ref),
          role,
        }),
      ),
    });
  }
  return { bounds: [minLon, minLat, maxLon, maxLat], elements };
}
