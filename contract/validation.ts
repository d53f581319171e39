/**
 * What a refused request says about each field, in English and Chinese. Schemas that check more
 * than zod's built-in kinds add their issue with `refuse(…)`, which carries the Chinese sentence
 * in the issue's params; zod's own issues (wrong type, out of range, unknown key, not one of the
 * options) are put into Chinese from their code here. The server's validator joins them into the
 * `request.invalid` error of contract/errors.ts.
 */

import type { z } from 'zod';

/** A value as a short text for a message: JSON, cut at 60 characters. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** zod's path as people write it: `origins[3]`, `from.lonLat`. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (name, key) =>
      typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key),
    '',
  );
}

/** Adds a refusal in both languages to a refinement's context (at `path` below the value checked). */
export function refuse(
  context: z.RefinementCtx,
  text: { en: string; zh: string },
  path: PropertyKey[] = [],
): void {
  context.addIssue({ code: 'custom', message: text.en, path, params: { zh: text.zh } });
}

/** The parts of a zod issue this module reads (zod's final issues keep their code's fields). */
export interface ValidationIssue {
  code?: string;
  path: readonly PropertyKey[];
  message: string;
  params?: Record<string, unknown>;
  expected?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  origin?: string;
  values?: readonly unknown[];
  keys?: readonly string[];
  format?: string;
}

const TYPE_ZH: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '布尔值（true/false）',
  array: '列表',
  object: 'JSON 对象',
  null: 'null',
};

function boundZh(issue: ValidationIssue, bound: 'minimum' | 'maximum'): string {
  const value = String(issue[bound]);
  const inclusive = issue.inclusive !== false;
  const collection = issue.origin === 'array' || issue.origin === 'set';
  const text = issue.origin === 'string';
  if (collection) return bound === 'minimum' ? `至少应有 ${value} 项` : `最多 ${value} 项`;
  if (text) return bound === 'minimum' ? `至少应有 ${value} 个字符` : `最多 ${value} 个字符`;
  if (bound === 'minimum') return inclusive ? `应不小于 ${value}` : `应大于 ${value}`;
  return inclusive ? `应不大于 ${value}` : `应小于 ${value}`;
}

/** One issue's sentence in Chinese (without the field). */
export function issueZh(issue: ValidationIssue): string {
  const given = issue.params?.zh;
  if (typeof given === 'string') return given;
  switch (issue.code) {
    case 'invalid_type':
      return `应为${TYPE_ZH[issue.expected ?? ''] ?? issue.expected ?? '其他类型'}`;
    case 'too_small':
      return boundZh(issue, 'minimum');
    case 'too_big':
      return boundZh(issue, 'maximum');
    case 'invalid_value':
      return `应为 ${(issue.values ?? []).map((value) => show(value)).join('、')} 之一`;
    case 'unrecognized_keys':
      return `不认识的字段 ${(issue.keys ?? []).map((key) => `“${key}”`).join('、')}`;
    case 'invalid_format':
      return `格式不正确（${issue.format ?? '格式'}）`;
    case 'invalid_union':
      return '不符合任何一种可接受的形式';
    default:
      // A custom refinement that gave no Chinese: its English sentence is better than nothing.
      return issue.message;
  }
}

/**
 * The `request.invalid` params of a refused request: `field` lists the fields at fault (empty when
 * the request as a whole is refused), `reason` and `reasonZh` give each issue as "field: why"
 * (just "why" for the whole request), joined — the English exactly as the routes always said it.
 */
export function invalidRequestParams(issues: readonly ValidationIssue[]): {
  field: string;
  reason: string;
  reasonZh: string;
} {
  const shown = issues.slice(0, 10);
  const sentence = (issue: ValidationIssue, why: string, colon: string) => {
    const field = fieldName(issue.path);
    return field ? `${field}${colon}${why}` : why;
  };
  return {
    field: [...new Set(shown.map((issue) => fieldName(issue.path)).filter(Boolean))].join(', '),
    reason: shown.map((issue) => sentence(issue, issue.message, ': ')).join('; '),
    reasonZh: shown.map((issue) => sentence(issue, issueZh(issue), '：')).join('；'),
  };
}
