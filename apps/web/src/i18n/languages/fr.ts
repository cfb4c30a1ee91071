// One chunk with every namespace of the UI in this language but the lazy ones (i18n.ts).
import { bundlesOf } from './bundles.ts';

export default bundlesOf(
  import.meta.glob<Record<string, unknown>>(
    [
      '../locales/fr/*.json',
      '!../locales/fr/research.json',
      '!../locales/fr/demography.json',
      '!../locales/fr/admin.json',
      '!../locales/fr/profiles.json',
    ],
    { eager: true, import: 'default' },
  ),
);
