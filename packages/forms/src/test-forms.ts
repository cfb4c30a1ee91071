import type { FormDefinition } from './definition.ts';

const l = (en: string): { en: string; fr: string } => ({ en, fr: en });

/** A small form exercising relevance, constraints, calculations, choice lists and nested repeats; for tests. */
export const tripForm: FormDefinition = {
  id: 'trip',
  version: '1',
  title: l('Trip'),
  defaultLanguage: 'en',
  choiceLists: {
    yes_no: [
      { value: 'yes', label: l('Yes') },
      { value: 'no', label: l('No') },
    ],
    event_type: [
      { value: 'Recruitment', label: l('Recruitment') },
      { value: 'Transit', label: l('Transit') },
      { value: 'Exploitation', label: l('Exploitation') },
    ],
    city: [
      { value: 'lagos', label: l('Lagos'), data: { country: 'NGA' } },
      { value: 'abuja', label: l('Abuja'), data: { country: 'NGA' } },
      { value: 'accra', label: l('Accra'), data: { country: 'GHA' } },
    ],
  },
  children: [
    { type: 'select_one', name: 'consent', label: l('Consent'), choiceList: 'yes_no', required: true },
    {
      type: 'group',
      name: 'person',
      label: l('Person'),
      relevant: "${consent} = 'yes'",
      children: [
        {
          type: 'integer',
          name: 'age',
          label: l('Age'),
          required: true,
          constraint: '. >= 0 and . <= 120',
          constraintMessage: { en: 'Age must be between 0 and 120', fr: "L'âge doit être entre 0 et 120" },
        },
        { type: 'calculate', name: 'is_minor', calculate: "if(${age} < 18, 'yes', 'no')" },
        {
          type: 'text',
          name: 'guardian',
          label: l('Guardian'),
          required: true,
          relevant: "${is_minor} = 'yes'",
        },
        {
          type: 'date',
          name: 'seen_on',
          label: l('Seen on'),
          constraint: '. <= today()',
          constraintMessage: l('Not in the future'),
        },
        { type: 'country', name: 'citizenship', label: l('Citizenship'), multiple: true },
        { type: 'country', name: 'home', label: l('Home country') },
        {
          type: 'select_one',
          name: 'home_city',
          label: l('City'),
          choiceList: 'city',
          choiceFilter: 'country = ${home}',
        },
      ],
    },
    {
      type: 'repeat',
      name: 'events',
      label: l('Events'),
      relevant: "${consent} = 'yes'",
      maxCount: 3,
      children: [
        {
          type: 'select_one',
          name: 'event_type',
          label: l('Type'),
          choiceList: 'event_type',
          required: true,
        },
        {
          type: 'integer',
          name: 'days',
          label: l('Days'),
          relevant: "${event_type} = 'Exploitation'",
          required: true,
          constraint: '. > 0',
        },
        { type: 'calculate', name: 'event_no', calculate: 'position(..)' },
        {
          type: 'repeat',
          name: 'places',
          label: l('Places'),
          children: [
            {
              type: 'text',
              name: 'place',
              label: l('Place'),
              constraint: "${event_type} != 'Transit' or . != 'home'",
            },
          ],
        },
      ],
    },
    { type: 'integer', name: 'total_days', label: l('Total days'), calculate: 'sum(${days})' },
    { type: 'note', name: 'many', label: l('Many events'), relevant: 'count(${events}) > 2' },
  ],
};
