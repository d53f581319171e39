/**
 * A reader of OSM XML (API 0.6 `map` exports, JOSM and osmium files): the `bounds`, `node`, `way`,
 * `relation`, `tag`, `nd` and `member` elements, everything else skipped. The document is walked
 * with the one XML scanner (xml-scanner.ts), which checks that it is well formed, and it must have
 * one `<osm>` root: a truncated or foreign file is refused with the line where reading stopped,
 * never half-read.
 */

import { lineAt, scanXml, XmlSyntaxError, type XmlStartTag } from './xml-scanner.js';

export type OsmTags = Record<string, string>;

export interface OsmNode {
  id: number;
  lon: number;
  lat: number;
  tags: OsmTags;
}

export interface OsmWay {
  id: number;
  nodeIds: number[];
  tags: OsmTags;
}

export type OsmElementType = 'node' | 'way' | 'relation';

export interface OsmMember {
  type: OsmElementType;
  ref: number;
  role: string;
}

export interface OsmRelation {
  id: number;
  members: OsmMember[];
  tags: OsmTags;
}

/** The extract's bounding box in degrees (WGS 84). */
export interface OsmBounds {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

export interface OsmDocument {
  /** The `<bounds>` of the extract, or null when the file has none. */
  bounds: OsmBounds | null;
  generator: string | null;
  /** The latest `timestamp` of any element (ISO 8601), i.e. how current the extract is; null when none has one. */
  newestTimestamp: string | null;
  nodes: Map<number, OsmNode>;
  ways: Map<number, OsmWay>;
  relations: Map<number, OsmRelation>;
}

/** Thrown for input that is not well-formed OSM XML; the message names the line and the problem. */
export class OsmXmlError extends Error {
  constructor(
    message: string,
    readonly line: number | null,
  ) {
    super(line === null ? message : `line ${line}: ${message}`);
    this.name = 'OsmXmlError';
  }
}

/** A top-level element whose children are being read; `keep` is false for deleted ones. */
type OpenElement =
  | { kind: 'node'; node: OsmNode; keep: boolean }
  | { kind: 'way'; way: OsmWay; keep: boolean }
  | { kind: 'relation'; relation: OsmRelation; keep: boolean };

type Attributes = XmlStartTag['attributes'];

/**
 * Parses OSM XML text into nodes, ways and relations keyed by id. Elements marked
 * `visible="false"` or `action="delete"` (deleted history, JOSM edits) are left out.
 * Throws OsmXmlError for text that is not well-formed XML with an `<osm>` root.
 */
export function parseOsmXml(xml: string): OsmDocument {
  const document: OsmDocument = {
    bounds: null,
    generator: null,
    newestTimestamp: null,
    nodes: new Map(),
    ways: new Map(),
    relations: new Map(),
  };
  // Where the tag being read starts; line numbers are counted only for error messages.
  let tagStart = 0;
  const line = () => lineAt(xml, tagStart);

  // The element being read; assigned inside the helper functions below, so it is declared through
  // an assertion: a plain `= null` would let TypeScript narrow it to null for the whole scan.
  let current = null as OpenElement | null;
  let sawRoot = false;

  try {
    scanXml(xml, {
      open(tag) {
        tagStart = tag.offset;
        const { name, attributes } = tag;
        if (tag.depth === 0) {
          if (name !== 'osm')
            throw new OsmXmlError(`not OSM XML: the root element is <${name}>, not <osm>`, line());
          sawRoot = true;
          document.generator = attributes.get('generator') ?? null;
        } else if (tag.depth === 1) {
          startElement(name, attributes);
          if (tag.selfClosing && current && name === current.kind) finishElement();
        } else if (current && tag.depth === 2) {
          readChild(name, attributes);
        }
      },
      close(tag) {
        tagStart = tag.offset;
        if (current && tag.name === current.kind) finishElement();
      },
    });
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new OsmXmlError(error.reason.en, error.line);
    throw error;
  }

  if (!sawRoot) throw new OsmXmlError('not OSM XML: no <osm> element found', null);
  return document;

  function number(attributes: Attributes, key: string, element: string): number {
    const text = attributes.get(key);
    const value = Number(text);
    if (text === undefined || text === '' || !Number.isFinite(value)) {
      throw new OsmXmlError(`<${element}> has no valid ${key} ("${text ?? ''}")`, line());
    }
    return value;
  }

  function isKept(attributes: Attributes) {
    return attributes.get('visible') !== 'false' && attributes.get('action') !== 'delete';
  }

  function startElement(name: string, attributes: Attributes) {
    const timestamp = attributes.get('timestamp');
    // ISO 8601 UTC timestamps compare correctly as strings.
    if (
      timestamp !== undefined &&
      (document.newestTimestamp === null || timestamp > document.newestTimestamp)
    ) {
      document.newestTimestamp = timestamp;
    }
    switch (name) {
      case 'bounds':
        document.bounds = {
          minLat: number(attributes, 'minlat', name),
          minLon: number(attributes, 'minlon', name),
          maxLat: number(attributes, 'maxlat', name),
          maxLon: number(attributes, 'maxlon', name),
        };
        return;
      case 'node': {
        const id = number(attributes, 'id', name);
        const keep = isKept(attributes);
        const lon = keep ? number(attributes, 'lon', name) : 0;
        const lat = keep ? number(attributes, 'lat', name) : 0;
        if (keep && (Math.abs(lon) > 180 || Math.abs(lat) > 90))
          throw new OsmXmlError(`node ${id} lies at lon ${lon}, lat ${lat}: not a position`, line());
        current = { kind: 'node', node: { id, lon, lat, tags: {} }, keep };
        return;
      }
      case 'way':
        current = {
          kind: 'way',
          way: { id: number(attributes, 'id', name), nodeIds: [], tags: {} },
          keep: isKept(attributes),
        };
        return;
      case 'relation':
        current = {
          kind: 'relation',
          relation: { id: number(attributes, 'id', name), members: [], tags: {} },
          keep: isKept(attributes),
        };
        return;
      default:
        current = null;
    }
  }

  function readChild(name: string, attributes: Attributes) {
    if (!current) return;
    const tags =
      current.kind === 'node'
        ? current.node.tags
        : current.kind === 'way'
          ? current.way.tags
          : current.relation.tags;
    if (name === 'tag') {
      const key = attributes.get('k');
      if (key === undefined) throw new OsmXmlError('<tag> without k', line());
      tags[key] = attributes.get('v') ?? '';
    } else if (name === 'nd' && current.kind === 'way') {
      current.way.nodeIds.push(number(attributes, 'ref', name));
    } else if (name === 'member' && current.kind === 'relation') {
      const type = attributes.get('type');
      if (type !== 'node' && type !== 'way' && type !== 'relation')
        throw new OsmXmlError(`<member> of unknown type "${type ?? ''}"`, line());
      current.relation.members.push({
        type,
        ref: number(attributes, 'ref', name),
        role: attributes.get('role') ?? '',
      });
    }
  }

  function finishElement() {
    if (!current) return;
    if (current.keep) {
      if (current.kind === 'node') document.nodes.set(current.node.id, current.node);
      else if (current.kind === 'way') document.ways.set(current.way.id, current.way);
      else document.relations.set(current.relation.id, current.relation);
    }
    current = null;
  }
}
