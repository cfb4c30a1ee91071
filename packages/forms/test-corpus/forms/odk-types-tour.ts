import { day } from '../corpus-form.ts';
import type { CorpusForm } from '../corpus-form.ts';

/**
 * One question of each ODK type the XLSForm specification lists (xlsform.org "Question types") and
 * the columns that go with them: parameters, required_message, read_only, bind:: names, hint, a date
 * default typed as an Excel date. Content written for this corpus from the specification.
 */
export const odkTypesTour: CorpusForm = {
  name: 'odk-types-tour',
  source: 'written for Tern from the XLSForm specification (question types, parameters, appearances)',
  covers: [
    'time',
    'datetime',
    'geopoint',
    'geotrace',
    'geoshape',
    'range',
    'rank',
    'acknowledge',
    'hidden',
    'barcode (warning)',
    'bind::required and bind::jr:constraintMsg',
    'required_message',
    'read_only',
    'Excel date cell as default',
    'appearance multiline, horizontal, no-calendar (honoured), month-year (warning)',
    'guidance_hint (warning)',
    'select all that apply x',
  ],
  sheets: {
    survey: [
      [
        'type',
        'name',
        'label',
        'hint',
        'bind::required',
        'required_message',
        'constraint',
        'bind::jr:constraintMsg',
        'appearance',
        'parameters',
        'default',
        'read_only',
        'guidance_hint',
      ],
      [
        'date',
        'visit_date',
        'Date of the visit',
        '',
        'yes',
        'The date is needed',
        '. <= today()',
        'Not in the future',
        'no-calendar',
        '',
        day('2026-01-15'),
      ],
      ['date', 'birth_month', 'Month of birth', '', '', '', '', '', 'month-year'], // 3: warning
      ['time', 'visit_time', 'Time of the visit', '', 'yes'],
      ['datetime', 'next_visit', 'Next visit'],
      ['geopoint', 'location', 'Where are you?', 'Stand outside for a better signal', 'yes'],
      ['geotrace', 'path', 'Path walked'],
      ['geoshape', 'plot', 'Boundary of the plot'],
      ['range', 'satisfaction', 'How satisfied are you?', '', '', '', '', '', '', 'start=1 end=5 step=1'],
      ['rank', 'needs', 'Rank your needs'], // list name added below
      ['acknowledge', 'read_notice', 'I have read the privacy notice', '', 'yes'],
      ['hidden', 'form_source', '', '', '', '', '', '', '', '', 'paper-2024'],
      ['barcode', 'card_code', 'Code on the registration card'], // 13: warning
      ['select all that apply services', 'services', 'Services received', '', '', '', '', '', 'horizontal'],
      ['text', 'notes', 'Notes', '', '', '', '', '', 'multiline', '', '', '', 'Write what the person said'],
      ['text', 'office', 'Office', '', '', '', '', '', '', '', 'Addis Ababa', 'yes'],
    ],
    choices: [
      ['list_name', 'name', 'label'],
      ['needs', 'food', 'Food'],
      ['needs', 'shelter', 'Shelter'],
      ['needs', 'health', 'Health care'],
      ['services', 'legal', 'Legal aid'],
      ['services', 'medical', 'Medical care'],
      ['services', 'housing', 'Housing'],
    ],
  },
  problems: ['warning survey!1 guidance_hint', 'warning survey!13 type', 'warning survey!3 appearance'],
  filled: {
    visit_date: '2026-01-15',
    visit_time: '10:30',
    next_visit: '2026-02-15T09:00',
    location: '9.0301 38.7401 2355 6.5',
    path: '9.03 38.74 0 5;9.031 38.741 0 5;9.032 38.742 0 5',
    plot: '9.03 38.74 0 5;9.03 38.75 0 5;9.04 38.75 0 5;9.03 38.74 0 5',
    satisfaction: 4,
    needs: ['shelter', 'food', 'health'],
    read_notice: 'OK',
    form_source: 'paper-2024',
    card_code: 'ET-2024-000123',
    services: ['legal', 'housing'],
    notes: 'Arrived last week.\nNeeds an interpreter.',
    office: 'Addis Ababa',
  },
};
odkTypesTour.sheets.survey![9]![0] = 'rank needs';
