/**
 * The first steps of an import, before the database is asked anything: the request's options
 * checked, the file read into records (core/import), and the records converted into the layer's
 * features with the mapping chosen. A file or option that cannot be used is refused here with a
 * DomainError; problems of single records are reported, not thrown.
 */
import { ArchiveTooLargeError } from '../../../core/formats/bounded-unzip.js';
import type { Bbox } from '../../../core/geometry/bbox.js';
import { convertFeatures, type ConversionResult } from '../../../core/import/convert-features.js';
import { parseCrsOption, type CoordinateSystem } from '../../../core/import/coordinate-systems.js';
import type { FieldMapping, ValueMap } from '../../../core/import/field-mapping.js';
import type { ImportLayer } from '../../../core/import/import-layers.js';
import type { ProblemLog } from '../../../core/import/import-problems.js';
import {
  ImportEncodingError,
  ImportFileError,
  ImportTooManyRecordsError,
  readImportFile,
  type ImportTable,
} from '../../../core/import/read-import-file.js';
import { regionMetaSchema } from '../../../core/region/region-files.js';
import { DomainError } from '../domain-error.js';
import type { ImportOptions } from '../../../contract/import-options.js';

/**
 * Checks the region id and the declared coordinate system and reads the file. Throws DomainError
 * `import.invalid-region-id`, `import.invalid-crs`, `import.file-unreadable`,
 * `import.encoding-unsupported` (the file names a code page that cannot be decoded),
 * `import.too-many-records` (more rows than MAX_IMPORT_RECORDS), `import.archive-too-large` or
 * `import.osm-not-network` (an OSM extract offered as another layer than the network).
 */
export function readUpload(upload: {
  regionId: string;
  fileName: string;
  bytes: Uint8Array;
  options: ImportOptions;
}): ImportTable {
  const { regionId, fileName, options } = upload;
  if (!regionMetaSchema.shape.id.safeParse(regionId).success)
    throw new DomainError('import.invalid-region-id', { regionId });
  let declaredCrs: CoordinateSystem | null = null;
  if (options.crs) {
    const parsed = parseCrsOption(options.crs);
    if (!parsed.ok)
      throw new DomainError('import.invalid-crs', { reason: parsed.reason, reasonZh: parsed.reasonZh });
    declaredCrs = parsed.crs;
  }
  let table: ImportTable;
  try {
    table = readImportFile(fileName, upload.bytes, { encoding: options.encoding ?? null, crs: declaredCrs });
  } catch (error) {
    if (error instanceof ImportEncodingError)
      throw new DomainError('import.encoding-unsupported', {
        fileName: error.fileName,
        codePage: error.codePage,
        namedBy: error.namedBy.en,
        namedByZh: error.namedBy.zh,
      });
    if (error instanceof ImportTooManyRecordsError)
      throw new DomainError('import.too-many-records', { fileName: error.fileName, limit: error.limit });
    if (error instanceof ArchiveTooLargeError)
      throw new DomainError('import.archive-too-large', {
        fileName,
        entry: error.entryName,
        reason: error.message,
        reasonZh: error.messageZh,
      });
    if (error instanceof ImportFileError)
      throw new DomainError('import.file-unreadable', { reason: error.message, reasonZh: error.messageZh });
    throw error;
  }
  if (table.format === 'osm' && options.layer !== 'network')
    throw new DomainError('import.osm-not-network', { fileName });
  return table;
}

/**
 * The records as the layer's features (core/import/convert-features.ts), their problems added to
 * the log after the file's warnings (rows in another encoding), and a note of a file without records. `regionExtent` is null for a region the import
 * creates; `takenIds` the ids an import that adds to the layer must not reuse (null: replacing).
 */
export function convertUpload(
  table: ImportTable,
  choices: {
    layer: ImportLayer;
    fileName: string;
    mapping: FieldMapping;
    valueMap: ValueMap;
    options: ImportOptions;
    regionExtent: Bbox | null;
    takenIds: ReadonlySet<string> | null;
  },
  log: ProblemLog,
): ConversionResult {
  const conversion = convertFeatures(table, {
    layer: choices.layer,
    mapping: choices.mapping,
    valueMap: choices.valueMap,
    swapAxes: Boolean(choices.options.swapAxes),
    repair: Boolean(choices.options.repair),
    idPrefix: idPrefixFor(choices.fileName, choices.layer),
    regionExtent: choices.regionExtent,
    takenIds: choices.takenIds,
  });
  // Rows in another encoding come first: the values read from them are garbled.
  for (const warning of table.warnings)
    log.report({ severity: 'warning', code: 'text-encoding', text: warning });
  log.add(conversion.problems);
  if (table.records.length === 0)
    log.report({
      code: 'geometry-missing',
      text: { en: 'the file holds no records', zh: '文件中没有任何记录' },
    });
  return conversion;
}

/** Generated ids start with the file name in lower-case ASCII (else the layer's letter). */
export function idPrefixFor(fileName: string, layer: ImportLayer): string {
  const stem = fileName
    .replace(/\.[^.]*$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 30);
  return stem !== ''
    ? stem
    : { streets: 's', communities: 'c', units: 'u', facilities: 'f', network: 'e' }[layer];
}
