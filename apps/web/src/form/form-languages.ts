import type { FormDefinition } from '@tern/forms';

export interface LanguageOption {
  code: string;
  /** The language's name in the UI language, or null for the form's unnamed "default" language. */
  name: string | null;
}

/**
 * The languages the form-language picker offers: the form's own (an XLSForm in Tigrinya or Dari is
 * shown in it, not only in the five UI languages), then the UI languages it does not have (labels
 * then fall back to the form's default language).
 */
export function formLanguageOptions(
  form: FormDefinition,
  uiLanguages: ReadonlyArray<{ code: string; name: string }>,
  uiLang: string,
): LanguageOption[] {
  const own = form.languages ?? Object.keys(form.title);
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([uiLang], { type: 'language', fallback: 'code' });
  } catch {
    names = null;
  }
  const nameOf = (code: string): string | null => {
    if (code === 'default') return null;
    const ui = uiLanguages.find((l) => l.code === code);
    if (ui) return ui.name;
    // Not a language code: a name kept as written by the XLSForm import ("Klingon").
    if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(code)) return code;
    try {
      return names?.of(code) ?? code;
    } catch {
      return code;
    }
  };
  const out: LanguageOption[] = own.map((code) => ({ code, name: nameOf(code) }));
  for (const l of uiLanguages) if (!own.includes(l.code)) out.push({ code: l.code, name: l.name });
  return out;
}
