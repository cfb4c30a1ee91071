import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './server-process.ts';

type Dict = Record<string, unknown>;

/**
 * The app's own words for an e2e test, from the catalogue the app ships (apps/web/src/i18n/locales):
 * `words('ar', 'cases')('new.create')` is what an Arabic user reads on that button. `{{name}}`
 * placeholders are filled from `vars`. A key that is not in the catalogue throws, naming it.
 */
export function words(lang: string, ns: string) {
  const d = JSON.parse(
    readFileSync(join(ROOT, `apps/web/src/i18n/locales/${lang}/${ns}.json`), 'utf8'),
  ) as Dict;
  return (path: string, vars: Record<string, string | number> = {}): string => {
    const found = path.split('.').reduce<unknown>((o, k) => (o as Dict | undefined)?.[k], d);
    if (typeof found !== 'string') throw new Error(`${lang}/${ns}.json has no text at ${path}`);
    return Object.entries(vars).reduce((s, [k, v]) => s.replaceAll(`{{${k}}}`, String(v)), found);
  };
}

/** The phones interviewers carry: 360 × 740, touch (a browser context's options). */
export const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } as const;
