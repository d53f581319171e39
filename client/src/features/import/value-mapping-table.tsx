/** Values of coded fields the standards do not know (a category written its own way), each to map to a known code. */
import { useI18n } from '../../lib/i18n';
import { withValueCode } from './import-choices';
import type { ImportPreview } from './import-types';
import { useCodeName, useFieldName } from './use-import-names';
import type { ImportWizardState } from './use-import-wizard';

export function ValueMappingTable({
  wizard,
  preview,
}: {
  wizard: ImportWizardState;
  preview: ImportPreview;
}) {
  const { t } = useI18n();
  const fieldName = useFieldName(preview);
  const codeName = useCodeName();
  const valueMap = wizard.choices.valueMap ?? preview.valueMap;
  const unknown = Object.entries(preview.unknownValues).filter(([, values]) => values.length > 0);
  if (unknown.length === 0) return null;
  return (
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
  );
}
