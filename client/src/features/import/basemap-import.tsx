/**
 * The import wizard's base-map step: a PMTiles or MBTiles file (imagery or vector tiles) is stored
 * with the region as it is — no mapping or preview, its tiles are what the map draws — and listed
 * in the layers panel's 底图.
 */
import { useI18n } from '../../lib/i18n';
import { useBasemapUpload } from '../layer-panel/use-basemap-upload';
import { RefusalLine } from './refusal-line';

export function BasemapImport({ regionId, onStored }: { regionId: string; onStored: () => void }) {
  const { t } = useI18n();
  const { uploading, error, stored, upload } = useBasemapUpload(regionId, onStored);
  return (
    <div className="import-basemap" data-testid="import-basemap">
      <h3 className="import-basemap-title">{t('import.basemap.title')}</h3>
      <p className="import-hint">{t('import.basemap.hint')}</p>
      <label className="import-field">
        <span>{t('import.file')}</span>
        <input
          type="file"
          accept=".pmtiles,.mbtiles"
          data-testid="import-basemap-file"
          disabled={uploading}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void upload(file);
          }}
        />
      </label>
      {uploading && <div className="import-status">{t('import.basemap.uploading')}</div>}
      {error && <RefusalLine error={error} />}
      {stored && (
        <div className="import-status" role="status" data-testid="import-basemap-stored">
          {t('import.basemap.stored', {
            name: stored.name,
            kind: t(`basemaps.${stored.kind}`),
            tiles: stored.tileCount ?? 0,
            minzoom: stored.minzoom,
            maxzoom: stored.maxzoom,
          })}
        </div>
      )}
    </div>
  );
}
