/**
 * A small, dependency-free XML scanner, the one both the Excel workbook reader (xlsx-table.ts) and
 * the OSM XML reader (osm-xml.ts) walk their documents with: elements and text in document order,
 * attributes and text with XML's five entities and character references decoded. No DTDs (a
 * declaration is skipped and its entities never expanded) and no namespaces beyond the local name.
 *
 * It refuses what is not well formed — an element closed by another's end tag or never closed, a
 * tag or comment cut off, an unknown entity, text or a second element outside the root — so a
 * truncated or damaged file is refused with the line where reading stopped, never half-read.
 */

import { BilingualError, type Bilingual } from './bilingual-error.js';

/** An element's start (or empty-element) tag. */
export interface XmlStartTag {
  /** The name as written, namespace prefix included (`x:sheet`). */
  name: string;
  /** The name without its prefix (`sheet`): what readers of namespaced documents compare. */
  localName: string;
  /** Attribute values by their names as written (`r:id`), entities decoded. */
  attributes: ReadonlyMap<string, string>;
  selfClosing: boolean;
  /** Elements open around this one: 0 for the root. */
  depth: number;
  /** Offset of the tag's `<` in the text (lineAt turns it into a line). */
  offset: number;
}

/** An element's end tag (never given for an empty-element tag `<x/>`). */
export interface XmlEndTag {
  name: string;
  localName: string;
  /** Elements still open around this one: 0 for the root. */
  depth: number;
  offset: number;
}

export interface XmlHandler {
  open?(tag: XmlStartTag): void;
  close?(tag: XmlEndTag): void;
  /** Character data inside the root, entities decoded (CDATA sections as they are). */
  text?(text: string): void;
}

/** Text that is not well-formed XML: `reason` says what, `line` where (1-based). */
export class XmlSyntaxError extends BilingualError {
  constructor(
    readonly reason: Bilingual,
    readonly line: number,
  ) {
    super({ en: `line ${line}: ${reason.en}`, zh: `第 ${line} 行：${reason.zh}` });
    this.name = 'XmlSyntaxError';
  }
}

/** The 1-based line of an offset in a text. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line += 1;
  return line;
}

/** Markup that carries no elements, as `[opener, closer, en, zh]`; declarations (`<!…>`) are read apart. */
const SKIPPED_MARKUP = [
  ['<?', '?>', 'processing instruction', '处理指令'],
  ['<!--', '-->', 'comment', '注释'],
  ['<![CDATA[', ']]>', 'CDATA section', 'CDATA 段'],
] as const;

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
// Any XML name counts: `&lol9;` (digits, as in the "billion laughs" bomb) must be refused, not kept as text.
const REFERENCE = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_:][\w.:-]*);/g;
const ENTITY_DECLARATION = /<!ENTITY\s+(?:%\s+)?([^\s"'>]+)/g;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const localNameOf = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * Walks an XML text's elements and text in order, calling the handler's functions; throws
 * XmlSyntaxError where the text stops being well formed (handlers may throw their own errors too).
 */
export function scanXml(xml: string, handler: XmlHandler): void {
  const open: string[] = [];
  let rootSeen = false;
  const refuse = (reason: Bilingual, offset: number): never => {
    throw new XmlSyntaxError(reason, lineAt(xml, offset));
  };
  /** Entities the document's own type declaration declares: never expanded, and named as such. */
  const declared = new Set<string>();
  const decode = (text: string, offset: number) =>
    decodeReferences(text, declared, (reason) => refuse(reason, offset));

  let at = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (at < xml.length) {
    const lt = xml.indexOf('<', at);
    const textEnd = lt === -1 ? xml.length : lt;
    if (textEnd > at) {
      if (open.length > 0) handler.text?.(decode(xml.slice(at, textEnd), at));
      else if (xml.slice(at, textEnd).trim() !== '')
        refuse({ en: 'text outside any element', zh: '元素之外有文字' }, at);
    }
    if (lt === -1) break;

    const skipped =
      xml[lt + 1] === '?' || xml[lt + 1] === '!'
        ? SKIPPED_MARKUP.find(([opener]) => xml.startsWith(opener, lt))
        : undefined;
    if (skipped) {
      const [opener, closer, en, zh] = skipped;
      const end = xml.indexOf(closer, lt + opener.length);
      if (end === -1) refuse({ en: `unterminated ${en}`, zh: `${zh}没有结束` }, lt);
      if (opener === '<![CDATA[' && open.length > 0) handler.text?.(xml.slice(lt + opener.length, end));
      at = end + closer.length;
      continue;
    }
    if (xml[lt + 1] === '!') {
      // A document type declaration; its internal subset in [...] may hold '>' of its own.
      const close = xml.indexOf('>', lt);
      const subset = xml.indexOf('[', lt);
      const end = subset !== -1 && close !== -1 && subset < close ? xml.indexOf(']>', subset) + 1 : close;
      if (close === -1 || end === 0) refuse({ en: 'unterminated declaration', zh: '声明没有结束' }, lt);
      for (const [, name] of xml.slice(lt, end).matchAll(ENTITY_DECLARATION)) declared.add(name);
      at = end + 1;
      continue;
    }

    const close = findTagEnd(xml, lt + 1);
    if (close === -1)
      refuse(
        { en: 'a tag is not closed with > (truncated file?)', zh: '标签没有以 > 结束（文件被截断？）' },
        lt,
      );
    at = close + 1;

    if (xml[lt + 1] === '/') {
      const name = xml.slice(lt + 2, close).trim();
      const expected = open.pop();
      if (expected !== name)
        refuse(
          expected === undefined
            ? { en: `closing </${name}> without an opening tag`, zh: `</${name}> 没有对应的开始标签` }
            : { en: `</${name}> where </${expected}> was due`, zh: `应为 </${expected}>，却是 </${name}>` },
          lt,
        );
      handler.close?.({ name, localName: localNameOf(name), depth: open.length, offset: lt });
      continue;
    }

    const selfClosing = xml[close - 1] === '/';
    const body = xml.slice(lt + 1, selfClosing ? close - 1 : close);
    const name = /^[^\s/>]+/.exec(body)?.[0];
    if (name === undefined) refuse({ en: 'a "<" that starts no tag', zh: '“<”后面不是标签' }, lt);
    if (open.length === 0) {
      if (rootSeen)
        refuse({ en: `<${name}> after the end of the document`, zh: `文档结束之后又出现 <${name}>` }, lt);
      rootSeen = true;
    }
    const attributes = new Map<string, string>();
    const rest = body.slice(name!.length);
    ATTRIBUTE.lastIndex = 0;
    for (let match = ATTRIBUTE.exec(rest); match; match = ATTRIBUTE.exec(rest))
      attributes.set(match[1], decode(match[2] ?? match[3] ?? '', lt));
    handler.open?.({
      name: name!,
      localName: localNameOf(name!),
      attributes,
      selfClosing,
      depth: open.length,
      offset: lt,
    });
    if (!selfClosing) open.push(name!);
  }
  if (open.length > 0) {
    const last = open[open.length - 1];
    refuse(
      {
        en: `the document ends before <${last}> is closed (truncated?)`,
        zh: `<${last}> 没有结束（内容提前中断）`,
      },
      xml.length,
    );
  }
}

/**
 * XML's five entities and character references (&#20013; &#x4E2D;) decoded; any other reference is
 * refused, one the document declares itself too: expanding those is how an "XML bomb" (billion
 * laughs) turns a kilobyte into gigabytes.
 */
function decodeReferences(
  text: string,
  declared: ReadonlySet<string>,
  refuse: (reason: Bilingual) => never,
): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, reference: string) => {
    if (reference[0] === '#') {
      const code = reference[1] === 'x' ? parseInt(reference.slice(2), 16) : parseInt(reference.slice(1), 10);
      if (!(code > 0 && code <= 0x10ffff))
        refuse({ en: `bad character reference ${whole}`, zh: `无效的字符引用 ${whole}` });
      return String.fromCodePoint(code);
    }
    const value = NAMED_ENTITIES[reference];
    if (value === undefined && declared.has(reference))
      refuse({
        en: `entity ${whole} is declared by the document itself; such entities are not expanded (an "XML bomb" could)`,
        zh: `实体 ${whole} 由文档自行声明，不予展开（以防“XML 炸弹”）`,
      });
    if (value === undefined) refuse({ en: `unknown entity ${whole}`, zh: `未知的实体 ${whole}` });
    return value;
  });
}

/** Index of the `>` that ends the tag starting before `from`, skipping quoted attribute values; -1 when cut off. */
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
