import type { TFunction } from 'i18next';
import { localize } from '@tern/forms';
import { assistance, screening } from '@tern/forms/case-forms';
import type { FormDefinition } from '@tern/forms';

/**
 * Human words for the research dimensions and their codes, in the UI language. Countries (ISO alpha-2,
 * as CTDC writes them) are named by the browser (Intl.DisplayNames); HTCDS codes by research.json in
 * five languages, else by the built-in form's choice label (English and French everywhere), else the
 * code itself, so a code a newer server sends still shows.
 */
export const COUNTRY_DIMS: ReadonlySet<string> = new Set([
  'citizenship',
  'exploitationCountry',
  'recruitmentCountry',
  'transitCountries',
]);

/** The built-in forms' choice list behind each coded dimension (as packages/research reads them). */
const CHOICE_LISTS: Readonly<Record<string, readonly [FormDefinition, string]>> = {
  gender: [screening, 'gender'],
  exploitation: [screening, 'exploitation_type'],
  labourSector: [screening, 'labour_industry'],
  sexExploitation: [screening, 'sex_exploitation_type'],
  meansOfControl: [screening, 'methods_of_control'],
  recruiterRelationship: [screening, 'relationship'],
  traffickingStatus: [screening, 'trafficking_status'],
  assistance: [assistance, 'support_plan_type'],
};

const regionNames = new Map<string, Intl.DisplayNames | null>();
function countryName(code: string, lang: string): string | undefined {
  if (!regionNames.has(lang)) {
    try {
      regionNames.set(lang, new Intl.DisplayNames([lang, 'en'], { type: 'region', fallback: 'none' }));
    } catch {
      regionNames.set(lang, null);
    }
  }
  try {
    return regionNames.get(lang)?.of(code.toUpperCase()) ?? undefined;
  } catch {
    return undefined; // not a region code at all
  }
}

function formLabel(dim: string, code: string, lang: string): string | undefined {
  const where = CHOICE_LISTS[dim];
  if (!where) return undefined;
  const choice = where[0].choiceLists?.[where[1]]?.find((c) => c.value === code);
  return choice ? localize(choice.label, lang, 'en') || undefined : undefined;
}

export function dimLabel(t: TFunction<'research'>, dim: string): string {
  return t(`dims.${dim}`, { defaultValue: dim });
}

export function valueLabel(t: TFunction<'research'>, lang: string, dim: string, code: string): string {
  if (code === 'unknown') return t('unknown');
  if (COUNTRY_DIMS.has(dim) && /^[A-Za-z]{2}$/.test(code)) return countryName(code, lang) ?? code;
  // CTDC spells age bands 18--20; a reader expects 18–20.
  if (dim === 'ageBand') return code.replace('--', '–');
  if (dim === 'year' || dim === 'mission') return code;
  return t(`codes.${dim}.${code}`, { defaultValue: formLabel(dim, code, lang) ?? code });
}
