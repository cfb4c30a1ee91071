// One chunk with every namespace of the UI in this language but the lazy ones (i18n.ts).
import { bundlesOf } from './bundles.ts';

export default bundlesOf(
  import.meta.glob<Record<string, unknown>>(
    [
      '../locales/ru/*.json',
      '!../locales/ru/research.json',
      '!../locales/ru/demography.json',
      '!../locales/ru/admin.json',
      '!../locales/ru/profiles.json',
    ],
    { eager: true, import: 'default' },
  ),
);
