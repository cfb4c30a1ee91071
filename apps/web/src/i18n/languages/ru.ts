// One chunk with every namespace of the UI in this language but the lazy ones (i18n.ts), and the
// built-in forms' texts in it (decision 190): filled into the forms as the chunk loads, before the UI
// turns to the language.
import { addFormLanguage } from '@tern/forms';
import { RU } from '@tern/forms/builtin-languages/ru';
import { bundlesOf } from './bundles.ts';

addFormLanguage('ru', RU);

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
