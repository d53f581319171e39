import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ArchiveTooLargeError, MAX_UNZIPPED_BYTES, unzipBounded } from './bounded-unzip.js';

/**
 * `bytes` with every entry's declared unpacked size set to `size` in the zip's directory, and its
 * packed size to `packedSize` when given (only the directory is read before inflating).
 */
function declaring(bytes: Uint8Array, size: number, packedSize?: number): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  for (let offset = 0; offset + 4 <= copy.length; offset += 1) {
    const signature = view.getUint32(offset, true);
    if (signature === 0x04034b50) view.setUint32(offset + 22, size, true);
    if (signature === 0x02014b50) {
      view.setUint32(offset + 24, size, true);
      if (packedSize !== undefined) view.setUint32(offset + 20, packedSize, true);
    }
  }
  return copy;
}

describe('unzipBounded', () => {
  it('unpacks an ordinary archive', () => {
    const csv = new TextEncoder().encode('名称,经度,纬度\n东区幼儿园,109.72,28.28\n'.repeat(100));
    const entries = unzipBounded(zipSync({ 'a.csv': csv, 'b.txt': new Uint8Array([1]) }));
    expect(entries['a.csv']).toEqual(csv);
    expect(Object.keys(entries)).toEqual(['a.csv', 'b.txt']);
  });

  it('refuses an entry packed like a bomb, naming it, before inflating it', () => {
    const zeros = new Uint8Array(20 * 1024 * 1024);
    const bomb = zipSync({ 'data/units.csv': zeros }, { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    const refusal = (() => {
      try {
        unzipBounded(bomb);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(ArchiveTooLargeError);
    expect((refusal as ArchiveTooLargeError).message).toMatch(
      /^data\/units\.csv: unpacks 20\.0 MB from more than 200 times less/,
    );
    expect((refusal as ArchiveTooLargeError).messageZh).toMatch(/^data\/units\.csv：解压后 20\.0 MB/);
  });

  it('refuses an archive declaring more than the total limit, counting only what the filter keeps', () => {
    const half = MAX_UNZIPPED_BYTES / 2 + 1;
    const archive = declaring(
      zipSync({ 'huge.geojson': new Uint8Array(10), 'image.png': new Uint8Array(10) }, { level: 0 }),
      half,
      half / 2,
    );
    expect(() => unzipBounded(archive)).toThrow(
      /^image\.png: the archive unpacks to more than 512 MB \(with this entry 512\.0 MB\)/,
    );
    // Left out by the filter, the second entry counts for nothing: the first alone is within the total.
    const names: string[] = [];
    expect(() =>
      unzipBounded(archive, (file) => {
        names.push(file.name);
        return false;
      }),
    ).not.toThrow();
    expect(names).toEqual(['huge.geojson', 'image.png']);
  });

  it('never unpacks an entry past the size it declares', () => {
    const lying = declaring(zipSync({ 'a.csv': new Uint8Array(5_000_000) }, { level: 9 }), 1000);
    expect(unzipBounded(lying)['a.csv'].length).toBe(1000);
  });
});
