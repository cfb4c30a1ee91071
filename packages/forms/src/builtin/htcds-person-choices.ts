import type { Choice } from '../definition.ts';
import { c } from './text.ts';

/**
 * HTCDS v2.0 picklists about the person, values exactly as "Value Names" in
 * ./htcds/htcds-fields-2.0.csv. CTDC maps gender to `gender` (Female/Male/…).
 */

/** prs_Gender */
export const gender: Choice[] = [
  c('Feminine', 'Feminine', 'Féminin', { ar: 'أنثى', es: 'Femenino' }),
  c('Masculine', 'Masculine', 'Masculin', { ar: 'ذكر', es: 'Masculino' }),
  c('TransgenderFeminine', 'Transgender feminine', 'Transgenre féminin', {
    ar: 'عابرة جنسياً (أنثى)',
    es: 'Transgénero femenino',
  }),
  c('TransgenderMasculine', 'Transgender masculine', 'Transgenre masculin', {
    ar: 'عابر جنسياً (ذكر)',
    es: 'Transgénero masculino',
  }),
  c('NonConforming', 'Non-conforming', 'Non conforme', { ar: 'غير نمطي', es: 'No conforme' }),
  c('NonSpecifiedUnknown', 'Not specified / unknown', 'Non précisé / inconnu', {
    ar: 'غير محدد / غير معروف',
    es: 'No especificado / desconocido',
  }),
];

/** prs_MaritalStatus */
export const maritalStatus: Choice[] = [
  c('Single', 'Single', 'Célibataire'),
  c('Married', 'Married', 'Marié(e)'),
  c('Widowed', 'Widowed', 'Veuf / veuve'),
  c('Divorced', 'Divorced', 'Divorcé(e)'),
  c('Separated', 'Separated', 'Séparé(e)'),
  c('RegisteredPartnership', 'Registered partnership', 'Partenariat enregistré'),
];

/** prs_HighestLevelOfEducation (ISCED 2011 levels) */
export const education: Choice[] = [
  c('EarlyChildhoodEducation', 'Early childhood education', 'Éducation de la petite enfance'),
  c('PrimaryEducation', 'Primary education', 'Enseignement primaire'),
  c('LowerSecondaryEducation', 'Lower secondary education', 'Premier cycle du secondaire'),
  c('UpperSecondaryEducation', 'Upper secondary education', 'Deuxième cycle du secondaire'),
  c(
    'PostSecondaryNonTertiaryEducation',
    'Post-secondary non-tertiary education',
    'Post-secondaire non supérieur',
  ),
  c('ShortCycleTertiaryEducation', 'Short-cycle tertiary education', 'Enseignement supérieur de cycle court'),
  c('BachelorsOrEquivalentLevel', "Bachelor's or equivalent level", 'Licence ou équivalent'),
  c('MastersOrEquivalentLevel', "Master's or equivalent level", 'Master ou équivalent'),
  c('DoctoralOrEquivalentLevel', 'Doctoral or equivalent level', 'Doctorat ou équivalent'),
];

/** Consent and yes/no questions (con_Consent is a checkbox in HTCDS; a select keeps "not asked" distinct). */
export const yesNo: Choice[] = [
  c('yes', 'Yes', 'Oui', { ar: 'نعم', es: 'Sí' }),
  c('no', 'No', 'Non', { ar: 'لا', es: 'No' }),
];

/** vic_Vulnerabilities */
export const vulnerabilities: Choice[] = [
  c('Addiction', 'Addiction', 'Addiction'),
  c('SocialGroup', 'Social group', 'Groupe social'),
  c('Discrimination', 'Discrimination', 'Discrimination'),
  c('Poverty', 'Poverty', 'Pauvreté'),
  c('DisabilityAndPhysicalHealth', 'Disability and physical health', 'Handicap et santé physique'),
  c('MentalHealth', 'Mental health', 'Santé mentale'),
  c('Migration', 'Migration', 'Migration'),
  c('Homelessness', 'Homelessness', 'Sans-abrisme'),
  c('AbuseSocialMedia', 'Abuse – social media', 'Abus – réseaux sociaux'),
  c('AbusePhysical', 'Abuse – physical', 'Abus – physique'),
  c('Education', 'Education', 'Éducation'),
  c('WorkEnvironment', 'Work environment', 'Environnement de travail'),
];

/** vic_RelationshipToTrafficker (HTCDS spells the last value "Unaquainted"; kept as the standard has it). */
export const relationshipToTrafficker: Choice[] = [
  c('Familial', 'Family member', 'Membre de la famille'),
  c('Acquainted', 'Acquaintance', 'Connaissance'),
  c('Unaquainted', 'Not acquainted', 'Inconnu de la personne'),
];
