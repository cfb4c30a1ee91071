import type { Choice, LocalizedText } from '../definition.ts';

/** English and French text, the two languages every built-in form carries in full. */
export const t = (
  en: string,
  fr: string,
  more: Partial<Record<'ar' | 'es' | 'ru', string>> = {},
): LocalizedText => ({ en, fr, ...more });

/** A choice whose value is an HTCDS v2.0 picklist value name. */
export const c = (
  value: string,
  en: string,
  fr: string,
  more: Partial<Record<'ar' | 'es' | 'ru', string>> = {},
): Choice => ({ value, label: t(en, fr, more) });
