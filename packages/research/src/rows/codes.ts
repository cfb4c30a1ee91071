import { COUNTRY_CODES } from '@tern/forms';
import { assistance, screening } from '@tern/forms/case-forms';
import type { FormDefinition } from '@tern/forms';

/**
 * The values a research dimension may hold, taken from the built-in forms' HTCDS picklists (never a
 * copy): a value outside its list is dropped, so a free-text answer can never reach the store, whatever
 * a device sent.
 */
function list(form: FormDefinition, name: string): ReadonlySet<string> {
  const choices = form.choiceLists?.[name];
  if (!choices) throw new Error(`${form.id} has no choice list ${name}`);
  return new Set(choices.map((c) => c.value));
}

export const CODES = {
  gender: list(screening, 'gender'),
  exploitation: list(screening, 'exploitation_type'),
  labourSector: list(screening, 'labour_industry'),
  sexExploitation: list(screening, 'sex_exploitation_type'),
  meansOfControl: list(screening, 'methods_of_control'),
  recruiterRelationship: list(screening, 'relationship'),
  traffickingStatus: list(screening, 'trafficking_status'),
  assistance: list(assistance, 'support_plan_type'),
  eventType: list(assistance, 'event_type'),
};

/** HTCDS answers hold ISO 3166 alpha-3; CTDC (2017–2020) uses alpha-2. */
export function alpha2(alpha3: unknown): string | null {
  return typeof alpha3 === 'string' ? (COUNTRY_CODES.get(alpha3) ?? null) : null;
}

/** One value of `codes`, or null. */
export function oneOf(codes: ReadonlySet<string>, value: unknown): string | null {
  return typeof value === 'string' && codes.has(value) ? value : null;
}

/** The values of `codes` among an answer (a select_multiple array or one value), sorted, unique. */
export function someOf(codes: ReadonlySet<string>, value: unknown): string[] {
  const values = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && codes.has(v)))].sort();
}

/** Case decisions use short words (@tern/cases TraffickingStatus); rows use the HTCDS values. */
export const DECISION_STATUS: Readonly<Record<string, string>> = {
  possible: 'PossibleVictimOfTrafficking',
  actual: 'ActualVictimOfTrafficking',
  not_victim: 'NotAVictimOfTrafficking',
};
