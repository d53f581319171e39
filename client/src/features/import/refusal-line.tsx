import type { ErrorCode } from '../../../../contract/errors';
import type { ApiError } from '../../lib/api';
import { errorText, refusalOf } from '../../lib/error-text';
import { useI18n } from '../../lib/i18n';

/**
 * The server's refusal of the request, in the interface's language (lib/error-text.ts). A code page
 * the server cannot tell or decode is followed by where in the wizard to say the file's encoding
 * (the server's own advice names the command line's and the API's ways).
 */
export function RefusalLine({ error }: { error: ApiError }) {
  const { t, language } = useI18n();
  const encodingRefused = refusalOf(error.body)?.code === ('import.encoding-unsupported' satisfies ErrorCode);
  return (
    <div className="import-error" role="alert" data-testid="import-error">
      {errorText(error, language, t)}
      {encodingRefused && (
        <p className="import-error-advice" data-testid="import-encoding-advice">
          {t('import.encoding.refused')}
        </p>
      )}
    </div>
  );
}
