import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/src/app.js';
import { DEFAULT_API_LIMITS } from '../../server/src/config.js';
import type { Database } from '../../server/src/db/client.js';
import { loadRegion } from '../../server/src/db/load-region.js';
import { createSignedInApp, type SignedIn } from '../support/sign-in.js';
import { testBackends } from '../support/test-databases.js';
import { tinyRegion } from '../support/tiny-region.js';

// Bad input, from the served OpenAPI document (issue 12, "It holds"): every operation it lists is
// sent wrong types, out-of-range numbers, NUL bytes, huge strings and arrays, malformed and
// oversized JSON, and (uploads) missing files, wrong file types, entity-expansion XML and a zip
// bomb. Every answer must be a 4xx in the one error shape naming the field at fault, with no
// stack trace, within a few seconds; the server must still answer /api/health afterwards. The
// cases are generated from each operation's schemas with a seeded generator, so a run is the same
// every time. Only invalid input is sent: nothing here should ever be written. The cases are sent
// as the signed-in first administrator, with the session's CSRF token on writes, so each one meets
// the validation of its operation: an administrator may call every operation, so a 401 or 403 (no
// session, a missing CSRF token, a permission refused) is a fault here, not a refusal of bad input.

type Schema = Record<string, any>;
interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, Schema> };
}
interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}
interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses?: Record<string, { description?: string }>;
}

/** One bad request and what its refusal must name (a field, or nothing when the whole request is at fault). */
interface FuzzCase {
  label: string;
  url: string;
  init: RequestInit;
  /** The field the answer must name (`params.field` or the sentence), when one field is at fault. */
  field?: string;
}

/** Statuses a refusal of bad input may answer (never 401 or 403: the administrator is signed in). */
const REFUSALS = [400, 404, 405, 409, 413, 415, 422];
/** Longer than this is a hang: every case is refused before any real work. */
const ANSWER_WITHIN_MILLISECONDS = 10_000;
const HUGE_STRING = 'x'.repeat(100_000);
const HUGE_ARRAY_LENGTH = 100_000;
/** Signs of a stack trace or a server path in an answer. */
const STACK_TRACE = /\n\s+at |\bat [\w$.<>]+ \(|node_modules|\/(work|home|root|usr|tmp)\/|\.[cm]?[jt]s:\d+/;

/** mulberry32: a small seeded generator, so the cases are the same on every run. */
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    /** `count` of `items` in a stable random order (all when there are fewer). */
    sample: <T>(items: readonly T[], count: number): T[] => {
      const copy = [...items];
      for (let index = copy.length - 1; index > 0; index--) {
        const other = Math.floor(next() * (index + 1));
        [copy[index], copy[other]] = [copy[other], copy[index]];
      }
      return copy.slice(0, count);
    },
    /** A short string of odd characters: controls, quotes, CJK, surrogates, SQL and path bits. */
    junk: () => {
      const parts = ['\u0001', "'", '"', '\\', '%', '../', '中', '😀', '\u202e', ';--', '<x>', ' ', '\t'];
      return Array.from(
        { length: 4 + Math.floor(next() * 8) },
        () => parts[Math.floor(next() * parts.length)],
      ).join('');
    },
  };
}

/** A uuid (v4 shape) from the generator: valid, and naming no import. */
function uuidFrom(random: () => number): string {
  const hex = (length: number) =>
    Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`;
}

function resolve(document: OpenApiDocument, schema: Schema | undefined): Schema {
  let current = schema ?? {};
  while (typeof current.$ref === 'string') {
    current = document.components?.schemas?.[current.$ref.replace('#/components/schemas/', '')] ?? {};
  }
  return current;
}

/** The schema's first alternative that is not null (anyOf/oneOf), resolved. */
function mainAlternative(document: OpenApiDocument, schema: Schema | undefined): Schema {
  const target = resolve(document, schema);
  const alternatives = (target.anyOf ?? target.oneOf) as Schema[] | undefined;
  if (!alternatives) return target;
  const first = alternatives
    .map((member) => resolve(document, member))
    .find((member) => member.type !== 'null');
  return first ?? target;
}

/** A value the schema accepts as far as the document tells (refinements it cannot show aside). */
function sampleValue(document: OpenApiDocument, schema: Schema | undefined, depth = 0): unknown {
  const target = mainAlternative(document, schema);
  if ('const' in target) return target.const;
  if (target.enum) return target.enum[0];
  if (target.default !== undefined) return target.default;
  switch (target.type) {
    case 'string':
      return 'a'.repeat(Math.max(1, target.minLength ?? 1));
    case 'integer':
    case 'number':
      return target.minimum ?? (target.exclusiveMinimum !== undefined ? target.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return false;
    case 'array': {
      const items = target.prefixItems ?? Array.from({ length: target.minItems ?? 0 }, () => target.items);
      return depth > 6 ? [] : (items as Schema[]).map((item) => sampleValue(document, item, depth + 1));
    }
    case 'object':
      return depth > 6 ? {} : sampleObject(document, target, depth + 1);
    default:
      return 0;
  }
}

/** The object's required properties, or its first one when none is required (an object says something). */
function sampleObject(document: OpenApiDocument, schema: Schema, depth = 0): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const names = schema.required?.length ? (schema.required as string[]) : Object.keys(properties).slice(0, 1);
  return Object.fromEntries(names.map((name) => [name, sampleValue(document, properties[name], depth)]));
}

/**
 * Values a property's schema refuses, each with a word saying what is wrong: wrong types always;
 * numbers past their bounds; strings past their length or outside their options; lists past their
 * length (a 100 000-item list) or of wrong items; NUL in any string (the server refuses it everywhere).
 */
function badValues(
  document: OpenApiDocument,
  schema: Schema | undefined,
  random: ReturnType<typeof seeded>,
): { what: string; value: unknown }[] {
  const target = mainAlternative(document, schema);
  const type = target.const !== undefined ? typeof target.const : target.enum ? 'enum' : target.type;
  const bad: { what: string; value: unknown }[] = [];
  const wrongTypes = [
    { what: 'an object', value: { nested: { deeper: [1] } } },
    { what: 'a list', value: [[random.junk()]] },
  ];
  if (type !== 'boolean') wrongTypes.push({ what: 'a boolean', value: true } as never);
  switch (type) {
    case 'string':
    case 'enum':
      bad.push(...wrongTypes, { what: 'a number', value: 12345 });
      bad.push({ what: 'a NUL byte', value: `a\u0000${random.junk()}` });
      if (type === 'enum' || target.maxLength !== undefined || target.pattern || target.format)
        bad.push({ what: '100 000 characters', value: HUGE_STRING });
      if (type === 'enum' || target.pattern) bad.push({ what: 'odd characters', value: random.junk() });
      if ((target.minLength ?? 0) > 0) bad.push({ what: 'an empty string', value: '' });
      break;
    case 'integer':
    case 'number':
      bad.push(...wrongTypes, { what: 'a numeric string', value: '12' });
      bad.push({ what: '"NaN"', value: 'NaN' }, { what: '"Infinity"', value: 'Infinity' });
      if (target.maximum !== undefined || target.exclusiveMaximum !== undefined)
        bad.push({ what: '1e308', value: 1e308 });
      if (target.minimum !== undefined || target.exclusiveMinimum !== undefined)
        bad.push({ what: '-1e308', value: -1e308 });
      if (target.maximum !== undefined) bad.push({ what: 'maximum + 1', value: target.maximum + 1 });
      if ((target.minimum ?? -1) >= 0) bad.push({ what: '-1', value: -1 });
      if (type === 'integer') bad.push({ what: 'a fraction', value: 1.5 });
      break;
    case 'boolean':
      bad.push(...wrongTypes, { what: 'a string', value: 'yes' }, { what: 'a number', value: 1 });
      break;
    case 'array': {
      bad.push({ what: 'an object', value: { 0: 1 } }, { what: 'a string', value: random.junk() });
      if (target.maxItems !== undefined && target.maxItems < HUGE_ARRAY_LENGTH) {
        const item = sampleValue(document, target.prefixItems ? target : target.items);
        bad.push({ what: '100 000 items', value: Array.from({ length: HUGE_ARRAY_LENGTH }, () => item) });
      } else {
        bad.push({
          what: '100 000 NUL strings',
          value: Array.from({ length: HUGE_ARRAY_LENGTH }, () => '\u0000'),
        });
      }
      break;
    }
    case 'object':
      bad.push({ what: 'a list', value: [random.junk()] }, { what: 'a string', value: random.junk() });
      bad.push({ what: 'a number', value: -1e308 });
      break;
    default:
      // A schema the document leaves open (a preprocessed value): what no field takes.
      bad.push({ what: 'an object', value: { nested: { deeper: [1] } } });
      bad.push({ what: 'a junk string', value: random.junk() });
      bad.push({ what: '"NaN"', value: 'NaN' });
      bad.push({ what: '-1e308', value: -1e308 });
  }
  return bad;
}

/**
 * Query values the parameter refuses: NUL always; wrong words, NaN, out-of-range numbers and odd
 * characters where a number, an option or a date is asked; 100 000 characters past a length or
 * pattern. A free-text parameter (a username, an object's id) takes words and numbers: only what
 * breaks its pattern or length is sent to it.
 */
function badQueryValues(
  schema: Schema,
  random: ReturnType<typeof seeded>,
): { what: string; value: string }[] {
  // Text the document bounds by its length or pattern only; a bare string is parsed (a number, a list).
  const freeText =
    schema.type === 'string' &&
    !schema.enum &&
    !schema.format &&
    (schema.maxLength !== undefined || schema.pattern !== undefined);
  const values = [{ what: 'a NUL byte', value: `1\u0000` }];
  if (!freeText || schema.pattern) values.push({ what: 'odd characters', value: random.junk() });
  if (!freeText) values.push({ what: '"NaN"', value: 'NaN' }, { what: '-1e308', value: '-1e308' });
  if (schema.enum || schema.maxLength !== undefined || freeText)
    values.push({ what: '100 000 characters', value: HUGE_STRING });
  if (!freeText && (schema.type === 'integer' || schema.type === 'number' || schema.enum === undefined))
    values.push({ what: '1e308', value: '1e308' }, { what: 'a word', value: 'many' });
  return values;
}

const jsonRequest = (method: string, body: string, contentType = 'application/json'): RequestInit => ({
  method,
  headers: { 'content-type': contentType },
  body,
});

/** `<!ENTITY>`s that double ten times over: "billion laughs", 10⁹ "lol"s if anything expanded them. */
function billionLaughs(root: string, body: string): string {
  const entities = ['<!ENTITY lol0 "lol">'];
  for (let level = 1; level <= 9; level++)
    entities.push(`<!ENTITY lol${level} "${`&lol${level - 1};`.repeat(10)}">`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE ${root} [\n${entities.join('\n')}\n]>\n${body}`;
}

const OSM_BOMB = billionLaughs(
  'osm',
  '<osm version="0.6"><node id="1" lat="28.3" lon="109.7"><tag k="name" v="&lol9;"/></node>' +
    '<node id="2" lat="28.301" lon="109.701"/><way id="3"><nd ref="1"/><nd ref="2"/><tag k="highway" v="footway"/>' +
    '<tag k="name" v="&lol9;"/></way></osm>',
);
const KML_BOMB = billionLaughs(
  'kml',
  '<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>&lol9;</name><Point><coordinates>109.7,28.3</coordinates></Point></Placemark></kml>',
);
const GPX_BOMB = billionLaughs(
  'gpx',
  '<gpx version="1.1"><wpt lat="28.3" lon="109.7"><name>&lol9;</name></wpt></gpx>',
);

/** An Excel workbook whose every part declares the entities and whose one cell uses the last. */
function xlsxBomb(): Uint8Array {
  const part = (root: string, body: string) => strToU8(billionLaughs(root, body));
  const main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const relationships = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';
  return zipSync({
    '[Content_Types].xml': part(
      'Types',
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    ),
    '_rels/.rels': part(
      'Relationships',
      `<Relationships ${relationships}><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': part(
      'workbook',
      `<workbook ${main} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="&lol9;" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': part(
      'Relationships',
      `<Relationships ${relationships}><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    'xl/sharedStrings.xml': part(
      'sst',
      `<sst ${main} count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>`,
    ),
    'xl/worksheets/sheet1.xml': part(
      'worksheet',
      `<worksheet ${main}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>`,
    ),
  });
}

/** 8 MB of one CSV row packed ~1000 : 1 (the limit is 200 : 1 past the first megabyte). */
function zipBomb(entry: string): Uint8Array {
  const row = strToU8('1,东区幼儿园,kindergarten,109.72,28.28\n');
  const rows = new Uint8Array(8 * 1024 * 1024);
  for (let offset = 0; offset + row.length <= rows.length; offset += row.length) rows.set(row, offset);
  return zipSync({ [entry]: rows }, { level: 9 });
}

describe.each(testBackends())(
  'every operation of the OpenAPI document refuses bad input on $name',
  (backend) => {
    let database: Database;
    let dispose: () => Promise<void>;
    let app: SignedIn<App>;
    let document: OpenApiDocument;
    let scenarioId: string;
    const answered: { label: string; status: number; milliseconds: number }[] = [];
    /** What was wrong with each answer, gathered so one run shows every fault. */
    const faults: string[] = [];

    beforeAll(async () => {
      ({ database, dispose } = await backend.open('migrated'));
      const tiny = tinyRegion('tiny');
      await loadRegion(database, 'test', tiny.meta, tiny.layers);
      app = await createSignedInApp(database, { limits: DEFAULT_API_LIMITS });
      const created = await app.request(
        '/api/regions/tiny/scenarios',
        jsonRequest('POST', '{"name":"fuzz"}'),
      );
      expect(created.status).toBe(201);
      scenarioId = ((await created.json()) as { id: string }).id;
      const served = await app.request('/api/openapi.json');
      expect(served.status).toBe(200);
      document = (await served.json()) as OpenApiDocument;
    });
    afterAll(async () => dispose?.());

    /** Sends one case and notes what is wrong with its answer, if anything. */
    const send = async (fuzz: FuzzCase) => {
      try {
        await check(fuzz);
      } catch (error) {
        faults.push((error as Error).message.split('\n')[0].slice(0, 600));
      }
    };

    /** Sends one case and checks its refusal. */
    const check = async (fuzz: FuzzCase) => {
      const started = performance.now();
      let timer: NodeJS.Timeout | undefined;
      const response = await Promise.race([
        app.request(fuzz.url, fuzz.init),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`${fuzz.label}: no answer within ${ANSWER_WITHIN_MILLISECONDS} ms`)),
            ANSWER_WITHIN_MILLISECONDS,
          );
        }),
      ]).finally(() => clearTimeout(timer));
      const text = await response.text();
      const milliseconds = performance.now() - started;
      answered.push({ label: fuzz.label, status: response.status, milliseconds });
      const shown = `${fuzz.label} → ${response.status}: ${text.slice(0, 400)}`;
      expect(REFUSALS, shown).toContain(response.status);
      expect(response.headers.get('content-type') ?? '', shown).toMatch(/^application\/json/);
      expect(text, `${shown}: a stack trace or a server path`).not.toMatch(STACK_TRACE);
      const body = JSON.parse(text) as { error: string; errorZh: string; code: string; params?: any };
      expect(body.error, shown).toEqual(expect.stringMatching(/\S/));
      expect(body.errorZh, shown).toEqual(expect.stringMatching(/\S/));
      expect(body.code, shown).toMatch(/^[a-z]+\.[a-z0-9-]+$/);
      if (fuzz.field !== undefined && response.status === 400) {
        const named = `${String(body.params?.field ?? '')} ${body.error}`;
        expect(named, `${shown}: does not name ${fuzz.field}`).toContain(fuzz.field);
      }
    };

    /** Every operation of the document as [method, OpenAPI path, operation]. */
    const operations = () =>
      Object.entries(document.paths).flatMap(([path, methods]) =>
        Object.entries(methods).map(
          ([method, operation]) => [method.toUpperCase(), path, operation] as const,
        ),
      );

    /** A path parameter's valid value: the test region, its scenario, the first option, the least number. */
    const validPathValue = (parameter: OpenApiParameter): string => {
      const schema = resolve(document, parameter.schema);
      if (parameter.name === 'region') return 'tiny';
      if (parameter.name === 'id') return scenarioId;
      if (schema.enum) return String(schema.enum[0]);
      if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
      if (schema.type === 'integer' || schema.type === 'number') return String(schema.minimum ?? 0);
      return 'zz-none';
    };

    /** A required query parameter's valid value: its first option, or one a request body of the document lists for that name. */
    const validQueryValue = (parameter: OpenApiParameter): string => {
      const schema = resolve(document, parameter.schema);
      if (schema.enum) return String(schema.enum[0]);
      for (const [, , operation] of operations()) {
        for (const content of Object.values(operation.requestBody?.content ?? {})) {
          const property = resolve(document, resolve(document, content.schema).properties?.[parameter.name]);
          if (property.enum) return String(property.enum[0]);
        }
      }
      return '1';
    };

    const urlOf = (path: string, pathValues: Record<string, string>, query: Record<string, string>) => {
      const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(pathValues[name]));
      const search = new URLSearchParams(query).toString();
      return search ? `${filled}?${search}` : filled;
    };

    /** Every bad request of one operation. */
    const casesOf = (method: string, path: string, operation: OpenApiOperation, seed: number): FuzzCase[] => {
      const random = seeded(seed);
      const parameters = operation.parameters ?? [];
      const pathParameters = parameters.filter((parameter) => parameter.in === 'path');
      const queryParameters = parameters.filter((parameter) => parameter.in === 'query');
      const pathValues = Object.fromEntries(pathParameters.map((p) => [p.name, validPathValue(p)]));
      const requiredQuery = Object.fromEntries(
        queryParameters.filter((p) => p.required).map((p) => [p.name, validQueryValue(p)]),
      );
      const jsonSchema = operation.requestBody?.content['application/json']?.schema;
      const formSchema = operation.requestBody?.content['multipart/form-data']?.schema;
      const bodySchema = jsonSchema ? resolve(document, jsonSchema) : undefined;
      const baseBody = bodySchema ? sampleObject(document, bodySchema) : undefined;
      const label = (what: string) => `${method} ${path}: ${what}`;
      const withBody = (init: RequestInit = { method }): RequestInit =>
        baseBody
          ? jsonRequest(method, JSON.stringify(baseBody))
          : formSchema
            ? { method, body: new FormData() }
            : init;
      const cases: FuzzCase[] = [];

      for (const parameter of pathParameters) {
        const schema = resolve(document, parameter.schema);
        const numeric = schema.type === 'integer' || schema.type === 'number';
        const values: { what: string; value: string; field?: string }[] = [
          { what: 'a NUL byte', value: `${pathValues[parameter.name]}\u0000`, field: parameter.name },
          { what: '10 000 characters', value: 'z'.repeat(10_000) },
          { what: 'odd characters', value: random.junk() },
          { what: 'a dot path', value: '../../etc/passwd' },
        ];
        if (numeric) {
          values.push({ what: 'a word', value: 'many', field: parameter.name });
          values.push({ what: '-1', value: '-1', field: parameter.name });
          values.push({ what: '1e308', value: '1e308', field: parameter.name });
          values.push({ what: 'a fraction', value: '1.5', field: parameter.name });
        } else if (schema.format === 'uuid') {
          values.push({ what: 'an unknown id', value: uuidFrom(random.next) });
          values.push({
            what: 'a nearly uuid',
            value: '00000000-0000-4000-8000-00000000000g',
            field: parameter.name,
          });
        } else {
          values.push({ what: 'an unknown id', value: `zz-no-such-${Math.floor(random.next() * 1e6)}` });
        }
        for (const { what, value, field } of values) {
          cases.push({
            label: label(`path ${parameter.name} = ${what}`),
            url: urlOf(path, { ...pathValues, [parameter.name]: value }, requiredQuery),
            init: withBody(),
            field,
          });
        }
      }

      for (const parameter of queryParameters) {
        const schema = resolve(document, parameter.schema);
        for (const { what, value } of badQueryValues(schema, random)) {
          cases.push({
            label: label(`query ${parameter.name} = ${what}`),
            url: urlOf(path, pathValues, { ...requiredQuery, [parameter.name]: value }),
            init: withBody(),
            field: parameter.name,
          });
        }
        const valid = requiredQuery[parameter.name] ?? 'a';
        cases.push({
          label: label(`query ${parameter.name} given twice`),
          url: `${urlOf(path, pathValues, requiredQuery)}${Object.keys(requiredQuery).length ? '&' : '?'}${new URLSearchParams(
            [
              [parameter.name, valid],
              [parameter.name, `${valid}\u0000`],
            ],
          ).toString()}`,
          init: withBody(),
          field: parameter.name,
        });
        if (parameter.required) {
          const rest = { ...requiredQuery };
          delete rest[parameter.name];
          cases.push({
            label: label(`query ${parameter.name} missing`),
            url: urlOf(path, pathValues, rest),
            init: withBody(),
            field: parameter.name,
          });
        }
      }

      const url = urlOf(path, pathValues, requiredQuery);
      if (bodySchema && baseBody) {
        const malformed = ['{"version":', '{"a":1}}', "{'a':1}", '[1,2', 'NaN', '', '\u0000', '{"a":1,}'];
        for (const text of malformed)
          cases.push({
            label: label(`malformed JSON ${JSON.stringify(text)}`),
            url,
            init: jsonRequest(method, text),
          });
        cases.push({
          label: label('JSON sent as text/plain'),
          url,
          init: jsonRequest(method, JSON.stringify(baseBody), 'text/plain'),
        });
        cases.push({
          label: label('a form instead of JSON'),
          url,
          init: { method, body: new URLSearchParams({ a: '1' }) },
        });
        for (const top of [[], 'text', 42, null, true, [baseBody]])
          cases.push({
            label: label(`body ${JSON.stringify(top)}`),
            url,
            init: jsonRequest(method, JSON.stringify(top)),
          });
        // 50 000 nested lists in one property: a parser or validator that recurses must not fall over.
        cases.push({
          label: label('50 000 nested lists'),
          url,
          init: jsonRequest(method, `{"deep":${'['.repeat(50_000)}${']'.repeat(50_000)}}`),
          field: 'deep',
        });
        cases.push({
          label: label('an oversized body'),
          url,
          init: jsonRequest(method, `{"x":"${'a'.repeat(DEFAULT_API_LIMITS.jsonBodyBytes)}"}`),
        });
        if (bodySchema.additionalProperties === false)
          cases.push({
            label: label('an unknown property'),
            url,
            init: jsonRequest(method, JSON.stringify({ ...baseBody, zzUnknown: 1 })),
            field: 'zzUnknown',
          });
        for (const name of (bodySchema.required ?? []) as string[]) {
          const rest = { ...baseBody };
          delete rest[name];
          cases.push({
            label: label(`body without ${name}`),
            url,
            init: jsonRequest(method, JSON.stringify(rest)),
            field: name,
          });
        }
        const properties = (bodySchema.properties ?? {}) as Record<string, Schema>;
        for (const [name, property] of Object.entries(properties)) {
          for (const { what, value } of badValues(document, property, random)) {
            cases.push({
              label: label(`body ${name} = ${what}`),
              url,
              init: jsonRequest(method, JSON.stringify({ ...baseBody, [name]: value })),
              field: name,
            });
          }
          // One level down: each property of an object property (the travel time's `from`…).
          const inner = mainAlternative(document, property);
          if (inner.type === 'object' && inner.properties) {
            const innerBase = sampleObject(document, inner);
            for (const [innerName, innerProperty] of Object.entries(
              inner.properties as Record<string, Schema>,
            )) {
              const bad = random.pick(badValues(document, innerProperty, random));
              cases.push({
                label: label(`body ${name}.${innerName} = ${bad.what}`),
                url,
                init: jsonRequest(
                  method,
                  JSON.stringify({ ...baseBody, [name]: { ...innerBase, [innerName]: bad.value } }),
                ),
                field: `${name}.${innerName}`,
              });
            }
          }
        }
      }

      if (formSchema) {
        const form = resolve(document, formSchema);
        // The part holding the file: a string of bytes (OpenAPI 3.1 contentMediaType, 3.0 format binary).
        const fileField = Object.entries((form.properties ?? {}) as Record<string, Schema>).find(
          ([, property]) => property.contentMediaType || property.format === 'binary',
        )?.[0];
        expect(fileField, `${method} ${path}: an upload documents no file part`).toBeDefined();
        const fields = Object.fromEntries(
          Object.entries((form.properties ?? {}) as Record<string, Schema>).filter(
            ([name]) => name !== fileField,
          ),
        );
        const requiredFields = ((form.required ?? []) as string[]).filter((name) => name !== fileField);
        const validFields: Record<string, string> = Object.fromEntries(
          requiredFields.map((name) => [name, String(sampleValue(document, fields[name]))]),
        );
        const upload = (file: { name: string; bytes: Uint8Array } | null, values: Record<string, string>) => {
          const data = new FormData();
          if (file) data.append(fileField!, new Blob([new Uint8Array(file.bytes)]), file.name);
          for (const [key, value] of Object.entries(values)) data.append(key, value);
          return { method, body: data } satisfies RequestInit;
        };
        const csv = { name: 'facilities.csv', bytes: strToU8('id,name,category,lon,lat\n') };
        cases.push({ label: label('no file'), url, init: upload(null, validFields), field: fileField });
        cases.push({ label: label('an empty form'), url, init: { method, body: new FormData() } });
        cases.push({
          label: label('JSON instead of a form'),
          url,
          init: jsonRequest(method, JSON.stringify(validFields)),
        });
        const files = [
          {
            name: 'program.exe',
            bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, ...strToU8(random.junk())]),
          },
          { name: 'empty.csv', bytes: new Uint8Array(0) },
          { name: '', bytes: strToU8('\u0000\u0001\u0002') },
          { name: 'bomb.osm', bytes: strToU8(OSM_BOMB) },
          { name: 'bomb.kml', bytes: strToU8(KML_BOMB) },
          { name: 'bomb.gpx', bytes: strToU8(GPX_BOMB) },
          { name: 'bomb.xlsx', bytes: xlsxBomb() },
          { name: 'bomb.zip', bytes: zipBomb('layers/facilities.csv') },
          { name: 'not-a-zip.zip', bytes: strToU8('PK\u0003\u0004 truncated') },
        ];
        for (const file of files) {
          // The network layer takes OSM extracts; otherwise the form's own required values.
          const values =
            file.name.endsWith('.osm') && fields.layer ? { ...validFields, layer: 'network' } : validFields;
          cases.push({ label: label(`file ${file.name || '(no name)'}`), url, init: upload(file, values) });
        }
        // An upload past the limit the document gives for its 413 (sampled: only limits up to 64 MB are sent).
        const limitMegabytes = Number(
          /larger than (\d+) MB/.exec(operation.responses?.['413']?.description ?? '')?.[1],
        );
        if (limitMegabytes > 0 && limitMegabytes <= 64)
          cases.push({
            label: label(`an upload over ${limitMegabytes} MB`),
            url,
            init: upload(
              { name: 'huge.csv', bytes: new Uint8Array(limitMegabytes * 1024 * 1024 + 1) },
              validFields,
            ),
          });
        for (const name of requiredFields) {
          const rest = { ...validFields };
          delete rest[name];
          cases.push({ label: label(`form without ${name}`), url, init: upload(csv, rest), field: name });
        }
        for (const [name, field] of Object.entries(fields)) {
          const schema = mainAlternative(document, field);
          const values = [{ what: 'a NUL byte', value: `a\u0000b` }];
          if (schema.enum || schema.pattern || schema.type === 'boolean')
            values.push({ what: 'odd characters', value: random.junk() });
          if (schema.maxLength !== undefined || schema.enum)
            values.push({ what: '100 000 characters', value: HUGE_STRING });
          if (schema.type === 'object') values.push({ what: 'malformed JSON', value: '{"a":' });
          if (schema.type === 'boolean') values.push({ what: 'a word', value: 'maybe' });
          if (schema.type === 'string' && !schema.enum && !schema.maxLength && !schema.pattern) continue;
          for (const { what, value } of values)
            cases.push({
              label: label(`form ${name} = ${what}`),
              url,
              init: upload(csv, { ...validFields, [name]: value }),
              field: name,
            });
        }
      }
      return cases;
    };

    it('answers every bad request of every operation with a 4xx naming the field, never a 5xx or a stack trace', async () => {
      const operationList = operations();
      expect(operationList.length).toBeGreaterThan(40);
      let total = 0;
      for (const [index, [method, path, operation]] of operationList.entries()) {
        const cases = casesOf(method, path, operation, 12_000 + index);
        for (const fuzz of cases) await send(fuzz);
        total += cases.length;
      }
      expect(total).toBeGreaterThan(500);
      const slowest = [...answered].sort((a, b) => b.milliseconds - a.milliseconds).slice(0, 5);
      console.log(
        `${backend.name}: ${answered.length} bad requests over ${operationList.length} operations; slowest ${slowest
          .map((answer) => `${answer.label} ${Math.round(answer.milliseconds)} ms`)
          .join('; ')}`,
      );
      expect(faults).toEqual([]);
      const health = await app.request('/api/health');
      expect(health.status).toBe(200);
      // No case ended the session or changed the administrator: the same session still acts as them.
      const session = await app.request('/api/session');
      expect(session.status).toBe(200);
      expect(await session.json()).toMatchObject({ user: 'admin', role: 'admin', via: 'session' });
    }, 240_000);

    it('wrote nothing: no import, base map, other region, user or token, and the one scenario still at version 1', async () => {
      const scenarios = (await (await app.request('/api/regions/tiny/scenarios')).json()) as {
        id: string;
        version: number;
      }[];
      expect(scenarios.map((scenario) => [scenario.id, scenario.version])).toEqual([[scenarioId, 1]]);
      const regions = (await (await app.request('/api/regions')).json()) as { id: string }[];
      expect(regions.map((region) => region.id)).toEqual(['tiny']);
      const stored = await database.query<{ imports: number; basemaps: number; edits: number }>(
        `SELECT (SELECT count(*)::int FROM imports) AS imports, (SELECT count(*)::int FROM basemaps) AS basemaps,
                (SELECT count(*)::int FROM scenario_edits) AS edits`,
      );
      expect(stored.rows[0]).toEqual({ imports: 0, basemaps: 0, edits: 0 });
      // The audit log, told of every accepted write, holds only the suite's sign-in and scenario; no
      // user, token, password or collaborator was changed.
      const audit = await database.query<{ operation: string }>(
        'SELECT operation FROM audit_log ORDER BY id',
      );
      expect(audit.rows.map((entry) => entry.operation)).toEqual([
        'POST /api/session',
        'POST /api/regions/:region/scenarios',
      ]);
      const accounts = await database.query<{ users: number; tokens: number }>(
        `SELECT (SELECT count(*)::int FROM app_users) AS users, (SELECT count(*)::int FROM api_tokens) AS tokens`,
      );
      expect(accounts.rows[0]).toEqual({ users: 1, tokens: 0 });
    });
  },
);
