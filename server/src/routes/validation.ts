import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';

/**
 * zValidator hook: a request that fails its schema is a 400 whose message names each bad field,
 * e.g. `layer: expected one of "streets"|"communities"|…`.
 */
export function badRequestOnInvalid(result: { success: boolean; error?: z.ZodError }) {
  if (!result.success && result.error) {
    const message = result.error.issues
      .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
      .join('; ');
    throw new HTTPException(400, { message });
  }
}
