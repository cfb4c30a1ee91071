import type { Dimension } from '@tern/research';

type Lang = 'en' | 'fr' | 'es' | 'ar' | 'ru';
type Words = Record<Lang, string>;

/** Column titles of a research table export, in the five UI languages (values stay codes). */
const DIMENSION_LABELS: Record<Dimension, Words> = {
  year: {
    en: 'Registration year',
    fr: "Année d'enregistrement",
    es: 'Año de registro',
    ar: 'سنة التسجيل',
    ru: 'Год регистрации',
  },
  mission: { en: 'Mission', fr: 'Mission', es: 'Misión', ar: 'البعثة', ru: 'Миссия' },
  citizenship: { en: 'Citizenship', fr: 'Nationalité', es: 'Nacionalidad', ar: 'الجنسية', ru: 'Гражданство' },
  exploitationCountry: {
    en: 'Country of exploitation',
    fr: "Pays d'exploitation",
    es: 'País de explotación',
    ar: 'بلد الاستغلال',
    ru: 'Страна эксплуатации',
  },
  exploitation: {
    en: 'Type of exploitation',
    fr: "Type d'exploitation",
    es: 'Tipo de explotación',
    ar: 'نوع الاستغلال',
    ru: 'Вид эксплуатации',
  },
  labourSector: {
    en: 'Labour sector',
    fr: 'Secteur de travail',
    es: 'Sector laboral',
    ar: 'قطاع العمل',
    ru: 'Отрасль труда',
  },
  sexExploitation: {
    en: 'Type of sexual exploitation',
    fr: "Type d'exploitation sexuelle",
    es: 'Tipo de explotación sexual',
    ar: 'نوع الاستغلال الجنسي',
    ru: 'Вид сексуальной эксплуатации',
  },
  gender: { en: 'Gender', fr: 'Genre', es: 'Género', ar: 'الجنس', ru: 'Пол' },
  ageBand: {
    en: 'Age band',
    fr: "Tranche d'âge",
    es: 'Grupo de edad',
    ar: 'الفئة العمرية',
    ru: 'Возрастная группа',
  },
  meansOfControl: {
    en: 'Means of control',
    fr: 'Moyens de contrôle',
    es: 'Medios de control',
    ar: 'وسائل السيطرة',
    ru: 'Средства контроля',
  },
  recruiterRelationship: {
    en: 'Relationship to recruiter',
    fr: 'Relation avec le recruteur',
    es: 'Relación con el reclutador',
    ar: 'العلاقة بالمجنِّد',
    ru: 'Отношение к вербовщику',
  },
  traffickingStatus: {
    en: 'Trafficking status',
    fr: 'Statut de traite',
    es: 'Condición de trata',
    ar: 'حالة الاتجار',
    ru: 'Статус торговли людьми',
  },
  assistance: {
    en: 'Assistance given',
    fr: 'Assistance fournie',
    es: 'Asistencia prestada',
    ar: 'المساعدة المقدمة',
    ru: 'Оказанная помощь',
  },
  recruitmentCountry: {
    en: 'Country of recruitment',
    fr: 'Pays de recrutement',
    es: 'País de reclutamiento',
    ar: 'بلد التجنيد',
    ru: 'Страна вербовки',
  },
  transitCountries: {
    en: 'Transit countries',
    fr: 'Pays de transit',
    es: 'Países de tránsito',
    ar: 'بلدان العبور',
    ru: 'Страны транзита',
  },
};

const WORDS = {
  cases: { en: 'Cases', fr: 'Cas', es: 'Casos', ar: 'الحالات', ru: 'Случаи' },
  people: {
    en: 'People (linked cases once)',
    fr: 'Personnes (dossiers liés comptés une fois)',
    es: 'Personas (casos vinculados una vez)',
    ar: 'الأشخاص (الحالات المرتبطة مرة واحدة)',
    ru: 'Люди (связанные дела — один раз)',
  },
  suppressed: {
    en: 'suppressed (fewer than {k} cases, possibly none)',
    fr: 'masqué (moins de {k} cas, peut-être aucun)',
    es: 'suprimido (menos de {k} casos, quizá ninguno)',
    ar: 'محجوب (أقل من {k} حالة، وربما لا شيء)',
    ru: 'скрыто (меньше {k} случаев, возможно ни одного)',
  },
  total: {
    en: 'Total of published cells',
    fr: 'Total des cellules publiées',
    es: 'Total de celdas publicadas',
    ar: 'مجموع الخلايا المنشورة',
    ru: 'Сумма опубликованных ячеек',
  },
  about: { en: 'About', fr: 'À propos', es: 'Acerca de', ar: 'حول', ru: 'О таблице' },
} satisfies Record<string, Words>;

export const dimensionLabel = (d: Dimension, lang: Lang): string => DIMENSION_LABELS[d][lang];
export const word = (w: keyof typeof WORDS, lang: Lang, k?: number): string =>
  WORDS[w][lang].replace('{k}', String(k ?? ''));
export type { Lang };
