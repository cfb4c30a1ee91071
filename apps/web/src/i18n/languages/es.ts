// One chunk with every namespace of the UI in this language but the lazy ones (i18n.ts).
import { bundlesOf } from './bundles.ts';

export default bundlesOf(
  import.meta.glob<Record<string, unknown>>(
    [
      '../locales/es/*.json',
      '!../locales/es/research.json',
      '!../locales/es/demography.json',
      '!../locales/es/admin.json',
      '!../locales/es/profiles.json',
    ],
    { eager: true, import: 'default' },
  ),
);
