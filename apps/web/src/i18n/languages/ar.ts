// One chunk with every namespace of the UI in this language but the lazy ones (i18n.ts), and the
// built-in forms' texts in it (decision 190): filled into the forms as the chunk loads, before the UI
// turns to the language.
import { addFormLanguage } from '@tern/forms';
import { AR } from '@tern/forms/builtin-languages/ar';
import { bundlesOf } from './bundles.ts';

addFormLanguage('ar', AR);

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
