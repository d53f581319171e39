import { describe, expect, it } from 'vitest';
import { lineAt, scanXml, XmlSyntaxError, type XmlHandler } from './xml-scanner.js';

/** Every event of a scan as text: `<name depth attributes>`, `</name depth>`, `"text"`. */
function events(xml: string): string[] {
  const seen: string[] = [];
  const handler: XmlHandler = {
    open: (tag) =>
      seen.push(
        `<${tag.localName} ${tag.depth}${[...tag.attributes].map(([key, value]) => ` ${key}=${value}`).join('')}${tag.selfClosing ? '/' : ''}>`,
      ),
    close: (tag) => seen.push(`</${tag.localName} ${tag.depth}>`),
    text: (text) => seen.push(JSON.stringify(text)),
  };
  scanXml(xml, handler);
  return seen;
}

/** The error a text throws (its text read too), checked to be an XmlSyntaxError. */
function errorOf(xml: string): XmlSyntaxError {
  try {
    scanXml(xml, { text: () => {} });
  } catch (error) {
    expect(error).toBeInstanceOf(XmlSyntaxError);
    return error as XmlSyntaxError;
  }
  throw new Error('expected the text to be refused');
}

describe('scanXml', () => {
  it('walks elements and text in order, by local name and depth, with entities and CDATA', () => {
    const xml =
      '\uFEFF<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e "no">]>\n<x:a b="1 &amp; 2" c=\'&#x4E2D;\'>' +
      '<!-- <c/> --><x:b/>t &lt;&#20013;&gt;<![CDATA[<raw>]]></x:a>\n';
    expect(events(xml)).toEqual(['<a 0 b=1 & 2 c=中>', '<b 1/>', '"t <中>"', '"<raw>"', '</a 0>']);
  });

  it('says where the text stops being well formed, in both languages', () => {
    const mismatched = errorOf('<a>\n<b>\n</c>\n</a>');
    expect(mismatched.line).toBe(3);
    expect(mismatched.reason).toEqual({ en: '</c> where </b> was due', zh: '应为 </b>，却是 </c>' });
    expect(mismatched.message).toBe('line 3: </c> where </b> was due');
    expect(mismatched.messageZh).toBe('第 3 行：应为 </b>，却是 </c>');
    expect(errorOf('<a>\n<b x="1"').reason.en).toMatch(/not closed with >.*truncated/);
    expect(errorOf('<a>\n<b>').reason.en).toBe('the document ends before <b> is closed (truncated?)');
    expect(errorOf('<a/>\n<a/>').reason.en).toBe('<a> after the end of the document');
    expect(errorOf('</a>').reason.en).toBe('closing </a> without an opening tag');
    expect(errorOf('{"a": 1}').reason.en).toBe('text outside any element');
    expect(errorOf('<a b="&nbsp;"/>').reason.en).toBe('unknown entity &nbsp;');
    expect(errorOf('<a b="&lol9;"/>').reason.en).toBe('unknown entity &lol9;');
    expect(errorOf('<a>&#0;</a>').reason.en).toBe('bad character reference &#0;');
    expect(errorOf('<a><!-- open').reason.en).toBe('unterminated comment');
    expect(errorOf('<a>< b/></a>').reason.en).toBe('a "<" that starts no tag');
  });

  it('refuses the entities a document declares itself instead of expanding them (billion laughs)', () => {
    const laughs = ['<!ENTITY lol0 "lol">'];
    for (let level = 1; level <= 9; level += 1)
      laughs.push(`<!ENTITY lol${level} "${`&lol${level - 1};`.repeat(10)}">`);
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE osm [\n${laughs.join('\n')}\n]>\n<osm>\n<tag v="&lol9;"/></osm>`;
    const error = errorOf(bomb);
    expect(error.line).toBe(15);
    expect(error.reason).toEqual({
      en: 'entity &lol9; is declared by the document itself; such entities are not expanded (an "XML bomb" could)',
      zh: '实体 &lol9; 由文档自行声明，不予展开（以防“XML 炸弹”）',
    });
    expect(errorOf('<!DOCTYPE a [<!ENTITY % p "x">]><a>&p;</a>').reason.en).toMatch(
      /^entity &p; is declared/,
    );
  });

  it('leaves text it is not asked for undecoded, and counts lines from 1', () => {
    expect(() => scanXml('<a>&nbsp;</a>', {})).not.toThrow();
    expect(lineAt('a\nb\nc', 0)).toBe(1);
    expect(lineAt('a\nb\nc', 2)).toBe(2);
    expect(lineAt('a\nb\nc', 5)).toBe(3);
  });
});
