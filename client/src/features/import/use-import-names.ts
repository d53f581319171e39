/**
 * How the import wizard names what the server detected: codes of the standards (categories,
 * community types), file formats, coordinate systems and where a setting came from, in the
 * interface's language.
 */
import { isMessageKey, useI18n } from '../../lib/i18n';
import { COMMUNITY_TYPES, FACILITY_CATEGORIES } from '../../lib/standards';
import { gaussKrugerZoneOf } from './import-choices';
import type { ImportPreview, UsedEncoding } from './import-types';

/** The Chinese or English name of a code, where the standards know it. */
export function useCodeName() {
  const { localName } = useI18n();
  return (code: string) => {
    const named =
      (FACILITY_CATEGORIES as Record<string, { nameZh: string; nameEn: string }>)[code] ??
      (COMMUNITY_TYPES as Record<string, { nameZh: string; nameEn: string }>)[code];
    return named ? `${localName(named)} (${code})` : code;
  };
}

/** The file formats as their users name them. */
export const FORMAT_NAMES: Record<string, string> = {
  geojson: 'GeoJSON',
  shapefile: 'Shapefile',
  csv: 'CSV',
  xlsx: 'Excel (.xlsx)',
  dbf: 'dBASE (.dbf)',
  osm: 'OSM XML',
};

/**
 * The detected coordinate system, the encoding used and where a setting came from, in the
 * interface's language.
 */
export function useDetectedNames() {
  const { t, language } = useI18n();
  const crsName = (crs: { id: string; label: string }) => {
    const zone = gaussKrugerZoneOf(crs.id);
    if (zone)
      return zone.zoneNumber !== null
        ? t('import.crs.gkZone', {
            width: zone.widthDegrees,
            zone: zone.zoneNumber,
            meridian: zone.centralMeridianDegrees,
          })
        : t('import.crs.gkMeridian', { width: zone.widthDegrees, meridian: zone.centralMeridianDegrees });
    // Systems the wizard offers have names of their own; others (UTM, a .prj's own) keep the server's.
    const key = `import.crs.${crs.id}`;
    return isMessageKey(key) ? t(key) : crs.label;
  };
  /** Where the coordinate system came from: the .prj, the GeoJSON, the analyst, or the default. */
  const sourceName = (from: string) => {
    const key = `import.source.${from}`;
    return isMessageKey(key) ? t(key) : from;
  };
  const geometrySourceName = (from: string) => {
    const key = `import.geometryFrom.${from}`;
    return isMessageKey(key) ? t(key) : from;
  };
  /** 繁体中文 Big5（代码页 950） · .cpg 文件指定（“BIG5”）: what the text was read as, and why. */
  const encodingUsed = (encoding: UsedEncoding) => {
    const why = t(`import.encodingFrom.${encoding.from}`, { named: encoding.named ?? '' });
    return `${language === 'zh' ? encoding.labelZh : encoding.label} · ${why}`;
  };
  return { crsName, sourceName, geometrySourceName, encodingUsed };
}

/** A field's Chinese name where the layer gives one, else its id (as the API and the command line know it). */
export function useFieldName(preview: ImportPreview): (field: string) => string {
  const { language } = useI18n();
  return (field: string) =>
    (language === 'zh'
      ? preview.fields.find((candidate) => candidate.field === field)?.labelZh
      : undefined) ?? field;
}

/** A remark in brackets, full-width in Chinese text. */
export function useAside(): (text: string) => string {
  const { language } = useI18n();
  return (text: string) => (language === 'zh' ? `（${text}）` : ` (${text})`);
}
