/** Which column of the file feeds each field (the server's suggestion, changeable), with sample values. */
import { useI18n, type MessageKey } from '../../lib/i18n';
import { withFieldColumn } from './import-choices';
import type { ImportPreview } from './import-types';
import { useFieldName } from './use-import-names';
import type { ImportWizardState } from './use-import-wizard';

export function FieldMappingTable({
  wizard,
  preview,
}: {
  wizard: ImportWizardState;
  preview: ImportPreview;
}) {
  const { t, language } = useI18n();
  const fieldName = useFieldName(preview);
  const mapping = wizard.choices.mapping ?? preview.mapping;
  return (
    <>
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
          {preview.fields.map((field) => {
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
    </>
  );
}
