import { describe, expect, it } from 'vitest';
import { chooseTextEncoding, decodeText, encodingFromCpg } from './text-encoding.js';

const GBK_ZHONGWEN = new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]);

describe('text encodings', () => {
  it('takes valid UTF-8 as UTF-8 and anything else as GBK, unless told', () => {
    expect(chooseTextEncoding(new TextEncoder().encode('名称,人口'))).toEqual({
      encoding: 'utf8',
      from: 'detected',
    });
    expect(chooseTextEncoding(GBK_ZHONGWEN)).toEqual({ encoding: 'gbk', from: 'detected' });
    expect(chooseTextEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toEqual({
      encoding: 'utf8',
      from: 'bom',
    });
    expect(chooseTextEncoding(GBK_ZHONGWEN, 'utf8')).toEqual({ encoding: 'utf8', from: 'option' });
    expect(decodeText(GBK_ZHONGWEN, 'gbk')).toBe('中文');
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]), 'utf8')).toBe('A');
  });

  it('reads .cpg names', () => {
    expect(encodingFromCpg('UTF-8\r\n')).toBe('utf8');
    expect(encodingFromCpg('936')).toBe('gbk');
    expect(encodingFromCpg('GB2312')).toBe('gbk');
    expect(encodingFromCpg('ISO-8859-1')).toBeNull();
  });
});
