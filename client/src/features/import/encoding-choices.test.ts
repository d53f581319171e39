import { describe, expect, it } from 'vitest';
import { importOptionsSchema, optionsFromFormFields } from '../../../../contract/import-options';
import { TEXT_ENCODINGS } from '../../../../core/formats/text-encoding';
import { ENCODING_GROUPS, encodingChoiceOf, encodingName } from './encoding-choices';
import { commitBody, INITIAL_CHOICES, previewFormFields } from './import-choices';

const offered = ENCODING_GROUPS.flatMap((group) => group.encodings);

describe('the encoding menu', () => {
  it('offers every encoding the API reads, each once', () => {
    expect(new Set(offered).size).toBe(offered.length);
    expect([...offered].sort()).toEqual([...TEXT_ENCODINGS].sort());
    expect(ENCODING_GROUPS.every((group) => group.encodings.length > 0)).toBe(true);
  });

  it('lists the Chinese encodings first, UTF-8 leading', () => {
    expect(ENCODING_GROUPS[0]).toEqual({ id: 'chinese', encodings: ['utf8', 'gbk', 'big5'] });
  });

  it('sends each choice as the API takes it, to the preview and to the commit', () => {
    for (const encoding of offered) {
      const choices = { ...INITIAL_CHOICES, encoding };
      const parsed = importOptionsSchema.safeParse(optionsFromFormFields(previewFormFields(choices)));
      expect(parsed.success && parsed.data.encoding, encoding).toBe(encoding);
      expect(commitBody(choices, false).encoding).toBe(encoding);
    }
  });

  it('names each encoding by the product’s labels in the interface’s language', () => {
    expect(encodingName('big5', 'zh')).toBe('繁体中文 Big5（代码页 950）');
    expect(encodingName('big5', 'en')).toBe('Big5 (Traditional Chinese, code page 950)');
    expect(encodingName('utf8', 'zh')).toBe('UTF-8');
  });

  it('reads the menu’s value back, anything else as “let the file decide”', () => {
    expect(encodingChoiceOf('windows-1253')).toBe('windows-1253');
    expect(encodingChoiceOf('')).toBe('');
    expect(encodingChoiceOf('cp737')).toBe('');
  });
});
