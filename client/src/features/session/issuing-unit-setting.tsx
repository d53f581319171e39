/**
 * 系统管理's bureau-wide setting: the issuing unit (编制单位) the printed dashboard names. Read for
 * everyone through the settings cache; saved by an administrator, after which every screen reads
 * the new one.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { MAX_ISSUING_UNIT_LENGTH } from '../../../../contract/settings';
import { saveSettings, type ApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { queryKeys } from '../../lib/query-keys';
import { useSettingsRead } from '../../lib/reads';
import { Button } from '../../ui/button';

export function IssuingUnitSetting({
  onSaved,
  onRefused,
}: {
  onSaved: (unit: string) => Promise<void>;
  onRefused: (error: ApiError) => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const { data: settings } = useSettingsRead({});
  const [unit, setUnit] = useState('');
  useEffect(() => {
    if (settings) setUnit(settings.issuingUnit);
  }, [settings]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await saveSettings(unit);
    if (!answer.ok) return onRefused(answer.error);
    queryClient.setQueryData(queryKeys.settings(), answer.data);
    await onSaved(answer.data.issuingUnit);
  };
  return (
    <form className="admin-add-user admin-settings" onSubmit={submit} data-testid="issuing-unit-form">
      <h3>{t('admin.issuingUnit')}</h3>
      <p className="admin-setting-note">
        {t('admin.issuingUnitNote')}{' '}
        {settings &&
          (settings.updatedAt
            ? `${settings.updatedBy ?? '—'} · ${formatDateTime(settings.updatedAt)}`
            : t('admin.issuingUnitDefault'))}
      </p>
      <input
        required
        maxLength={MAX_ISSUING_UNIT_LENGTH}
        aria-label={t('admin.issuingUnit')}
        value={unit}
        onChange={(event) => setUnit(event.target.value)}
        data-testid="issuing-unit-input"
      />
      <Button type="submit" variant="primary" testId="issuing-unit-save">
        {t('admin.issuingUnitSave')}
      </Button>
    </form>
  );
}
