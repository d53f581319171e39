/**
 * Readable forms of a rule result for the metrics panel: the figure in the rule's unit (shares as
 * percentages), and the hover text naming its sources and advice, in the interface language.
 */
import { formatNumber } from '../../lib/format';
import type { Language } from '../../lib/i18n';
import { RULES, type RuleResult } from './scenario-core';

const RULE_UNITS = new Map(RULES.map((rule) => [rule.id, rule.unit]));

/** Whether a rule's figure is a share (0–1) shown as a percentage. */
function isShareRule(ruleId: string): boolean {
  return RULE_UNITS.get(ruleId)?.en === '%';
}

/** The figure that decided a rule, with its unit: "1 234 人", "35.2%", or null when not applicable. */
export function ruleFigureText(
  rule: Pick<RuleResult, 'ruleId' | 'figure'>,
  language: Language,
): string | null {
  if (rule.figure === null || !Number.isFinite(rule.figure)) return null;
  if (isShareRule(rule.ruleId)) return `${formatNumber(rule.figure * 100, 1)}%`;
  const unit = RULE_UNITS.get(rule.ruleId)?.[language] ?? '';
  const digits = Math.abs(rule.figure) >= 100 ? 0 : 1;
  return `${formatNumber(rule.figure, digits)}${unit ? ` ${unit}` : ''}`;
}

/** A source id as planners cite it: seed documents by number, national standards as named. */
export function sourceText(source: string, language: Language): string {
  if (/^\d{3}$/.test(source)) return language === 'zh' ? `文件 ${source}` : `document ${source}`;
  return source;
}
