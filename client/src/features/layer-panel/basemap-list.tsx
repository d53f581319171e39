/**
 * 底图 in the layers panel: the region's base maps top first, each with its switch, an opacity
 * slider and buttons to move it up or down (the map draws them in this order, all under the
 * communities), and a button to add a PMTiles or MBTiles file.
 */
import { useEffect, useRef } from 'react';
import { reportError } from '../../lib/notices';
import { useSession } from '../session/use-session';
import { useI18n } from '../../lib/i18n';
import { IconButton } from '../../ui/icon-button';
import { Spinner } from '../../ui/spinner';
import { Switch } from '../../ui/switch';
import type { BasemapDisplayState } from './use-basemap-display';
import { useBasemapUpload } from './use-basemap-upload';

export function BasemapList({ regionId, state }: { regionId: string; state: BasemapDisplayState }) {
  const { t } = useI18n();
  const mayImport = useSession().can('import');
  const fileInput = useRef<HTMLInputElement>(null);
  const { displays } = state;
  const { uploading, error, upload } = useBasemapUpload(regionId, state.refresh);
  // A refused file is told like any failed call (the notices say why, in the interface's language).
  useEffect(() => {
    if (error) reportError(error);
  }, [error]);

  return (
    <div className="basemap-list" data-testid="basemap-list">
      <h3 className="export-title">{t('basemaps.title')}</h3>
      {displays.length === 0 && <p className="basemap-empty">{t('basemaps.none')}</p>}
      <ul className="layer-list">
        {displays.map(({ basemap, visible, opacity }, index) => {
          const inputId = `basemap-toggle-${basemap.id}`;
          return (
            <li
              className={`layer-row${visible ? ' is-on' : ''}`}
              key={basemap.id}
              data-testid={`basemap-${basemap.id}`}
            >
              <div className="layer-head">
                <Switch id={inputId} checked={visible} onChange={(on) => state.setVisible(basemap.id, on)} />
                <label htmlFor={inputId} className="layer-label">
                  <span className="layer-name">{basemap.name}</span>
                </label>
                <span className="layer-meta">
                  {t(basemap.format === 'xyz' ? 'basemaps.service' : `basemaps.${basemap.kind}`)}
                </span>
                <IconButton
                  label={t('basemaps.up')}
                  onClick={() => state.move(basemap.id, -1)}
                  disabled={index === 0}
                  testId={`basemap-up-${basemap.id}`}
                >
                  ↑
                </IconButton>
                <IconButton
                  label={t('basemaps.down')}
                  onClick={() => state.move(basemap.id, 1)}
                  disabled={index === displays.length - 1}
                  testId={`basemap-down-${basemap.id}`}
                >
                  ↓
                </IconButton>
              </div>
              {visible && (
                <label className="layer-body basemap-opacity">
                  <span>{t('basemaps.opacity')}</span>
                  <input
                    type="range"
                    min={0}
                    max={100}
                    step={5}
                    value={Math.round(opacity * 100)}
                    data-testid={`basemap-opacity-${basemap.id}`}
                    onChange={(event) => state.setOpacity(basemap.id, Number(event.target.value) / 100)}
                  />
                  <span className="layer-meta">{Math.round(opacity * 100)}%</span>
                </label>
              )}
            </li>
          );
        })}
      </ul>
      {/* Adding a base map is an import: only the roles holding `import` see the button. */}
      {mayImport && (
        <>
          <input
            ref={fileInput}
            type="file"
            accept=".pmtiles,.mbtiles"
            hidden
            data-testid="basemap-file"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void upload(file);
            }}
          />
          <button
            type="button"
            className="link-button basemap-add"
            data-testid="basemap-add"
            disabled={uploading}
            onClick={() => fileInput.current?.click()}
          >
            {uploading ? <Spinner label={t('basemaps.uploading')} /> : null}
            {t('basemaps.add')}
          </button>
        </>
      )}
    </div>
  );
}
