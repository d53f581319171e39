/**
 * The API's own documentation: the OpenAPI document as JSON and as a readable page (no scripts, no
 * CDN), both generated from the operations the app serves.
 */

import { docsOperations } from '../../../contract/docs.js';
import type { OperationSpec } from '../../../contract/operation.js';
import { implement } from '../http/operation-binding.js';
import { openApiDocument } from './openapi-document.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

type Document = ReturnType<typeof openApiDocument>;

/** A schema as indented JSON whose references to named schemas link to them further down the page. */
const schemaHtml = (schema: unknown) =>
  `<pre>${escapeHtml(JSON.stringify(schema, null, 2)).replace(
    /&#34;#\/components\/schemas\/([\w.-]+)&#34;/g,
    (_, name: string) => `<a href="#schema-${name}">&#34;#/components/schemas/${name}&#34;</a>`,
  )}</pre>`;

/** One readable page of the document: operations by tag, their parameters, bodies and answers. No scripts, no CDN. */
export function docsPage(document: Document): string {
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, raw] of Object.entries(methods)) {
      const operation = raw as {
        summary: string;
        tags: string[];
        parameters: { name: string; in: string; required: boolean; description?: string; schema: unknown }[];
        requestBody?: { content: Record<string, { schema: unknown }> };
        responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
      };
      const rows = operation.parameters
        .map(
          (parameter) =>
            `<tr><td><code>${escapeHtml(parameter.name)}</code></td><td>${parameter.in}</td><td>${parameter.required ? 'yes' : ''}</td><td><code>${escapeHtml(JSON.stringify(parameter.schema))}</code>${parameter.description ? ` ${escapeHtml(parameter.description)}` : ''}</td></tr>`,
        )
        .join('');
      const body = operation.requestBody
        ? Object.entries(operation.requestBody.content)
            .map(
              ([type, content]) =>
                `<details><summary>Body (${escapeHtml(type)})</summary>${schemaHtml(content.schema)}</details>`,
            )
            .join('')
        : '';
      const responses = Object.entries(operation.responses)
        .map(([status, response]) => {
          const bodies = Object.entries(response.content ?? {})
            .map(
              ([type, content]) =>
                `<details><summary>${escapeHtml(type)}</summary>${schemaHtml(content.schema)}</details>`,
            )
            .join('');
          return `<li><b>${status}</b> ${escapeHtml(response.description)}${bodies}</li>`;
        })
        .join('');
      const html = `<section id="${escapeHtml(method + path)}"><h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
<p>${escapeHtml(operation.summary)}</p>
${rows ? `<table><thead><tr><th>Parameter</th><th>In</th><th>Required</th><th>Schema</th></tr></thead><tbody>${rows}</tbody></table>` : ''}
${body}<ul>${responses}</ul></section>`;
      const tag = operation.tags[0] ?? 'other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), html]);
    }
  }
  const sections = [...byTag]
    .map(([tag, items]) => `<h2 id="tag-${escapeHtml(tag)}">${escapeHtml(tag)}</h2>${items.join('\n')}`)
    .join('\n');
  const schemas = Object.entries(document.components.schemas)
    .map(
      ([name, schema]) =>
        `<section id="schema-${escapeHtml(name)}"><h3><code>${escapeHtml(name)}</code></h3>${schemaHtml(schema)}</section>`,
    )
    .join('\n');
  const index = [
    ...[...byTag.keys()].map((tag) => `<a href="#tag-${escapeHtml(tag)}">${escapeHtml(tag)}</a>`),
    '<a href="#schemas">schemas</a>',
  ].join(' · ');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(document.info.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px/1.5 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1f2933}
code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
pre{background:#f5f7fa;padding:.5rem;overflow:auto}
section{border-top:1px solid #d9e2ec;padding:.5rem 0}
h3{margin:.25rem 0;font-size:15px}
.method{display:inline-block;min-width:4rem;text-align:center;border-radius:3px;color:#fff;font-size:12px;padding:1px 4px}
.get{background:#2f7d32}.post{background:#1e5fa8}.patch{background:#a86a1e}.delete{background:#a8281e}.put{background:#6a1ea8}
table{border-collapse:collapse;margin:.25rem 0}td,th{border:1px solid #d9e2ec;padding:2px 6px;text-align:left;vertical-align:top}
</style></head><body>
<h1>${escapeHtml(document.info.title)}</h1>
<p>${escapeHtml(document.info.description)} Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${document.openapi}).</p>
<nav>${index}</nav>
${sections}
<h2 id="schemas">schemas</h2>
${schemas}
</body></html>`;
}

/** GET /api/openapi.json and GET /api/docs of `operations` (the app's, these two included). */
export function docsRoutes(operations: () => readonly OperationSpec[]) {
  return [
    implement(docsOperations.openApi, () => openApiDocument(operations()) as never),
    implement(docsOperations.page, (_input, c) => c.html(docsPage(openApiDocument(operations())))),
  ];
}
