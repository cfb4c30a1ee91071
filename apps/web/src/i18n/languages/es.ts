// One chunk with every namespace of the UI in this language but the lazy ones (i18n.ts), and the
// built-in forms' texts in it (decision 190): filled into the forms as the chunk loads, before the UI
// turns to the language.
import { addFormLanguage } from '@tern/forms';
import { ES } from '@tern/forms/builtin-languages/es';
import { bundlesOf } from './bundles.ts';

addFormLanguage('es', ES);

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
