import { HTTPException } from 'hono/http-exception';

interface ValidationIssue {
  path: PropertyKey[];
  message: string;
}

/**
 * zValidator hook: a request that fails its schema is a 400 whose message names each bad field,
 * e.g. `region: is not a region id`.
 */
export function badRequestOnInvalid(result: { success: boolean; error?: { issues: ValidationIssue[] } }) {
  if (!result.success && result.error) {
    const message = result.error.issues
      .map((issue) => (issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message))
      .join('; ');
    throw new HTTPException(400, { message });
  }
}

