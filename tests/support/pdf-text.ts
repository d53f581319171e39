/**
 * What a PDF holds as a reader sees it, for tests of printed output (the dashboard's A4 page): pages
 * from the document's page tree, each page's size, text and raster images. Chromium (Skia) writes its
 * text as Type0/CID fonts with ToUnicode maps in Flate streams; pdf.js (pdfjs-dist, legacy build: runs
 * in Node without a worker thread) decodes all of that.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect } from 'vitest';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

const PDFJS_ROOT = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/**
 * Radical → ideograph, for text that Chromium printed. A CJK font draws a radical (CJK Radicals
 * Supplement, Kangxi Radicals) and its ideograph with one glyph, and Skia writes each glyph's
 * ToUnicode entry from the lowest code point mapped to it, so "人口" comes back as "⼈⼝" and "龙潭"
 * as "⻰潭". Generated from the cmap of Noto Sans CJK SC (Debian's fonts-noto-cjk, Chromium's zh-CN
 * font): every radical that shares its glyph with a unified ideograph, paired with that ideograph.
 * Not plain NFKC: that gives no ideograph for most of the supplement (⻰, ⻔, ⺠…) and a traditional
 * one where the SC font draws the simplified (⼾ → 戶, but the glyph is 户).
 */
const RADICAL_IDEOGRAPHS: ReadonlyMap<string, string> = new Map(
  [
    '⺂乛 ⺃乚 ⺅亻 ⺉刂 ⺏尣 ⺐尢 ⺒巳 ⺓幺 ⺔彑 ⺕彐 ⺖忄 ⺘扌 ⺙攵 ⺛旡 ⺞歺 ⺟母 ⺠民 ⺡氵 ⺣灬 ⺤爫',
    '⺦丬 ⺨犭 ⺭礻 ⺯糹 ⺰纟 ⺱罓 ⺹耂 ⺺肀 ⺾艹 ⻂衤 ⻅见 ⻆角 ⻈讠 ⻉贝 ⻋车 ⻌辶 ⻐钅 ⻑長 ⻒镸 ⻓长',
    '⻔门 ⻖阝 ⻘青 ⻙韦 ⻚页 ⻛风 ⻜飞 ⻝食 ⻟飠 ⻠饣 ⻢马 ⻣骨 ⻤鬼 ⻥鱼 ⻦鸟 ⻧卤 ⻨麦 ⻩黄 ⻪黾 ⻫斉',
    '⻬齐 ⻮齿 ⻯竜 ⻰龙 ⻱龜 ⻲亀 ⻳龟 ⼀一 ⼁丨 ⼂丶 ⼃丿 ⼄乙 ⼅亅 ⼆二 ⼇亠 ⼈人 ⼉儿 ⼊入 ⼋八 ⼌冂',
    '⼍冖 ⼎冫 ⼏几 ⼐凵 ⼑刀 ⼒力 ⼓勹 ⼔匕 ⼕匚 ⼖匸 ⼗十 ⼘卜 ⼙卩 ⼚厂 ⼛厶 ⼜又 ⼝口 ⼞囗 ⼟土 ⼠士',
    '⼡夂 ⼢夊 ⼣夕 ⼤大 ⼥女 ⼦子 ⼧宀 ⼨寸 ⼩小 ⼪尢 ⼫尸 ⼬屮 ⼭山 ⼮巛 ⼯工 ⼰己 ⼱巾 ⼲干 ⼳幺 ⼴广',
    '⼵廴 ⼶廾 ⼷弋 ⼸弓 ⼺彡 ⼻彳 ⼼心 ⼽戈 ⼾户 ⼿手 ⽀支 ⽁攴 ⽂文 ⽃斗 ⽄斤 ⽅方 ⽆无 ⽇日 ⽈曰 ⽉月',
    '⽊木 ⽋欠 ⽌止 ⽍歹 ⽎殳 ⽏毋 ⽐比 ⽑毛 ⽒氏 ⽓气 ⽔水 ⽕火 ⽖爪 ⽗父 ⽘爻 ⽙爿 ⽚片 ⽛牙 ⽜牛 ⽝犬',
    '⽞玄 ⽟玉 ⽠瓜 ⽡瓦 ⽢甘 ⽣生 ⽤用 ⽥田 ⽦疋 ⽧疒 ⽨癶 ⽩白 ⽪皮 ⽫皿 ⽬目 ⽭矛 ⽮矢 ⽯石 ⽰示 ⽱禸',
    '⽲禾 ⽳穴 ⽴立 ⽵竹 ⽶米 ⽷糸 ⽸缶 ⽹网 ⽺羊 ⽻羽 ⽼老 ⽽而 ⽿耳 ⾀聿 ⾁肉 ⾂臣 ⾃自 ⾄至 ⾅臼 ⾆舌',
    '⾇舛 ⾈舟 ⾉艮 ⾊色 ⾋艸 ⾌虍 ⾍虫 ⾎血 ⾏行 ⾐衣 ⾑襾 ⾒見 ⾔言 ⾕谷 ⾖豆 ⾗豕 ⾘豸 ⾙貝 ⾚赤 ⾛走',
    '⾜足 ⾝身 ⾞車 ⾟辛 ⾠辰 ⾡辵 ⾢邑 ⾣酉 ⾤釆 ⾥里 ⾦金 ⾧長 ⾨門 ⾩阜 ⾪隶 ⾫隹 ⾬雨 ⾭靑 ⾮非 ⾯面',
    '⾰革 ⾱韋 ⾲韭 ⾳音 ⾴頁 ⾵風 ⾶飛 ⾷食 ⾸首 ⾹香 ⾺馬 ⾼高 ⾽髟 ⾾鬥 ⾿鬯 ⿀鬲 ⿁鬼 ⿂魚 ⿃鳥 ⿄鹵',
    '⿅鹿 ⿆麥 ⿇麻 ⿈黃 ⿉黍 ⿊黑 ⿋黹 ⿌黽 ⿍鼎 ⿎鼓 ⿏鼠 ⿑齊 ⿒齒 ⿓龍 ⿕龠',
  ]
    .join(' ')
    .split(' ')
    .map((pair) => [...pair] as [string, string]),
);
const RADICAL_PATTERN = /[\u2E80-\u2FDF]/gu;

/** Text with every printed radical turned back into the ideograph it was drawn for. */
export function unfoldRadicals(text: string): string {
  return text.replace(RADICAL_PATTERN, (radical) => RADICAL_IDEOGRAPHS.get(radical) ?? radical);
}

/** One page of a PDF: its size, its text and the raster images drawn on it. */
export interface PdfPage {
  /** Media box in PostScript points (1/72 inch): A4 is 595.28 × 841.89. */
  widthPoints: number;
  heightPoints: number;
  /**
   * The text in content-stream order, which for Chromium is paint order (DOM order within a
   * stacking context): text runs joined as drawn, a line break where pdf.js sees one, radicals
   * turned back into ideographs (see RADICAL_IDEOGRAPHS).
   */
  text: string;
  /**
   * The box around all (non-blank) text in points, PDF user space (origin at the bottom left):
   * from each run's baseline origin, advance width and font height. Null on a page without text.
   */
  textBox: { left: number; right: number; bottom: number; top: number } | null;
  /** Raster images painted on the page, each at its stored resolution in pixels. */
  images: { width: number; height: number }[];
}

export interface PdfContent {
  /** Pages in the document's page tree (pdf.js reads /Root /Pages and loads each page through it). */
  pageCount: number;
  pages: PdfPage[];
}

/**
 * Read every page of a PDF file's bytes. Predefined CMaps and standard-font data come from the
 * installed pdfjs-dist package (nothing is fetched); the text is otherwise left as the ToUnicode maps
 * give it (no Unicode normalisation, so "m²" stays "m²").
 */
export async function readPdf(pdf: Uint8Array): Promise<PdfContent> {
  // pdf.js takes ownership of (detaches) the buffer it is given, so hand it a copy.
  const loadingTask = getDocument({
    data: new Uint8Array(pdf),
    cMapUrl: `${path.join(PDFJS_ROOT, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${path.join(PDFJS_ROOT, 'standard_fonts')}/`,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
  const document = await loadingTask.promise;
  try {
    const pages: PdfPage[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent({ disableNormalization: true });
      let text = '';
      const box = { left: Infinity, right: -Infinity, bottom: Infinity, top: -Infinity };
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        if (item.hasEOL) text += '\n';
        if (item.str.trim() === '') continue;
        // transform = [a, b, c, d, x, y]: the run starts at (x, y) on its baseline; Chromium prints unrotated text.
        const x = Number(item.transform[4]);
        const y = Number(item.transform[5]);
        box.left = Math.min(box.left, x);
        box.right = Math.max(box.right, x + item.width);
        box.bottom = Math.min(box.bottom, y);
        box.top = Math.max(box.top, y + item.height);
      }
      const textBox = Number.isFinite(box.left) ? box : null;
      const operators = await page.getOperatorList();
      const images: PdfPage['images'] = [];
      operators.fnArray.forEach((operator, index) => {
        const args = operators.argsArray[index] as unknown[];
        // paintImageXObject: [objectId, width, height]; an inline image: [{ width, height, … }].
        if (operator === OPS.paintImageXObject)
          images.push({ width: Number(args[1]), height: Number(args[2]) });
        if (operator === OPS.paintInlineImageXObject) {
          const image = args[0] as { width: number; height: number };
          images.push({ width: image.width, height: image.height });
        }
      });
      const viewport = page.getViewport({ scale: 1 });
      pages.push({
        widthPoints: viewport.width,
        heightPoints: viewport.height,
        text: unfoldRadicals(text),
        textBox,
        images,
      });
      page.cleanup();
    }
    return { pageCount: document.numPages, pages };
  } finally {
    await loadingTask.destroy();
  }
}

/**
 * A key for comparing printed text with the screen's: white space removed (line breaks and spacing
 * depend on layout: a label may wrap, pdf.js may or may not put a space between runs) and the dashes
 * U+2010–U+2015 and U+2212 made one (a font draws "–" and "‒" with one glyph, and the PDF names the
 * lower code point). Every other character, and the order of all of them, must still match.
 */
export function printedTextKey(text: string): string {
  return text.replace(/\s+/gu, '').replace(/[\u2010-\u2015\u2212]/gu, '-');
}

const MILLIMETER_POINTS = 72 / 25.4;
const A4_POINTS = { width: 210 * MILLIMETER_POINTS, height: 297 * MILLIMETER_POINTS };

/**
 * Every printed page is A4 and its text lies inside `marginMillimeters` of each edge, both to within
 * a millimetre (Chromium rounds the paper to whole CSS pixels): nothing pushed off the paper.
 */
export function expectA4WithinMargins(printed: PdfContent, marginMillimeters = 10): void {
  const margin = marginMillimeters * MILLIMETER_POINTS;
  expect(printed.pageCount).toBeGreaterThanOrEqual(1);
  for (const [index, page] of printed.pages.entries()) {
    const name = `page ${index + 1}`;
    expect(Math.abs(page.widthPoints - A4_POINTS.width), `${name} width`).toBeLessThan(MILLIMETER_POINTS);
    expect(Math.abs(page.heightPoints - A4_POINTS.height), `${name} height`).toBeLessThan(MILLIMETER_POINTS);
    expect(page.textBox, `${name}'s text`).not.toBeNull();
    const box = page.textBox!;
    expect(box.left, `left edge of ${name}'s text`).toBeGreaterThan(margin - MILLIMETER_POINTS);
    expect(box.right, `right edge of ${name}'s text`).toBeLessThan(
      page.widthPoints - margin + MILLIMETER_POINTS,
    );
    expect(box.bottom, `bottom edge of ${name}'s text`).toBeGreaterThan(margin - MILLIMETER_POINTS);
    expect(box.top, `top edge of ${name}'s text`).toBeLessThan(
      page.heightPoints - margin + MILLIMETER_POINTS,
    );
  }
}
