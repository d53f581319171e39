import { describe, expect, it } from 'vitest';
import { OsmXmlError, parseOsmXml } from './osm-xml.js';

const SMALL = `<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="test &amp; co">
 <bounds minlat="28.1" minlon="117.1" maxlat="28.2" maxlon="117.2"/>
 <!-- a comment with <tags> inside -->
 <node id="1" lat="28.15" lon="117.15" timestamp="2020-01-01T00:00:00Z"/>
 <node id="2" lat="28.16" lon="117.16" timestamp="2024-11-18T05:46:04Z">
  <tag k="name" v="花园&quot;社区&quot; &#x4E00;"/>
  <tag k="place" v='quarter'/>
 </node>
 <node id="3" visible="false" timestamp="2025-01-01T00:00:00Z"/>
 <way id="10">
  <nd ref="1"/>
  <nd ref="2"/>
  <tag k="highway" v="footway"/>
 </way>
 <relation id="20">
  <member type="way" ref="10" role="outer"/>
  <member type="node" ref="2" role="label"/>
  <tag k="boundary" v="administrative"/>
 </relation>
</osm>
`;

/** The error a text throws, checked to be an OsmXmlError. */
function errorOf(xml: string): OsmXmlError {
  try {
    parseOsmXml(xml);
  } catch (error) {
    expect(error).toBeInstanceOf(OsmXmlError);
    return error as OsmXmlError;
  }
  throw new Error('expected the text to be refused');
}

describe('parseOsmXml', () => {
  it('reads bounds, nodes with tags and entities, ways with their node references, and relations', () => {
    const document = parseOsmXml(SMALL);
    expect(document.bounds).toEqual({ minLat: 28.1, minLon: 117.1, maxLat: 28.2, maxLon: 117.2 });
    expect(document.generator).toBe('test & co');
    expect([...document.nodes.keys()]).toEqual([1, 2]);
    expect(document.nodes.get(2)).toEqual({
      id: 2,
      lon: 117.16,
      lat: 28.16,
      tags: { name: '花园"社区" 一', place: 'quarter' },
    });
    expect(document.ways.get(10)).toEqual({ id: 10, nodeIds: [1, 2], tags: { highway: 'footway' } });
    expect(document.relations.get(20)?.members).toEqual([
      { type: 'way', ref: 10, role: 'outer' },
      { type: 'node', ref: 2, role: 'label' },
    ]);
  });

  it('leaves out deleted elements but still knows the newest edit among the rest', () => {
    const document = parseOsmXml(SMALL);
    expect(document.nodes.has(3)).toBe(false);
    expect(document.newestTimestamp).toBe('2025-01-01T00:00:00Z');
  });

  it('accepts a byte-order mark and an empty extract', () => {
    const document = parseOsmXml('\uFEFF<osm version="0.6"/>');
    expect(document.nodes.size).toBe(0);
    expect(document.bounds).toBeNull();
  });

  it('refuses a file cut off inside a tag, naming the line', () => {
    const truncated = SMALL.slice(0, SMALL.indexOf('<nd ref="2"/>') + 5);
    const error = errorOf(truncated);
    expect(error.line).toBe(13);
    expect(error.message).toMatch(/^line 13: .*truncated/);
  });

  it('skips declarations, CDATA and comments, and refuses each left unterminated', () => {
    const skipped = parseOsmXml(
      '<?xml version="1.0"?>\n<!DOCTYPE osm>\n<osm version="0.6"><![CDATA[<node id="9"/>]]><!-- <node id="8"/> --><node id="1" lat="1" lon="2"/></osm>',
    );
    expect([...skipped.nodes.keys()]).toEqual([1]);
    expect(errorOf('<?xml version="1.0"').message).toMatch(/unterminated processing instruction/);
    expect(errorOf('<osm>\n<!-- no end').message).toBe('line 2: unterminated comment');
    expect(errorOf('<osm><![CDATA[ no end').message).toMatch(/unterminated CDATA section/);
    expect(errorOf('<!DOCTYPE osm').message).toMatch(/unterminated declaration/);
  });

  it('refuses a file cut off between elements, naming the element left open', () => {
    const truncated = SMALL.slice(0, SMALL.indexOf('<relation'));
    expect(errorOf(truncated).message).toMatch(/ends before <osm> is closed/);
  });

  it('refuses files that are not OSM XML', () => {
    expect(errorOf('<html><body>404</body></html>').message).toMatch(
      /line 1: not OSM XML: the root element is <html>/,
    );
    expect(errorOf('{"type": "FeatureCollection"}').message).toMatch(/line 1: text outside any element/);
    expect(errorOf('').message).toMatch(/no <osm> element/);
  });

  it('refuses mismatched closing tags and a second root', () => {
    expect(errorOf('<osm>\n<node id="1" lat="1" lon="1">\n</way>\n</osm>').message).toBe(
      'line 3: </way> where </node> was due',
    );
    expect(errorOf('<osm/>\n<osm/>').message).toBe('line 2: <osm> after the end of the document');
  });

  it('refuses a node without a usable position or id, and unknown entities', () => {
    expect(errorOf('<osm>\n<node id="1" lat="x" lon="1"/>\n</osm>').message).toBe(
      'line 2: <node> has no valid lat ("x")',
    );
    expect(errorOf('<osm>\n<node id="1" lat="95" lon="1"/>\n</osm>').message).toMatch(
      /line 2: node 1 lies at lon 1, lat 95/,
    );
    expect(errorOf('<osm>\n<way>\n</way>\n</osm>').message).toBe('line 2: <way> has no valid id ("")');
    expect(
      errorOf('<osm>\n<node id="1" lat="1" lon="1"><tag k="a" v="&nbsp;"/></node>\n</osm>').message,
    ).toBe('line 2: unknown entity &nbsp;');
  });
});
