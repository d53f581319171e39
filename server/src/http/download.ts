/** Files services made (server/src/export), sent as downloads. */

import type { ExportFile } from '../export/feature-table.js';

/** Content-Disposition with an ASCII file name and the display name (possibly Chinese) as filename*. */
export function attachment(asciiName: string, displayName = asciiName): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(displayName)}`;
}

/** The file as a download answer. */
export function downloadAnswer(file: ExportFile): Response {
  const body = typeof file.body === 'string' ? file.body : (file.body as Uint8Array<ArrayBuffer>);
  return new Response(body, {
    headers: {
      'content-type': file.contentType,
      'content-disposition': attachment(file.fileName, file.displayName),
    },
  });
}
