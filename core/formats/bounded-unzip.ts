/**
 * Unzipping a file someone uploaded without letting it unpack without end: a 3 MB zip bomb once took
 * the server from 1.2 GB to 3.3 GB. Each entry's unpacked size comes from the zip's directory,
 * checked before anything is inflated; fflate inflates an entry into a buffer of exactly that size,
 * so an entry lying about it comes out truncated (and fails to parse), never larger.
 */

import { unzipSync, type UnzipFileFilter } from 'fflate';
import { BilingualError } from './bilingual-error.js';

/** Most bytes the entries of one archive may unpack to, together. */
export const MAX_UNZIPPED_BYTES = 512 * 1024 * 1024;
/**
 * Highest unpacked-to-packed ratio of an entry above RATIO_CHECKED_FROM_BYTES: real tables and
 * GeoJSON pack 5–30 times, a bomb 1000 times.
 */
export const MAX_COMPRESSION_RATIO = 200;
/** Entries smaller than this unpacked are never refused for their ratio (a tiny file may pack well). */
export const RATIO_CHECKED_FROM_BYTES = 1024 * 1024;

const MEGABYTE = 1024 * 1024;

/** An archive refused for what it would unpack to, naming the entry at fault. */
export class ArchiveTooLargeError extends BilingualError {
  constructor(
    readonly entryName: string,
    readonly unzippedBytes: number,
    readonly limit: 'total' | 'ratio',
  ) {
    const megabytes = (unzippedBytes / MEGABYTE).toFixed(1);
    super(
      limit === 'total'
        ? {
            en: `${entryName}: the archive unpacks to more than ${MAX_UNZIPPED_BYTES / MEGABYTE} MB (with this entry ${megabytes} MB); split it into smaller files`,
            zh: `${entryName}：压缩包解压后超过 ${MAX_UNZIPPED_BYTES / MEGABYTE} MB（算上此文件为 ${megabytes} MB）；请拆分为较小的文件`,
          }
        : {
            en: `${entryName}: unpacks ${megabytes} MB from more than ${MAX_COMPRESSION_RATIO} times less, which real data never does (a zip bomb?); it was not unpacked`,
            zh: `${entryName}：解压后 ${megabytes} MB，压缩比超过 ${MAX_COMPRESSION_RATIO} 倍，真实数据不会如此（疑似“压缩炸弹”）；未解压`,
          },
    );
    this.name = 'ArchiveTooLargeError';
  }
}

/**
 * `unzipSync` of the entries `filter` keeps, refusing with ArchiveTooLargeError before inflating
 * anything when the kept entries would unpack past MAX_UNZIPPED_BYTES or one packs more than
 * MAX_COMPRESSION_RATIO times.
 */
export function unzipBounded(bytes: Uint8Array, filter: UnzipFileFilter = () => true) {
  let total = 0;
  return unzipSync(bytes, {
    filter: (file) => {
      if (!filter(file)) return false;
      total += file.originalSize;
      if (total > MAX_UNZIPPED_BYTES) throw new ArchiveTooLargeError(file.name, total, 'total');
      if (
        file.originalSize >= RATIO_CHECKED_FROM_BYTES &&
        file.originalSize > file.size * MAX_COMPRESSION_RATIO
      ) {
        throw new ArchiveTooLargeError(file.name, file.originalSize, 'ratio');
      }
      return true;
    },
  });
}
