import type { ApiError } from '../../lib/api';
import { errorText } from '../../lib/error-text';
import { useI18n } from '../../lib/i18n';

/** The server's refusal of the request, in the interface's language (lib/error-text.ts). */
export function RefusalLine({ error }: { error: ApiError }) {
  const { t, language } = useI18n();
  return (
    <div className="import-error" role="alert" data-testid="import-error">
      {errorText(error, language, t)}
    </div>
  );
}
