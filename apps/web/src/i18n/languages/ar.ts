// One chunk with every namespace of the UI in this language but the lazy ones (i18n.ts).
import { bundlesOf } from './bundles.ts';

export default bundlesOf(
  import.meta.glob<Record<string, unknown>>(
    [
      '../locales/ar/*.json',
      '!../locales/ar/research.json',
      '!../locales/ar/demography.json',
      '!../locales/ar/admin.json',
      '!../locales/ar/profiles.json',
    ],
    { eager: true, import: 'default' },
  ),
);
