/** The words an export writes itself (column headers, statuses), in the five UI languages. */
export type ExportLang = 'en' | 'fr' | 'es' | 'ar' | 'ru';
type Words = Record<ExportLang, string>;

const UI: Record<string, Words> = {
  record: {
    en: 'Record id',
    fr: "Identifiant de l'enregistrement",
    es: 'Id. del registro',
    ar: 'معرّف السجل',
    ru: 'Идентификатор записи',
  },
  caseCode: {
    en: 'Case code',
    fr: 'Code du dossier',
    es: 'Código del caso',
    ar: 'رمز الحالة',
    ru: 'Код дела',
  },
  caseStatus: {
    en: 'Case status',
    fr: 'Statut du dossier',
    es: 'Estado del caso',
    ar: 'وضع الحالة',
    ru: 'Статус дела',
  },
  interviewer: {
    en: 'Interviewer',
    fr: 'Enquêteur',
    es: 'Entrevistador',
    ar: 'القائم بالمقابلة',
    ru: 'Интервьюер',
  },
  review: {
    en: 'Review status',
    fr: 'État de la revue',
    es: 'Estado de la revisión',
    ar: 'حالة المراجعة',
    ru: 'Статус проверки',
  },
  created: {
    en: 'Created (UTC)',
    fr: 'Créé le (UTC)',
    es: 'Creado (UTC)',
    ar: 'تاريخ الإنشاء (UTC)',
    ru: 'Создано (UTC)',
  },
  device: { en: 'Device', fr: 'Appareil', es: 'Dispositivo', ar: 'الجهاز', ru: 'Устройство' },
  parent: {
    en: 'Parent record',
    fr: 'Enregistrement parent',
    es: 'Registro padre',
    ar: 'السجل الأصلي',
    ru: 'Родительская запись',
  },
  item: {
    en: 'Item id',
    fr: "Identifiant de l'élément",
    es: 'Id. del elemento',
    ar: 'معرّف العنصر',
    ru: 'Идентификатор элемента',
  },
  codebook: {
    en: 'Codebook',
    fr: 'Dictionnaire',
    es: 'Libro de códigos',
    ar: 'دليل الترميز',
    ru: 'Кодификатор',
  },
  sheet: { en: 'Sheet', fr: 'Feuille', es: 'Hoja', ar: 'الورقة', ru: 'Лист' },
  form: { en: 'Form', fr: 'Formulaire', es: 'Formulario', ar: 'الاستمارة', ru: 'Форма' },
  column: { en: 'Column', fr: 'Colonne', es: 'Columna', ar: 'العمود', ru: 'Столбец' },
  field: {
    en: 'Field name',
    fr: 'Nom du champ',
    es: 'Nombre del campo',
    ar: 'اسم الحقل',
    ru: 'Имя поля',
  },
  type: { en: 'Type', fr: 'Type', es: 'Tipo', ar: 'النوع', ru: 'Тип' },
  values: {
    en: 'Values',
    fr: 'Valeurs',
    es: 'Valores',
    ar: 'القيم',
    ru: 'Значения',
  },
  records: { en: 'Records', fr: 'Enregistrements', es: 'Registros', ar: 'السجلات', ru: 'Записи' },
  // Case statuses (packages/cases CASE_STATUSES), as the web app names them.
  screening: {
    en: 'Screening',
    fr: 'Présélection',
    es: 'Evaluación inicial',
    ar: 'الفحص الأولي',
    ru: 'Первичная проверка',
  },
  eligible: { en: 'Eligible', fr: 'Éligible', es: 'Elegible', ar: 'مؤهَّل', ru: 'Имеет право на помощь' },
  not_eligible: {
    en: 'Not eligible',
    fr: 'Non éligible',
    es: 'No elegible',
    ar: 'غير مؤهَّل',
    ru: 'Не имеет права на помощь',
  },
  assisted: { en: 'Assisted', fr: 'Assisté', es: 'Asistido', ar: 'تلقّى المساعدة', ru: 'Помощь оказана' },
  returned: {
    en: 'Returned home',
    fr: 'Rentré au pays',
    es: 'Retornado',
    ar: 'عاد إلى بلده',
    ru: 'Вернулся на родину',
  },
  reintegrated: {
    en: 'Reintegrated',
    fr: 'Réintégré',
    es: 'Reintegrado',
    ar: 'أُعيد إدماجه',
    ru: 'Реинтегрирован',
  },
  closed: { en: 'Closed', fr: 'Clôturé', es: 'Cerrado', ar: 'مغلقة', ru: 'Закрыто' },
  // Review states of a submission (decision 060); a record never reviewed has none.
  'review.submitted': {
    en: 'Awaiting review',
    fr: 'En attente de revue',
    es: 'Pendiente de revisión',
    ar: 'بانتظار المراجعة',
    ru: 'Ожидает проверки',
  },
  'review.approved': { en: 'Approved', fr: 'Approuvé', es: 'Aprobado', ar: 'معتمد', ru: 'Утверждено' },
  'review.returned': {
    en: 'Returned for correction',
    fr: 'Renvoyé pour correction',
    es: 'Devuelto para corrección',
    ar: 'أُعيد للتصحيح',
    ru: 'Возвращено на исправление',
  },
  'review.none': {
    en: 'Not reviewed',
    fr: 'Non revu',
    es: 'Sin revisar',
    ar: 'لم يُراجَع',
    ru: 'Не проверено',
  },
};

/** The word in the export language; an unknown key comes back as itself (a status added later). */
export const word = (key: string, lang: string): string =>
  UI[key]?.[lang as ExportLang] ?? UI[key]?.en ?? key;
