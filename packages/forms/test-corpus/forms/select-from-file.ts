import type { CorpusForm } from '../corpus-form.ts';

/**
 * Choices from the form's attached CSV files, as ODK's select_one_from_file and Kobo's "media" upload
 * use them: a long list of places kept out of the choices sheet, filtered by an earlier answer.
 */
export const selectFromFile: CorpusForm = {
  name: 'select-from-file',
  source: 'written for Tern from the XLSForm specification (select_one_from_file, choice_filter)',
  covers: [
    'select_one_from_file with the attached CSV (labels per language, extra columns for choice_filter)',
    'select_multiple_from_file with the attached CSV',
  ],
  sheets: {
    survey: [
      ['type', 'name', 'label::English (en)', 'label::French (fr)', 'choice_filter'],
      ['select_one_from_file provinces.csv', 'province', 'Province', 'Province', null],
      ['select_one_from_file districts.csv', 'district', 'District', 'District', 'province=${province}'],
      ['select_multiple_from_file districts.csv', 'routes', 'Districts crossed', 'Districts traversés', null],
    ],
    settings: [
      ['form_id', 'version', 'form_title', 'default_language'],
      ['places', '1', 'Places', 'English (en)'],
    ],
  },
  files: {
    'provinces.csv': 'name,label::English (en),label::French (fr)\nkv,Kivu,Kivu\nkt,Katanga,Katanga\n',
    'districts.csv':
      'name,label::English (en),label::French (fr),province\n001,Goma,Goma,kv\n002,Uvira,Uvira,kv\n010,Likasi,Likasi,kt\n',
  },
  problems: [],
  filled: { province: 'kv', district: '002', routes: ['001', '010'] },
};
