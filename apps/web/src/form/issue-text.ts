import { i18next } from '../i18n/i18n.ts';
import type { Question, ValidationIssue } from '@tern/forms';

type Node = Question | { type: 'repeat'; minCount?: number; maxCount?: number } | { type: string };

/**
 * A validation issue in the UI language. The engine (packages/forms) gives codes with English
 * messages, the same on device and server; the words the interviewer reads come from the `form`
 * namespace here. An author's constraint message is the form's own text, already in the form's
 * language, and is shown as it is.
 */
export function issueText(issue: ValidationIssue, node: Node, value: unknown): string {
  const t = i18next.getFixedT(null, 'form');
  const n = node as {
    type: string;
    min?: number;
    max?: number;
    maxLength?: number;
    minCount?: number;
    start?: number;
    end?: number;
    step?: number;
  };
  switch (issue.code) {
    case 'required':
      // The author's required_message is the form's own text, in the form's language.
      return issue.messages ? issue.message : t('validation.required');
    case 'range':
      if (n.type === 'range') return t('validation.inRange', { start: n.start, end: n.end, step: n.step });
      return n.min !== undefined && typeof value === 'number' && value < n.min
        ? t('validation.atLeast', { min: n.min })
        : t('validation.atMost', { max: n.max });
    case 'length':
      return t('validation.maxLength', { max: n.maxLength });
    case 'type':
      if (n.type === 'integer' && typeof value === 'number' && Number.isFinite(value))
        return t('validation.wholeNumber');
      if (n.type === 'integer' || n.type === 'decimal') return t('validation.number');
      if (n.type === 'date') return t('validation.date');
      if (n.type === 'time') return t('validation.time');
      if (n.type === 'datetime') return t('validation.datetime');
      if (n.type === 'geopoint' || n.type === 'geotrace' || n.type === 'geoshape')
        return t('validation.place');
      return t('validation.invalid');
    case 'choice':
      return n.type === 'rank' ? t('validation.rankAll') : t('validation.choice');
    case 'repeat_count': {
      const exact = /^Exactly (\d+)/.exec(issue.message);
      if (exact) return t('validation.exactEntries', { n: Number(exact[1]) });
      return Array.isArray(value) && n.minCount !== undefined && value.length < n.minCount
        ? t('validation.atLeastEntries', { min: n.minCount })
        : t('validation.atMostEntries', { max: (n as { maxCount?: number }).maxCount });
    }
    default:
      return issue.message;
  }
}
