/**
 * One writer for every export (layers, isochrones, coverage, heat maps, scenarios): a GeoJSON
 * FeatureCollection becomes a GeoJSON download, a CSV table (one row per feature, UTF-8 with BOM)
 * or a zipped Shapefile, with a Content-Disposition naming the file.
 */

import type { ExportFormat } from '../../../contract/common.js';
import {
  shapefileLayersZip,
  shapefileZip,
  type ShapefileField,
  type ShapefileGeometry,
} from '../../../core/formats/shapefile-writer.js';

type Value = string | number | boolean | null | undefined | object;

export interface ExportFeature {
  type: 'Feature';
  id?: string | number;
  geometry: ShapefileGeometry | { type: string; coordinates?: unknown } | null;
  properties: Record<string, Value> | null;
}

export interface ExportCollection {
  type: 'FeatureCollection';
  features: readonly ExportFeature[];
}

/** A column of the flat table: the property it reads, its CSV header and its ≤ 10-character DBF name. */
export interface TableColumn {
  key: string;
  header: string;
  dbfName: string;
  kind: 'text' | 'number';
}

/** A cell as text: arrays and objects as JSON, booleans as true/false, absent as empty. */
function flat(value: Value): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return JSON.stringify(value);
}

/**
 * DBF field names (1–10 of [A-Za-z0-9_]): the key's last dotted segment (`coveredShare.park` →
 * `park`) in snake case, cut to 10 characters, numbered when two would collide.
 */
function dbfNames(keys: readonly string[], given: Readonly<Record<string, string>>): string[] {
  const used = new Set<string>();
  return keys.map((key) => {
    let name =
      given[key] ??
      (key.split('.').pop() || key)
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
        .toLowerCase()
        .replace(/[^a-z0-9_]/g, '_')
        .slice(0, 10);
    if (name === '') name = 'field';
    for (let n = 1; used.has(name); n += 1) name = `${name.slice(0, 10 - String(n).length - 1)}_${n}`;
    used.add(name);
    return name;
  });
}

/**
 * The columns of a collection: every property key in first-seen order (ids first when features
 * carry an id but no `id` property); numbers where every value is a number or absent.
 */
export function tableColumns(
  collection: ExportCollection,
  options: { dbfNames?: Readonly<Record<string, string>> } = {},
): TableColumn[] {
  const keys: string[] = [];
  const seen = new Set<string>();
  const hasIdProperty = collection.features.every(
    (feature) => feature.properties && 'id' in feature.properties,
  );
  if (!hasIdProperty && collection.features.some((feature) => feature.id !== undefined)) {
    keys.push('id');
    seen.add('id');
  }
  for (const feature of collection.features) {
    for (const key of Object.keys(feature.properties ?? {})) {
      if (!seen.has(key)) {
        seen.add(key);
        keys.push(key);
      }
    }
  }
  const names = dbfNames(keys, options.dbfNames ?? {});
  return keys.map((key, index) => ({
    key,
    header: key,
    dbfName: names[index],
    kind: collection.features.every((feature) => {
      const value = cellValue(feature, key);
      return value === null || typeof value === 'number';
    })
      ? 'number'
      : 'text',
  }));
}

function cellValue(feature: ExportFeature, key: string): string | number | null {
  const properties = feature.properties ?? {};
  if (key in properties) return flat(properties[key]);
  return key === 'id' ? flat(feature.id) : null;
}

/**
 * Text a spreadsheet (Excel, WPS, LibreOffice) would run as a formula: a cell starting with `=`,
 * `+`, `-`, `@`, a tab or a carriage return (OWASP, "CSV Injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell after RFC 4180: quoted when it holds a comma, quote or line break. Text a spreadsheet
 * would take for a formula (a name such as `=HYPERLINK(…)` in an imported file) gets a leading `'`,
 * which spreadsheets show as text; numbers stay numbers.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with a header row, CRLF lines, UTF-8 with a byte-order mark so spreadsheets read Chinese. */
export function csvTable(
  headers: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  const lines = [headers.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The collection's properties as CSV, one row per feature (geometry left out). */
export function featureCollectionCsv(
  collection: ExportCollection,
  columns = tableColumns(collection),
): string {
  return csvTable(
    columns.map((column) => column.header),
    collection.features.map((feature) => columns.map((column) => cellValue(feature, column.key))),
  );
}

/** The collection as a zipped Shapefile named `<baseName>.*`; its fields are the CSV's columns. */
export function featureCollectionShapefile(
  baseName: string,
  collection: ExportCollection,
  columns = tableColumns(collection),
): Uint8Array {
  const fields: ShapefileField[] = columns.map((column) => ({ name: column.dbfName, kind: column.kind }));
  return shapefileZip(
    baseName,
    fields,
    collection.features.map((feature) => ({
      geometry: feature.geometry as ShapefileGeometry | null,
      values: columns.map((column) => cellValue(feature, column.key)),
    })),
  );
}

/**
 * A file to download: its bytes (or text), media type, an ASCII file name and a display name
 * (possibly Chinese). Services make them; the HTTP layer sends them (server/src/http/download.ts).
 */
export interface ExportFile {
  body: string | Uint8Array;
  contentType: string;
  fileName: string;
  displayName?: string;
}

/**
 * The file of a collection in `format`, named `<baseName>.geojson|.csv|.zip`. A collection given
 * as text (built in SQL) is sent as it is for GeoJSON and parsed only for the flat formats.
 */
export function exportFile(
  collection: ExportCollection | string,
  format: ExportFormat,
  baseName: string,
  options: { dbfNames?: Readonly<Record<string, string>> } = {},
): ExportFile {
  if (format === 'geojson') {
    const body = typeof collection === 'string' ? collection : JSON.stringify(collection);
    return { body, contentType: 'application/geo+json; charset=utf-8', fileName: `${baseName}.geojson` };
  }
  const parsed: ExportCollection = typeof collection === 'string' ? JSON.parse(collection) : collection;
  const columns = tableColumns(parsed, options);
  if (format === 'csv') {
    return {
      body: featureCollectionCsv(parsed, columns),
      contentType: 'text/csv; charset=utf-8',
      fileName: `${baseName}.csv`,
    };
  }
  return {
    body: featureCollectionShapefile(baseName, parsed, columns),
    contentType: 'application/zip',
    fileName: `${baseName}.zip`,
  };
}

/** One layer of a several-layer export: its name (a file suffix) and its features. */
export interface ExportLayer {
  name: string;
  collection: ExportCollection;
  dbfNames?: Readonly<Record<string, string>>;
}

/**
 * Several layers as one file: GeoJSON and CSV hold them all in one collection or table (a feature's
 * `kind` tells its layer apart; the CSV has every layer's columns), a Shapefile zip one shapefile per
 * non-empty layer (`<baseName>-<layer>.*`), as the format takes one shape type per file.
 */
export function exportLayersFile(
  layers: readonly ExportLayer[],
  format: ExportFormat,
  baseName: string,
): ExportFile {
  if (format !== 'shapefile') {
    const merged: ExportCollection = {
      type: 'FeatureCollection',
      features: layers.flatMap((layer) => layer.collection.features),
    };
    return exportFile(merged, format, baseName);
  }
  const zipped = layers
    .filter((layer) => layer.collection.features.length > 0)
    .map((layer) => {
      const columns = tableColumns(layer.collection, { dbfNames: layer.dbfNames });
      return {
        baseName: `${baseName}-${layer.name}`,
        fields: columns.map((column) => ({ name: column.dbfName, kind: column.kind })),
        records: layer.collection.features.map((feature) => ({
          geometry: feature.geometry as ShapefileGeometry | null,
          values: columns.map((column) => cellValue(feature, column.key)),
        })),
      };
    });
  return { body: shapefileLayersZip(zipped), contentType: 'application/zip', fileName: `${baseName}.zip` };
}
