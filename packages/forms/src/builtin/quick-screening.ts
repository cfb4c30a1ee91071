import type { FormDefinition } from '../definition.ts';

/**
 * A short intake form for the walking skeleton. Codes follow IOM's HTCDS v2.0
 * (./htcds): prs_gender, prs_age, vic_trafficking_status, hte_exploitation types.
 */
export const quickScreening: FormDefinition = {
  id: 'quick-screening',
  version: '1',
  title: { en: 'Quick screening', fr: 'Présélection rapide' },
  defaultLanguage: 'en',
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
          choices: [
            { value: 'woman', label: { en: 'Woman', fr: 'Femme' } },
            { value: 'man', label: { en: 'Man', fr: 'Homme' } },
            { value: 'trans_nonbinary', label: { en: 'Trans / non-binary', fr: 'Trans / non binaire' } },
            { value: 'unknown', label: { en: 'Not known', fr: 'Inconnu' } },
          ],
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
