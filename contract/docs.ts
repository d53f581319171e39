/** The API's own description: the OpenAPI document and its HTML page. */

import { z } from 'zod';
import { jsonResponse } from './common.js';
import { defineOperation } from './operation.js';

/** The OpenAPI document's top level; operations are described by OpenAPI itself. */
export const openApiDocumentSchema = z.strictObject({
  openapi: z.string().meta({ description: 'OpenAPI version, 3.1.x' }),
  info: z.strictObject({ title: z.string(), version: z.string(), description: z.string() }),
  servers: z.array(z.strictObject({ url: z.string() })),
  paths: z
    .record(
      z.string(),
      z.record(
        z.string(),
        z.looseObject({ summary: z.string(), responses: z.record(z.string(), z.unknown()) }),
      ),
    )
    .meta({ description: 'Path → method → OpenAPI Operation Object' }),
  components: z
    .strictObject({
      schemas: z.record(z.string(), z.record(z.string(), z.unknown())),
      securitySchemes: z.record(z.string(), z.record(z.string(), z.unknown())),
    })
    .meta({ description: 'Schemas named once and referenced as #/components/schemas/<name>' }),
});

export const docsOperations = {
  openApi: defineOperation({
    method: 'get',
    access: 'public',
    path: '/api/openapi.json',
    tag: 'docs',
    summary:
      'This API described as OpenAPI 3.1, generated from the zod schemas the routes validate and answer with',
    response: jsonResponse('The OpenAPI document', openApiDocumentSchema),
  }),
  page: defineOperation({
    method: 'get',
    access: 'public',
    path: '/api/docs',
    tag: 'docs',
    summary: 'The API documentation as a self-contained HTML page (works offline)',
    response: {
      description: 'An HTML page listing every operation',
      content: {
        'text/html': z.string().meta({ description: 'HTML without scripts or external resources' }),
      },
    },
  }),
};
