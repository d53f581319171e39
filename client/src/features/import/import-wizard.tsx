/**
 * The import wizard (issue 5, “Import (analysts)”): choose a layer and a file, optionally the
 * coordinate system and text encoding; the server's preview shows what it detected, the field
 * mapping (each field fed by a column, with samples), value mapping of unknown categories, the
 * problems by row and field, what will change (scenarios included) — and the features on the map.
 * Nothing is written until Commit.
 */
import { useState } from 'react';
import type { Region } from '../../lib/api-types';
import { formatCount, formatNumber } from '../../lib/format';
import { isMessageKey, useI18n, type MessageKey } from '../../lib/i18n';
import { COMMUNITY_TYPES, FACILITY_CATEGORIES } from '../../lib/standards';
import {
  CRS_CHOICES,
  canCommit,
  countStatuses,
  gaussKrugerCrs,
  gaussKrugerZoneOf,
  newRegionProblem,
  withFieldColumn,
  withValueCode,
  type CrsChoice,
  type GaussKrugerZone,
} from './import-choices';
import {
  WIZARD_LAYERS,
  type ImportPreview,
  type ImportProblem,
  type NewRegion,
  type WizardLayer,
} from './import-types';
import type { ImportWizardState } from './use-import-wizard';

export interface ImportWizardProps {
  wizard: ImportWizardState;
  /** The region on screen (null when the server holds none: then only a new region can be made). */
  region: Region | null;
  /** Every region the server holds, so a new region's id is checked before it is sent. */
  regions: readonly Region[];
  onClose: () => void;
}

/** The Chinese or English name of a code, where the standards know it. */
function useCodeName() {
  const { localName } = useI18n();
  return (code: string) => {
    const named =
      (FACILITY_CATEGORIES as Record<string, { nameZh: string; nameEn: string }>)[code] ??
      (COMMUNITY_TYPES as Record<string, { nameZh: string; nameEn: string }>)[code];
    return named ? `${localName(named)} (${code})` : code;
  };
}

/** The file formats as their users name them. */
const FORMAT_NAMES: Record<string, string> = {
  geojson: 'GeoJSON',
  shapefile: 'Shapefile',
  csv: 'CSV',
  xlsx: 'Excel (.xlsx)',
  dbf: 'dBASE (.dbf)',
  osm: 'OSM XML',
};

/** The detected coordinate system and where a setting came from, in the interface's language. */
function useDetectedNames() {
  const { t } = useI18n();
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
  const sourceName = (from: string) => {
    const key = `import.source.${from}`;
    return isMessageKey(key) ? t(key) : from;
  };
  const geometrySourceName = (from: string) => {
    const key = `import.geometryFrom.${from}`;
    return isMessageKey(key) ? t(key) : from;
  };
  return { crsName, sourceName, geometrySourceName };
}

export function ImportWizard({ wizard, region, regions, onClose }: ImportWizardProps) {
  const { t } = useI18n();
  const { choices, preview, busy } = wizard;
  const [crsChoice, setCrsChoice] = useState<CrsChoice>('');
  const [zone, setZone] = useState<GaussKrugerZone>({
    widthDegrees: 3,
    centralMeridianDegrees: 111,
    zoneInEasting: false,
  });
  const zoneCrs = gaussKrugerCrs(zone);

  const applyCrs = (choice: CrsChoice, nextZone: GaussKrugerZone) => {
    setCrsChoice(choice);
    setZone(nextZone);
    const crs = choice === 'gk' ? gaussKrugerCrs(nextZone) : choice;
    if (crs !== null) wizard.choose({ crs });
  };

  return (
    <section className="panel import-wizard" data-testid="import-wizard" aria-labelledby="import-title">
      <div className="import-head">
        <h2 id="import-title" className="panel-title">
          {t('import.title')}
        </h2>
        <button type="button" className="import-close" onClick={onClose} data-testid="import-close">
          {t('import.close')}
        </button>
      </div>
      <p className="import-hint">{t('import.hint')}</p>

      <div className="import-form">
        <ImportTarget wizard={wizard} region={region} regions={regions} />
        <label className="import-field">
          <span>{t('import.layer')}</span>
          <select
            data-testid="import-layer"
            value={choices.layer}
            onChange={(event) => wizard.choose({ layer: event.target.value as WizardLayer })}
          >
            {WIZARD_LAYERS.map((layer) => (
              <option key={layer} value={layer}>
                {t(`import.layer.${layer}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label className="import-field">
          <span>{t('import.file')}</span>
          <input
            key={wizard.fileInputKey}
            type="file"
            data-testid="import-file"
            accept=".geojson,.json,.zip,.csv,.xlsx,.dbf,.txt,.osm"
            onChange={(event) => wizard.setFile(event.target.files?.[0] ?? null)}
          />
        </label>
        <label className="import-field">
          <span>{t('import.crs')}</span>
          <select
            data-testid="import-crs"
            value={crsChoice}
            onChange={(event) => applyCrs(event.target.value as CrsChoice, zone)}
          >
            {CRS_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {t(`import.crs.${choice || 'auto'}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        {crsChoice === 'gk' && (
          <div className="import-zone" data-testid="import-zone">
            <select
              aria-label={t('import.zone.width')}
              value={zone.widthDegrees}
              onChange={(event) =>
                applyCrs('gk', { ...zone, widthDegrees: Number(event.target.value) as 3 | 6 })
              }
            >
              <option value={3}>3°</option>
              <option value={6}>6°</option>
            </select>
            <label>
              {t('import.zone.meridian')}
              <input
                type="number"
                min={75}
                max={135}
                step={3}
                value={zone.centralMeridianDegrees}
                onChange={(event) =>
                  applyCrs('gk', { ...zone, centralMeridianDegrees: Number(event.target.value) })
                }
              />
              °E
            </label>
            <label>
              <input
                type="checkbox"
                checked={zone.zoneInEasting}
                onChange={(event) => applyCrs('gk', { ...zone, zoneInEasting: event.target.checked })}
              />
              {t('import.zone.prefix')}
            </label>
            <span className={zoneCrs ? 'import-muted' : 'import-bad'}>
              {zoneCrs ?? t('import.zone.invalid')}
            </span>
          </div>
        )}
        <label className="import-field">
          <span>{t('import.encoding')}</span>
          <select
            data-testid="import-encoding"
            value={choices.encoding}
            onChange={(event) => wizard.choose({ encoding: event.target.value as '' | 'utf8' | 'gbk' })}
          >
            <option value="">{t('import.encoding.auto')}</option>
            <option value="utf8">UTF-8</option>
            <option value="gbk">GBK</option>
          </select>
        </label>
        <div className="import-flags">
          {(['replace', 'repair', 'swapAxes'] as const).map((flag) => (
            <label key={flag}>
              <input
                type="checkbox"
                data-testid={`import-${flag}`}
                checked={choices[flag]}
                onChange={(event) => wizard.choose({ [flag]: event.target.checked })}
              />
              {t(`import.${flag}` as MessageKey)}
            </label>
          ))}
        </div>
      </div>

      {busy === 'preview' && <div className="import-status">{t('import.previewing')}</div>}
      {wizard.error && <RefusalLine error={wizard.error} errorZh={wizard.errorZh} />}
      {wizard.committed && <CommittedNotice report={wizard.committed} createdRegion={wizard.createdRegion} />}
      {preview && <PreviewBody wizard={wizard} preview={preview} />}
    </section>
  );
}

/** Where the import goes: the region on screen, or a new region made from this first layer. */
function ImportTarget({
  wizard,
  region,
  regions,
}: {
  wizard: ImportWizardState;
  region: Region | null;
  regions: readonly Region[];
}) {
  const { t, localName } = useI18n();
  const chosen = wizard.choices.newRegion;
  // Typed text stays here until the field is left, so each keystroke does not ask for a preview.
  const [draft, setDraft] = useState<NewRegion>(chosen ?? { id: '', name: '', nameEn: '' });
  const problem = chosen
    ? newRegionProblem(
        draft,
        regions.map((candidate) => candidate.id),
      )
    : null;
  const apply = (next: NewRegion) => {
    const current = wizard.choices.newRegion;
    if (!current || current.id !== next.id || current.name !== next.name || current.nameEn !== next.nameEn)
      wizard.choose({ newRegion: next });
  };
  const field = (key: keyof NewRegion, label: string, testId: string, hint?: string) => (
    <label className="import-field">
      <span>{label}</span>
      <input
        type="text"
        data-testid={testId}
        value={draft[key]}
        title={hint}
        placeholder={hint}
        onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
        onBlur={() => apply(draft)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') apply(draft);
        }}
      />
    </label>
  );
  return (
    <fieldset className="import-target" data-testid="import-target">
      <legend>{t('import.target')}</legend>
      <label>
        <input
          type="radio"
          name="import-target"
          data-testid="import-target-current"
          checked={!chosen}
          disabled={!region}
          onChange={() => wizard.choose({ newRegion: null })}
        />
        {t('import.target.current', {
          name: region ? localName({ nameZh: region.name, nameEn: region.nameEn ?? region.name }) : '—',
        })}
      </label>
      <label>
        <input
          type="radio"
          name="import-target"
          data-testid="import-target-new"
          checked={chosen !== null}
          // A new region is best begun with its walking network: it fixes the extent and projection.
          onChange={() => wizard.choose({ newRegion: draft, layer: 'network', replace: false })}
        />
        {t('import.target.new')}
      </label>
      {chosen && (
        <div className="import-new-region" data-testid="import-new-region">
          <p className="import-muted">{t('import.newRegion.hint')}</p>
          {field('id', t('import.newRegion.id'), 'import-region-id', t('import.newRegion.idHint'))}
          {field('name', t('import.newRegion.name'), 'import-region-name')}
          {field('nameEn', t('import.newRegion.nameEn'), 'import-region-name-en')}
          {problem && (
            <span className="import-bad" role="alert" data-testid="import-region-problem">
              {t(`import.newRegion.${problem}` as MessageKey)}
            </span>
          )}
        </div>
      )}
    </fieldset>
  );
}

function CommittedNotice({
  report,
  createdRegion,
}: {
  report: ImportPreview;
  createdRegion: NewRegion | null;
}) {
  const { t, localName } = useI18n();
  return (
    <div className="import-success" role="status" data-testid="import-success">
      {t('import.committed', {
        added: formatCount(report.changes.added) ?? '',
        updated: formatCount(report.changes.updated) ?? '',
        removed: formatCount(report.changes.removed) ?? '',
        after: formatCount(report.changes.after) ?? '',
      })}
      {createdRegion && (
        <p data-testid="import-created-region">
          {t('import.createdRegion', {
            name: localName({
              nameZh: createdRegion.name,
              nameEn: createdRegion.nameEn || createdRegion.name,
            }),
          })}
        </p>
      )}
    </div>
  );
}

/** The walking network a network import makes: its size, and whether it falls apart. */
function NetworkSummary({ network }: { network: NonNullable<ImportPreview['network']> }) {
  const { t } = useI18n();
  return (
    <>
      <li data-testid="import-network">
        {t('import.network', {
          edges: formatCount(network.edges) ?? '',
          nodes: formatCount(network.nodes) ?? '',
          km: formatNumber(network.lengthMeters / 1000, 1),
        })}
      </li>
      {network.components > 1 && (
        <li className="import-bad" data-testid="import-network-split">
          {t('import.network.split', {
            n: formatCount(network.components) ?? '',
            largest: formatCount(network.largestComponentNodes) ?? '',
          })}
        </li>
      )}
    </>
  );
}

function PreviewBody({ wizard, preview }: { wizard: ImportWizardState; preview: ImportPreview }) {
  const { t, language } = useI18n();
  // Chinese field names where the layer gives one; the field's id (as the API and CLI know it) otherwise.
  // A remark in brackets, full-width in Chinese text.
  const aside = (text: string) => (language === 'zh' ? `（${text}）` : ` (${text})`);
  const fieldName = (field: string) =>
    (language === 'zh'
      ? preview.fields.find((candidate) => candidate.field === field)?.labelZh
      : undefined) ?? field;
  const codeName = useCodeName();
  const { crsName, sourceName, geometrySourceName } = useDetectedNames();
  const statuses = countStatuses(preview.features?.features ?? []);
  const mapping = wizard.choices.mapping ?? preview.mapping;
  const valueMap = wizard.choices.valueMap ?? preview.valueMap;
  const errors = preview.problems.filter((problem) => problem.severity === 'error');
  const others = preview.problems.filter((problem) => problem.severity !== 'error');
  const unknown = Object.entries(preview.unknownValues).filter(([, values]) => values.length > 0);
  const mappable = preview.fields;
  const { file, changes } = preview;
  // How the file was read (a Shapefile without .prj, the sheet chosen…): a GK file read as WGS 84 looks like nonsense without it.
  const notes = language === 'zh' ? file.notesZh : file.notes;

  return (
    <div className="import-preview" data-testid="import-preview">
      <h3 className="import-section">{t('import.detected')}</h3>
      <dl className="import-detected" data-testid="import-detected">
        <dt>{t('import.format')}</dt>
        <dd>
          {FORMAT_NAMES[file.format] ?? file.format} ·{' '}
          {t('import.records', { n: formatCount(file.records) ?? '' })}
        </dd>
        <dt>{t('import.encoding')}</dt>
        <dd>
          {file.encoding
            ? `${file.encoding.encoding === 'utf8' ? 'UTF-8' : file.encoding.encoding.toUpperCase()}${aside(sourceName(file.encoding.from))}`
            : '—'}
        </dd>
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
      {notes.length > 0 && (
        <ul className="import-notes import-muted" data-testid="import-notes">
          {notes.map((note, index) => (
            <li key={index}>{note}</li>
          ))}
        </ul>
      )}

      <h3 className="import-section">{t('import.mapping')}</h3>
      <table className="import-table" data-testid="import-mapping">
        <colgroup>
          <col className="import-mapping-col-field" />
          <col className="import-mapping-col-column" />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th>{t('import.field')}</th>
            <th>{t('import.column')}</th>
            <th>{t('import.samples')}</th>
          </tr>
        </thead>
        <tbody>
          {mappable.map((field) => {
            const column = mapping[field.field] ?? '';
            const samples = preview.columns.find((candidate) => candidate.name === column)?.samples ?? [];
            const from = preview.mappingFrom[field.field];
            return (
              <tr
                key={field.field}
                data-testid={`import-map-${field.field}`}
                title={
                  language === 'zh'
                    ? `${field.field}${field.derivationZh ? `：${field.derivationZh}` : ''}`
                    : field.description
                }
              >
                <td>
                  <span className="import-field-name">{fieldName(field.field)}</span>
                  {field.need === 'required' && <span className="import-required">*</span>}
                  {from && (
                    <span className={`import-from is-${from}`}>{t(`import.from.${from}` as MessageKey)}</span>
                  )}
                </td>
                <td>
                  <select
                    value={column}
                    aria-label={field.field}
                    disabled={wizard.busy !== null}
                    onChange={(event) =>
                      wizard.choose({ mapping: withFieldColumn(mapping, field.field, event.target.value) })
                    }
                  >
                    <option value="">{field.derivation ? t('import.derived') : t('import.unmapped')}</option>
                    {preview.columns.map((candidate) => (
                      <option key={candidate.name} value={candidate.name}>
                        {candidate.name}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="import-samples">{samples.slice(0, 3).join(' · ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>

      {unknown.length > 0 && (
        <>
          <h3 className="import-section">{t('import.values')}</h3>
          <table className="import-table" data-testid="import-values">
            <tbody>
              {unknown.flatMap(([codedField, values]) => {
                const codes = preview.fields.find((field) => field.field === codedField)?.codes ?? [];
                return values.map((written) => (
                  <tr key={`${codedField}:${written}`}>
                    <td>
                      {fieldName(codedField)}: “{written}”
                    </td>
                    <td>
                      <select
                        aria-label={`${codedField} ${written}`}
                        value={valueMap[codedField]?.[written] ?? ''}
                        disabled={wizard.busy !== null}
                        onChange={(event) =>
                          wizard.choose({
                            valueMap: withValueCode(valueMap, codedField, written, event.target.value),
                          })
                        }
                      >
                        <option value="">{t('import.values.choose')}</option>
                        {codes.map((code) => (
                          <option key={code} value={code}>
                            {codeName(code)}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ));
              })}
            </tbody>
          </table>
        </>
      )}

      <h3 className="import-section">{t('import.problems')}</h3>
      {preview.problems.length === 0 ? (
        <p className="import-muted" data-testid="import-no-problems">
          {t('import.noProblems')}
        </p>
      ) : (
        <table className="import-table import-problems" data-testid="import-problems">
          <colgroup>
            <col className="import-problems-col-where" />
            <col className="import-problems-col-field" />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th>{t('import.where')}</th>
              <th>{t('import.field')}</th>
              <th>{t('import.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {[...errors, ...others].map((problem, index) => (
              <ProblemRow key={index} problem={problem} />
            ))}
          </tbody>
        </table>
      )}
      {preview.problemsLeftOut > 0 && (
        <p className="import-muted">{t('import.moreProblems', { n: preview.problemsLeftOut })}</p>
      )}

      <h3 className="import-section">{t('import.summary')}</h3>
      <ul className="import-summary" data-testid="import-summary">
        <li data-testid="import-feature-count">
          {t('import.featureCount', { n: formatCount(preview.featureCount) ?? '' })}
        </li>
        {preview.network && <NetworkSummary network={preview.network} />}
        <li>
          {t('import.statuses', {
            ok: statuses.ok,
            repaired: statuses.repaired,
            warning: statuses.warning,
            error: statuses.error,
          })}
        </li>
        <li data-testid="import-changes">
          {t('import.changes', {
            added: formatCount(changes.added) ?? '',
            updated: formatCount(changes.updated) ?? '',
            removed: formatCount(changes.removed) ?? '',
            before: formatCount(changes.before) ?? '',
            after: formatCount(changes.after) ?? '',
          })}
        </li>
      </ul>
      <ScenarioImpactBlock wizard={wizard} preview={preview} />

      <div className="import-actions">
        <button
          type="button"
          className="button-primary"
          data-testid="import-commit"
          disabled={wizard.busy !== null || !canCommit(preview, wizard.accepted)}
          onClick={wizard.commit}
        >
          {wizard.busy === 'commit' ? t('import.committing') : t('import.commit')}
        </button>
        {!preview.canCommit && <span className="import-bad">{t('import.blocked')}</span>}
      </div>
    </div>
  );
}

/** The server's refusal of the request, in Chinese when the interface is and the server said it so. */
function RefusalLine({ error, errorZh }: { error: string; errorZh: string | null }) {
  const { language } = useI18n();
  return (
    <div className="import-error" role="alert" data-testid="import-error">
      {language === 'zh' && errorZh ? errorZh : error}
    </div>
  );
}

/** One problem: where, which field (and column), what — in the interface's language. */
function ProblemRow({ problem }: { problem: ImportProblem }) {
  const { t, language } = useI18n();
  const zh = language === 'zh';
  const where = (zh ? problem.locationZh : null) ?? problem.location;
  const field = (zh ? problem.fieldZh : null) ?? problem.field;
  return (
    <tr className={`is-${problem.severity}`} data-testid="import-problem">
      <td>
        {where ?? '—'}
        {problem.featureId ? ` · ${problem.featureId}` : ''}
      </td>
      <td title={problem.field ?? undefined}>
        {field ?? '—'}
        {problem.column && problem.column !== field
          ? zh
            ? `（${problem.column}）`
            : ` (${problem.column})`
          : ''}
      </td>
      <td>
        <span className="import-severity">{t(`import.severity.${problem.severity}` as MessageKey)}</span>
        {/* Where and which field have columns of their own: the sentence without them. */}
        {zh ? problem.detailZh : problem.detail}
      </td>
    </tr>
  );
}

function ScenarioImpactBlock({ wizard, preview }: { wizard: ImportWizardState; preview: ImportPreview }) {
  const { t, language } = useI18n();
  const zh = language === 'zh';
  const impact = preview.scenarioImpact;
  if (!impact || impact.scenarios.length === 0) return null;
  return (
    <div className="import-scenarios" data-testid="import-scenarios">
      <p>{t('import.scenarios', { n: impact.scenarios.length })}</p>
      <p className="import-muted">{(zh ? impact.policyZh : null) ?? impact.policy}</p>
      <ul>
        {impact.scenarios.map((scenario) => (
          <li key={scenario.id}>
            <strong>{scenario.name}</strong>
            <ul>
              {scenario.effects.map((effect, index) => (
                <li key={index}>{(zh ? effect.textZh : null) ?? effect.text}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {impact.requiresAcceptance && (
        <label className="import-accept">
          <input
            type="checkbox"
            data-testid="import-accept"
            checked={wizard.accepted}
            onChange={(event) => wizard.setAccepted(event.target.checked)}
          />
          {t('import.accept')}
        </label>
      )}
    </div>
  );
}
