import type { CorpusForm } from '../corpus-form.ts';

/**
 * A screening in the shape of IOM's HTCDS-based forms (field names as in HTCDS v2.0, CC BY 4.0):
 * consent first, a person group, a repeat of trafficking events with a cascading choice filter,
 * constraints with messages in two languages, a required question with a calculation check.
 * Questions written for this corpus; no text is copied from a published form.
 */
export const traffickingScreening: CorpusForm = {
  name: 'trafficking-screening',
  source: 'written for Tern after the HTCDS v2.0 field list (IOM, CC BY 4.0)',
  covers: [
    'groups and a repeat',
    'choice_filter on a choices column (cascading select)',
    'constraint messages in two languages',
    'select_multiple with selected() and count-selected()',
    'relevant on a group',
    'default_language with a code',
  ],
  sheets: {
    survey: [
      [
        'type',
        'name',
        'label::English (en)',
        'label::French (fr)',
        'relevant',
        'required',
        'constraint',
        'constraint_message::English (en)',
        'constraint_message::French (fr)',
        'choice_filter',
      ],
      [
        'select_one yes_no',
        'con_Consent',
        'Does the person consent?',
        'La personne consent-elle ?',
        '',
        'yes',
      ],
      ['begin group', 'person', 'Person', 'Personne', "${con_Consent} = 'yes'"],
      [
        'integer',
        'prs_Age',
        'Age',
        'Âge',
        '',
        'yes',
        '. >= 0 and . <= 120',
        'Between 0 and 120',
        'Entre 0 et 120',
      ],
      ['select_one gender', 'prs_Gender', 'Gender', 'Genre'],
      ['end group'],
      ['begin repeat', 'events', 'Trafficking events', 'Événements de traite', "${con_Consent} = 'yes'"],
      ['select_one country', 'hte_Country', 'Country', 'Pays', '', 'yes'],
      ['select_one city', 'hte_City', 'City', 'Ville', '', '', '', '', '', 'country = ${hte_Country}'],
      [
        'select_multiple exploitation',
        'hte_TypeOfExploitation',
        'Type of exploitation',
        "Type d'exploitation",
        '',
        'yes',
        'count-selected(.) <= 3',
        'At most three',
        'Trois au plus',
      ],
      ['text', 'hte_Other', 'Describe', 'Décrire', "selected(${hte_TypeOfExploitation}, 'other')"],
      ['end repeat'],
    ],
    choices: [
      ['list_name', 'name', 'label::English (en)', 'label::French (fr)', 'country'],
      ['yes_no', 'yes', 'Yes', 'Oui'],
      ['yes_no', 'no', 'No', 'Non'],
      ['gender', 'female', 'Female', 'Femme'],
      ['gender', 'male', 'Male', 'Homme'],
      ['gender', 'other', 'Other', 'Autre'],
      ['country', 'NGA', 'Nigeria', 'Nigéria'],
      ['country', 'LBY', 'Libya', 'Libye'],
      ['city', 'lagos', 'Lagos', 'Lagos', 'NGA'],
      ['city', 'tripoli', 'Tripoli', 'Tripoli', 'LBY'],
      ['exploitation', 'ForcedLabour', 'Forced labour', 'Travail forcé'],
      ['exploitation', 'SexualExploitation', 'Sexual exploitation', 'Exploitation sexuelle'],
      ['exploitation', 'other', 'Other', 'Autre'],
    ],
    settings: [
      ['form_id', 'version', 'form_title', 'default_language'],
      ['screening-htcds', '2', 'Screening', 'English (en)'],
    ],
  },
  problems: [],
  filled: {
    con_Consent: 'yes',
    prs_Age: 24,
    prs_Gender: 'female',
    events: [
      {
        _id: '01JE1',
        hte_Country: 'LBY',
        hte_City: 'tripoli',
        hte_TypeOfExploitation: ['ForcedLabour', 'other'],
        hte_Other: 'Domestic work',
      },
    ],
  },
};
