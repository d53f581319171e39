/**
 * A small, dependency-free reader of OSM XML (API 0.6 `map` exports, JOSM and osmium files): the
 * `bounds`, `node`, `way`, `relation`, `tag`, `nd` and `member` elements, everything else skipped.
 * It checks that the document is well formed (every element closed, one `<osm>` root), so a
 * truncated or foreign file is refused with the line where reading stopped, never half-read.
 */

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

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string, line: () => number): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (match, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      if (!(code >= 0 && code <= 0x10ffff)) throw new OsmXmlError(`bad character reference ${match}`, line());
      return String.fromCodePoint(code);
    }
    const value = ENTITIES[entity];
    if (value === undefined) throw new OsmXmlError(`unknown entity ${match}`, line());
    return value;
  });
}

/** Markup that carries no OSM data, as `[opener, closer, name]`; `<!` last, as the others start with it too. */
const SKIPPED_MARKUP = [
  ['<?', '?>', 'processing instruction'],
  ['<!--', '-->', 'comment'],
  ['<![CDATA[', ']]>', 'CDATA section'],
  ['<!', '>', 'declaration'],
] as const;

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

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
  const stack: string[] = [];
  let position = 0;
  // Line numbers are counted lazily, only for error messages.
  const lineAt = (offset: number) => {
    let line = 1;
    for (let i = xml.indexOf('\n'); i !== -1 && i < offset; i = xml.indexOf('\n', i + 1)) line += 1;
    return line;
  };
  let tagStart = 0;
  const line = () => lineAt(tagStart);

  // The element being read; assigned inside the helper functions below, so it is declared through
  // an assertion: a plain `= null` would let TypeScript narrow it to null for the whole loop.
  let current = null as OpenElement | null;
  let sawRoot = false;
  let rootClosed = false;

  if (xml.charCodeAt(0) === 0xfeff) position = 1;
  while (position < xml.length) {
    const open = xml.indexOf('<', position);
    if (open === -1) {
      if (xml.slice(position).trim() !== '')
        throw new OsmXmlError('text outside any element', lineAt(position));
      break;
    }
    if (stack.length === 0 && xml.slice(position, open).trim() !== '') {
      throw new OsmXmlError('text outside any element', lineAt(position));
    }
    tagStart = open;
    // Only `<?` and `<!` open markup that is skipped; elements go straight on.
    const second = xml[open + 1];
    const skipped =
      second === '?' || second === '!'
        ? SKIPPED_MARKUP.find(([opener]) => xml.startsWith(opener, open))
        : undefined;
    if (skipped) {
      const [, closer, what] = skipped;
      const end = xml.indexOf(closer, open);
      if (end === -1) throw new OsmXmlError(`unterminated ${what}`, line());
      position = end + closer.length;
      continue;
    }
    const close = findTagEnd(xml, open + 1);
    if (close === -1) throw new OsmXmlError('a tag is not closed with > (truncated file?)', line());
    position = close + 1;

    if (xml[open + 1] === '/') {
      const name = xml.slice(open + 2, close).trim();
      const expected = stack.pop();
      if (expected !== name) {
        throw new OsmXmlError(
          expected === undefined
            ? `closing </${name}> without an opening tag`
            : `</${name}> closes <${expected}>`,
          line(),
        );
      }
      if (name === 'osm' && stack.length === 0) rootClosed = true;
      if (current && name === current.kind) finishElement();
      continue;
    }

    const selfClosing = xml[close - 1] === '/';
    const body = xml.slice(open + 1, selfClosing ? close - 1 : close);
    const nameMatch = /^[^\s/>]+/.exec(body);
    if (!nameMatch) throw new OsmXmlError('a tag without a name', line());
    const name = nameMatch[0];
    const attributes = readAttributes(body.slice(name.length));

    if (stack.length === 0) {
      if (rootClosed || sawRoot) throw new OsmXmlError(`<${name}> after the end of the document`, line());
      if (name !== 'osm')
        throw new OsmXmlError(`not OSM XML: the root element is <${name}>, not <osm>`, line());
      sawRoot = true;
      document.generator = attributes.generator ?? null;
    } else if (stack.length === 1) {
      startElement(name, attributes);
    } else if (current && stack.length === 2) {
      readChild(name, attributes);
    }

    if (selfClosing) {
      if (name === 'osm') rootClosed = true;
      if (current && stack.length === 1 && name === current.kind) finishElement();
    } else {
      stack.push(name);
    }
  }

  if (!sawRoot) throw new OsmXmlError('not OSM XML: no <osm> element found', null);
  if (stack.length > 0) {
    throw new OsmXmlError(
      `the file ends before <${stack[stack.length - 1]}> is closed (truncated?)`,
      lineAt(xml.length),
    );
  }
  return document;

  function readAttributes(text: string): Record<string, string> {
    const attributes: Record<string, string> = {};
    ATTRIBUTE.lastIndex = 0;
    for (let match = ATTRIBUTE.exec(text); match; match = ATTRIBUTE.exec(text)) {
      attributes[match[1]] = decodeEntities(match[2] ?? match[3] ?? '', line);
    }
    return attributes;
  }

  function number(attributes: Record<string, string>, key: string, element: string): number {
    const value = Number(attributes[key]);
    if (attributes[key] === undefined || attributes[key] === '' || !Number.isFinite(value)) {
      throw new OsmXmlError(`<${element}> has no valid ${key} ("${attributes[key] ?? ''}")`, line());
    }
    return value;
  }

  function isKept(attributes: Record<string, string>) {
    return attributes.visible !== 'false' && attributes.action !== 'delete';
  }

  function startElement(name: string, attributes: Record<string, string>) {
    const timestamp = attributes.timestamp;
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

  function readChild(name: string, attributes: Record<string, string>) {
    if (!current) return;
    const tags =
      current.kind === 'node'
        ? current.node.tags
        : current.kind === 'way'
          ? current.way.tags
          : current.relation.tags;
    if (name === 'tag') {
      if (attributes.k === undefined) throw new OsmXmlError('<tag> without k', line());
      tags[attributes.k] = attributes.v ?? '';
    } else if (name === 'nd' && current.kind === 'way') {
      current.way.nodeIds.push(number(attributes, 'ref', name));
    } else if (name === 'member' && current.kind === 'relation') {
      const type = attributes.type;
      if (type !== 'node' && type !== 'way' && type !== 'relation')
        throw new OsmXmlError(`<member> of unknown type "${type ?? ''}"`, line());
      current.relation.members.push({
        type,
        ref: number(attributes, 'ref', name),
        role: attributes.role ?? '',
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

/** Index of the `>` that ends the tag starting before `from`, skipping quoted attribute values. */
function findTagEnd(xml: string, from: number): number {
  let quote = '';
  for (let i = from; i < xml.length; i += 1) {
    const character = xml[i];
    if (quote) {
      if (character === quote) quote = '';
    } else if (character === '"' || character === "'") {
      quote = character;
    } else if (character === '>') {
      return i;
    } else if (character === '<') {
      return -1;
    }
  }
  return -1;
}
