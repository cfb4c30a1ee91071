import type { FormDefinition } from '../definition.ts';
import { gender } from './htcds-person-choices.ts';

/**
 * The codes quick screening stored for gender before it took the Screening's HTCDS prs_Gender list
 * (issue 16: two lists split one category in counts). Read as the HTCDS choice, never written again.
 * "Trans / non-binary" cannot say which transgender choice it was: it reads as NonConforming.
 */
const OLD_GENDER_CODES: Readonly<Record<string, string[]>> = {
  Feminine: ['woman'],
  Masculine: ['man'],
  NonConforming: ['trans_nonbinary'],
  NonSpecifiedUnknown: ['unknown'],
};

/**
 * A short intake form for the walking skeleton. Codes follow IOM's HTCDS v2.0
 * (./htcds): prs_gender, prs_age, vic_trafficking_status, hte_exploitation types.
 */
export const quickScreening: FormDefinition = {
  id: 'quick-screening',
  version: '1',
  title: { en: 'Quick screening', fr: 'Présélection rapide' },
  defaultLanguage: 'en',
  choiceLists: {
    gender: gender.map((c) => {
      const aliases = OLD_GENDER_CODES[c.value];
      return aliases ? { ...c, aliases } : c;
    }),
  },
  children: [
    {
      type: 'group',
      name: 'person',
      label: { en: 'Person', fr: 'Personne' },
      children: [
        {
          type: 'text',
          name: 'full_name',
          label: { en: 'Full name', fr: 'Nom complet' },
          required: true,
          maxLength: 200,
        },
        {
          type: 'date',
          name: 'interview_date',
          label: { en: 'Interview date', fr: "Date de l'entretien" },
          required: true,
        },
        { type: 'integer', name: 'age', label: { en: 'Age (years)', fr: 'Âge (années)' }, min: 0, max: 120 },
        {
          type: 'select_one',
          name: 'gender',
          label: { en: 'Gender', fr: 'Genre' },
          choiceList: 'gender',
        },
      ],
    },
    {
      type: 'select_multiple',
      name: 'exploitation',
      label: { en: 'Types of exploitation', fr: "Types d'exploitation" },
      choices: [
        { value: 'forced_labour', label: { en: 'Forced labour', fr: 'Travail forcé' } },
        { value: 'sexual_exploitation', label: { en: 'Sexual exploitation', fr: 'Exploitation sexuelle' } },
        { value: 'forced_marriage', label: { en: 'Forced marriage', fr: 'Mariage forcé' } },
        { value: 'other', label: { en: 'Other', fr: 'Autre' } },
      ],
    },
    { type: 'text', name: 'notes', label: { en: 'Notes', fr: 'Notes' }, maxLength: 2000 },
  ],
};
