import type { CorpusForm } from '../corpus-form.ts';

/**
 * A household survey as KoboToolbox's form builder exports it: metadata rows first, a plain `label`
 * beside `label::Arabic (ar)` with no default_language, `caption`/`relevance` column names from older
 * templates, `select one from`, or_other, a repeat counted by an answer, Excel booleans. Content
 * written for this corpus after the XLSForm spec (xlsform.org) and Kobo's documented exports.
 */
export const koboHousehold: CorpusForm = {
  name: 'kobo-household',
  source: 'written for Tern from the XLSForm specification and Kobo export conventions',
  covers: [
    'metadata start end today deviceid username audit',
    'plain label beside label::Arabic without default_language',
    'Excel boolean cells',
    'select one from x',
    'or_other',
    'caption and relevance aliases',
    'repeat_count',
    'required FALSE and no',
    'appearance minimal (honoured) and quick (warning)',
    'names with hyphens, dots and accents',
    '${field} in labels',
    'Kobo form_id and version',
  ],
  sheets: {
    survey: [
      [
        'type',
        'name',
        'caption',
        'label::Arabic (ar)',
        'relevance',
        'required',
        'appearance',
        'default',
        'repeat_count',
      ],
      ['start', 'start'],
      ['end', 'end'],
      ['today', 'today'],
      ['deviceid', 'deviceid'],
      ['username', 'username'],
      ['audit', 'audit'], // 7: not recorded
      [
        'select one from yes_no',
        'consent',
        'Do you agree to answer?',
        'هل توافق على الإجابة؟',
        '',
        true,
        'quick',
      ], // 8
      ['text', 'hh-head', 'Name of the head of household', 'اسم رب الأسرة', "${consent} = 'yes'", false],
      [
        'integer',
        'hh.size',
        'How many people live in the household of ${hh-head}?',
        'كم عدد أفراد الأسرة؟',
        "${consent} = 'yes'",
        'no',
      ],
      ['select_one region or_other', 'région', 'Region', 'المنطقة', "${consent} = 'yes'", '', 'minimal'],
      ['begin repeat', 'membres', 'Members', 'الأفراد', "${consent} = 'yes'", '', '', '', '${hh.size}'],
      ['text', 'member_name', 'Name', 'الاسم', '', true],
      ['integer', 'member_age', 'Age of ${member_name}', 'العمر', '', true],
      ['end repeat'],
      ['acknowledge', 'thanks', 'Thank the respondent', 'اشكر المجيب', '', '', '', true],
    ],
    choices: [
      ['list_name', 'name', 'label', 'label::Arabic (ar)'],
      ['yes_no', 'yes', 'Yes', 'نعم'],
      ['yes_no', 'no', 'No', 'لا'],
      ['region', 'north', 'North', 'الشمال'],
      ['region', 'south', 'South', 'الجنوب'],
    ],
    settings: [
      ['form_title', 'form_id', 'version'],
      ['Household survey', 'aHh7Survey', 'vKfB3 (2024-05-01 10:00:00)'],
    ],
  },
  problems: [
    'warning settings!2 form_id',
    'warning settings!2 version',
    'warning survey!1 caption',
    'warning survey!7 type',
    'warning survey!8 appearance',
  ],
  filled: {
    start: '2026-11-30T08:00:00.000Z',
    end: '2026-11-30T08:25:00.000Z',
    today: '2026-11-30',
    deviceid: '01JDEVICE',
    username: 'interviewer',
    consent: 'yes',
    'hh-head': 'Fatima',
    'hh.size': 2,
    région: 'other',
    région_other: 'East',
    membres: [
      { _id: '01JA', member_name: 'Fatima', member_age: 41 },
      { _id: '01JB', member_name: 'Omar', member_age: 12 },
    ],
    thanks: 'OK',
  },
};
