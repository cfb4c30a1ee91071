import type { LocalizedText } from '../definition.ts';

/**
 * The case forms' titles, known before the forms are loaded (decision 207): "New record" lists them
 * and the record list names their records without fetching the forms. Must equal the forms' own
 * titles in all five languages (builtin-forms.test.ts checks it).
 */
export const CASE_FORM_TITLES: Readonly<Record<string, LocalizedText>> = {
  'screening@1': {
    en: 'Screening Interview',
    fr: 'Entretien de présélection',
    ar: 'مقابلة الفحص الأولي',
    es: 'Entrevista de evaluación inicial',
    ru: 'Скрининговое собеседование',
  },
  'assistance@1': {
    en: 'Assistance Interview',
    fr: "Entretien d'assistance",
    ar: 'مقابلة المساعدة',
    es: 'Entrevista de asistencia',
    ru: 'Собеседование о помощи',
  },
};
