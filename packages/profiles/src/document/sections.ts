// The nine sections of a Migration Profile (issue 15), in report order, with their titles in the five
// languages of the product. A profile may add text in other languages; titles fall back to English.

export const SECTION_IDS = [
  'migration-trends',
  'migrants-in-country',
  'emigration-diaspora',
  'remittances',
  'irregular-migration-trafficking',
  'forced-displacement',
  'labour-migration',
  'policy-institutions',
  'data-gaps',
] as const;

export type SectionId = (typeof SECTION_IDS)[number];

export const PRODUCT_LANGUAGES = ['en', 'fr', 'es', 'ar', 'ru'] as const;
export type ProductLanguage = (typeof PRODUCT_LANGUAGES)[number];

type Titles = Record<ProductLanguage, string>;

export const SECTION_TITLES: Record<SectionId, Titles> = {
  'migration-trends': {
    en: 'Migration trends',
    fr: 'Tendances migratoires',
    es: 'Tendencias migratorias',
    ar: 'اتجاهات الهجرة',
    ru: 'Миграционные тенденции',
  },
  'migrants-in-country': {
    en: 'Migrants in the country',
    fr: 'Migrants dans le pays',
    es: 'Migrantes en el país',
    ar: 'المهاجرون في البلد',
    ru: 'Мигранты в стране',
  },
  'emigration-diaspora': {
    en: 'Emigration and diaspora',
    fr: 'Émigration et diaspora',
    es: 'Emigración y diáspora',
    ar: 'الهجرة إلى الخارج والمغتربون',
    ru: 'Эмиграция и диаспора',
  },
  remittances: {
    en: 'Remittances',
    fr: 'Envois de fonds',
    es: 'Remesas',
    ar: 'التحويلات المالية',
    ru: 'Денежные переводы',
  },
  'irregular-migration-trafficking': {
    en: 'Irregular migration and trafficking in persons',
    fr: 'Migration irrégulière et traite des personnes',
    es: 'Migración irregular y trata de personas',
    ar: 'الهجرة غير النظامية والاتجار بالأشخاص',
    ru: 'Нерегулярная миграция и торговля людьми',
  },
  'forced-displacement': {
    en: 'Forced displacement',
    fr: 'Déplacements forcés',
    es: 'Desplazamiento forzado',
    ar: 'التهجير القسري',
    ru: 'Вынужденное перемещение',
  },
  'labour-migration': {
    en: 'Labour migration',
    fr: 'Migration de main-d’œuvre',
    es: 'Migración laboral',
    ar: 'هجرة اليد العاملة',
    ru: 'Трудовая миграция',
  },
  'policy-institutions': {
    en: 'Policy and institutions',
    fr: 'Politiques et institutions',
    es: 'Políticas e instituciones',
    ar: 'السياسات والمؤسسات',
    ru: 'Политика и институты',
  },
  'data-gaps': {
    en: 'Data gaps',
    fr: 'Lacunes dans les données',
    es: 'Lagunas de datos',
    ar: 'الثغرات في البيانات',
    ru: 'Пробелы в данных',
  },
};

/** A section's title in a language: the language's own, else English. */
export const sectionTitle = (id: SectionId, lang: string): string =>
  (SECTION_TITLES[id] as Record<string, string>)[lang] ?? SECTION_TITLES[id].en;
