/**
 * What the server read from the file: format and records, the encoding used and why, coordinate
 * system, geometry, and its notes. An encoding the file did not name is a guess, which may garble
 * the names: the wizard then says how to choose another.
 */
import { formatCount } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { ImportPreview } from './import-types';
import { FORMAT_NAMES, useAside, useDetectedNames } from './use-import-names';

export function DetectedFile({ preview }: { preview: ImportPreview }) {
  const { t, language } = useI18n();
  const aside = useAside();
  const { crsName, sourceName, geometrySourceName, encodingUsed } = useDetectedNames();
  const { file } = preview;
  // How the file was read (a Shapefile without .prj, the sheet chosen…): a GK file read as WGS 84 looks like nonsense without it.
  const notes = language === 'zh' ? file.notesZh : file.notes;
  // Valid UTF-8 is almost never anything else; any other encoding the text was read in is a guess.
  const guessedEncoding = file.encoding?.from === 'detected' && file.encoding.encoding !== 'utf8';
  return (
    <>
      <h3 className="import-section">{t('import.detected')}</h3>
      <dl className="import-detected" data-testid="import-detected">
        <dt>{t('import.format')}</dt>
        <dd>
          {FORMAT_NAMES[file.format] ?? file.format} ·{' '}
          {t('import.records', { n: formatCount(file.records) ?? '' })}
        </dd>
        <dt>{t('import.encoding')}</dt>
        <dd data-testid="import-encoding-used">{file.encoding ? encodingUsed(file.encoding) : '—'}</dd>
        <dt>{t('import.crs')}</dt>
        <dd>
          {file.crs
            ? `${crsName(file.crs)} · ${file.crs.id}${aside(sourceName(file.crs.from))}`
            : t('import.crs.unknown')}
        </dd>
        {preview.geometryFrom && (
          <>
            <dt>{t('import.geometry')}</dt>
            <dd>{geometrySourceName(preview.geometryFrom)}</dd>
          </>
        )}
      </dl>
      {guessedEncoding && (
        <p className="import-encoding-advice" data-testid="import-encoding-guessed">
          {t('import.encoding.guessed')}
        </p>
      )}
      {notes.length > 0 && (
        <ul className="import-notes import-muted" data-testid="import-notes">
          {notes.map((note, index) => (
            <li key={index}>{note}</li>
          ))}
        </ul>
      )}
    </>
  );
}
