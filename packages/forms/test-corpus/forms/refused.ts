import type { CorpusForm } from '../corpus-form.ts';

/**
 * Forms Tern must refuse, each with an error that says why: choices from an attached file that was
 * not uploaded or is GeoJSON, a broken reference in a label, and a group opened with a name ODK refuses too.
 * (A photo question was refused here until media questions came; see ./media-field-visit.ts.)
 */
export const refusedForms: CorpusForm[] = [
  {
    name: 'refused-select-from-file',
    source: 'written for Tern',
    covers: [
      'select_one_from_file naming a CSV not uploaded with the form: error',
      'select_multiple_from_file with a GeoJSON file: error (CSV only)',
    ],
    sheets: {
      survey: [
        ['type', 'name', 'label'],
        ['select_one_from_file villages.csv', 'village', 'Village'],
        ['select_multiple_from_file items.geojson', 'items', 'Items'],
      ],
    },
    // The GeoJSON row is refused as the survey is read; the missing CSV once the files are matched.
    problems: ['error survey!3 type', 'error survey!2 type'],
    filled: null,
  },
  {
    name: 'refused-structure',
    source: 'written for Tern',
    covers: ['a refused begin group refuses the form', 'unknown ${field} in a label'],
    sheets: {
      survey: [
        ['type', 'name', 'label'],
        ['begin group', 'household members', 'Household'],
        ['text', 'a', 'Name of ${someone}'],
        ['end group'],
      ],
    },
    problems: ['error survey!2 name'],
    filled: null,
  },
];
