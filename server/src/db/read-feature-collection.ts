import { createReadStream } from 'node:fs';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const SPACE = 0x20;
const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** The key whose array is split: `"features":` just before the `[` (whitespace allowed). */
const FEATURES_KEY = /"features"\s*:\s*$/;

/** Text that is not valid JSON; the message says where. */
export class FeatureCollectionSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeatureCollectionSyntaxError';
  }
}

/**
 * Splits the text of a GeoJSON FeatureCollection, given in pieces of any size, into its features:
 * each element of the top-level object's `features` array is parsed on its own and handed to
 * `onFeature` with its index, so a file is never held as one string (V8 strings stop at 512 MiB; a
 * province's units are 370 MB of GeoJSON, and parsed whole they take twice that again, issue 13).
 * `end` answers everything else in the file, parsed, with `features` emptied ([]); it is for the
 * caller to check that it was a FeatureCollection. Only the structure is scanned here (strings,
 * brackets, commas); JSON.parse judges each piece, so invalid JSON anywhere is refused.
 */
export class FeatureCollectionSplitter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private topLevelIsObject: boolean | null = null;
  /** Everything outside the features array, in pieces. */
  private readonly rest: string[] = [];
  private restTail = '';
  private inFeatures = false;
  private readonly element: string[] = [];
  private elementStarted = false;
  private afterComma = false;
  private featureCount = 0;

  constructor(private readonly onFeature: (feature: unknown, index: number) => void) {}

  push(chunk: string): void {
    let segmentStart = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) this.inString = false;
        continue;
      }
      if (!this.inFeatures) {
        if (c === QUOTE) {
          this.inString = true;
        } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
          if (this.depth === 0 && this.topLevelIsObject === null) this.topLevelIsObject = c === OPEN_BRACE;
          if (c === OPEN_BRACKET && this.depth === 1 && this.topLevelIsObject) {
            this.addRest(chunk.slice(segmentStart, i));
            const isFeatures = FEATURES_KEY.test(this.restTail);
            this.addRest('[');
            segmentStart = i + 1;
            if (isFeatures) {
              this.inFeatures = true;
              this.elementStarted = false;
              this.afterComma = false;
              this.depth = 2;
              continue;
            }
          }
          this.depth += 1;
        } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
          this.depth -= 1;
          if (this.depth < 0) throw new FeatureCollectionSyntaxError(`unexpected "${chunk[i]}"`);
        }
        continue;
      }
      if (this.depth === 2) {
        // Between the elements of the features array, or in one that is not an object or array.
        if (c === COMMA || c === CLOSE_BRACKET) {
          if (this.elementStarted) {
            this.element.push(chunk.slice(segmentStart, i));
            this.emitElement();
          } else if (c === COMMA || this.afterComma) {
            throw new FeatureCollectionSyntaxError(
              `unexpected "${chunk[i]}" in the features array ${this.featureCount === 0 ? 'before the first feature' : `after feature #${this.featureCount - 1}`}`,
            );
          }
          this.afterComma = c === COMMA;
          if (c === CLOSE_BRACKET) {
            this.inFeatures = false;
            this.depth = 1;
            segmentStart = i;
          } else {
            segmentStart = i + 1;
          }
          continue;
        }
        if (!this.elementStarted) {
          if (c === SPACE || c === LINE_FEED || c === CARRIAGE_RETURN || c === TAB) {
            segmentStart = i + 1;
            continue;
          }
          this.elementStarted = true;
          segmentStart = i;
        }
        if (c === QUOTE) this.inString = true;
        else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth += 1;
        else if (c === CLOSE_BRACE)
          throw new FeatureCollectionSyntaxError(`unexpected "}" in feature #${this.featureCount}`);
        continue;
      }
      if (c === QUOTE) this.inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth += 1;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) this.depth -= 1;
    }
    if (!this.inFeatures) this.addRest(chunk.slice(segmentStart));
    else if (this.elementStarted) this.element.push(chunk.slice(segmentStart));
  }

  /** After the last piece: the file without its features (parsed), or a syntax error. */
  end(): unknown {
    if (this.inString || this.depth !== 0 || this.inFeatures) {
      throw new FeatureCollectionSyntaxError(
        this.inFeatures
          ? `the text ends inside the features array, after ${this.featureCount} features`
          : 'unexpected end of the text',
      );
    }
    try {
      return JSON.parse(this.rest.join('')) as unknown;
    } catch (error) {
      throw new FeatureCollectionSyntaxError((error as Error).message);
    }
  }

  private addRest(text: string) {
    if (text.length === 0) return;
    this.rest.push(text);
    this.restTail = (this.restTail + text).slice(-64);
  }

  private emitElement() {
    const text = this.element.join('');
    this.element.length = 0;
    this.elementStarted = false;
    let feature: unknown;
    try {
      feature = JSON.parse(text) as unknown;
    } catch (error) {
      throw new FeatureCollectionSyntaxError(`feature #${this.featureCount}: ${(error as Error).message}`);
    }
    this.onFeature(feature, this.featureCount);
    this.featureCount += 1;
  }
}

/**
 * Reads a GeoJSON file piecewise (FeatureCollectionSplitter): `onFeature` gets each feature of its
 * `features` array in order; answers the rest of the file, parsed. Throws
 * FeatureCollectionSyntaxError for text that is not JSON, and the file system's error for a file
 * that cannot be read.
 */
export async function readFeatureCollection(
  filePath: string,
  onFeature: (feature: unknown, index: number) => void,
): Promise<unknown> {
  const splitter = new FeatureCollectionSplitter(onFeature);
  const stream = createReadStream(filePath, { encoding: 'utf8', highWaterMark: 1 << 20 });
  for await (const chunk of stream) splitter.push(chunk as string);
  return splitter.end();
}
