import type { CorpusForm } from './corpus-form.ts';
import { koboHousehold } from './forms/kobo-household.ts';
import { mediaFieldVisit } from './forms/media-field-visit.ts';
import { multilingualEastAfrica } from './forms/multilingual-east-africa.ts';
import { odkFunctions } from './forms/odk-functions.ts';
import { odkTypesTour } from './forms/odk-types-tour.ts';
import { refusedForms } from './forms/refused.ts';
import { selectFromFile } from './forms/select-from-file.ts';
import { traffickingScreening } from './forms/trafficking-screening.ts';

export { attachedFiles, toXlsx } from './corpus-form.ts';
export type { Cell, CorpusForm } from './corpus-form.ts';

/**
 * The compatibility corpus (issue 17): XLSForms built from the XLSForm and ODK specifications in the
 * shapes real Kobo and ODK forms take. Each imports with exactly its expected problems, and each
 * accepted one has a filled record that validates on the device and on the server.
 */
export const CORPUS: readonly CorpusForm[] = [
  koboHousehold,
  odkTypesTour,
  odkFunctions,
  multilingualEastAfrica,
  traffickingScreening,
  mediaFieldVisit,
  selectFromFile,
  ...refusedForms,
];
