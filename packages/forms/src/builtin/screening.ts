import type { FormDefinition } from '../definition.ts';
import {
  education,
  gender,
  maritalStatus,
  relationshipToTrafficker,
  vulnerabilities,
  yesNo,
} from './htcds-person-choices.ts';
import {
  decisionMakingOrg,
  forcedLabourIndustry,
  methodOfRecruitment,
  methodsOfControl,
  traffickingStatus,
  typeOfExploitation,
  typeOfSexExploitation,
  websitesAndApps,
} from './htcds-trafficking-choices.ts';
import { t } from './text.ts';

/**
 * The Screening Interview: is this person a victim of trafficking, and eligible for assistance?
 * Question names and choice values are HTCDS v2.0 field names (con_, prs_, vic_ prefixes) wherever the
 * standard has the field (./htcds/htcds-fields-2.0.csv); Tern-only fields have plain
 * snake_case names. The consent group carries Arabic and Spanish too.
 */
export const screening: FormDefinition = {
  id: 'screening',
  version: '1',
  title: t('Screening Interview', 'Entretien de présélection', {
    ar: 'مقابلة الفحص الأولي',
    es: 'Entrevista de evaluación inicial',
  }),
  defaultLanguage: 'en',
  languages: ['en', 'fr', 'ar', 'es'],
  choiceLists: {
    yes_no: yesNo,
    gender,
    marital_status: maritalStatus,
    education,
    vulnerabilities,
    relationship: relationshipToTrafficker,
    trafficking_status: traffickingStatus,
    decision_org: decisionMakingOrg,
    recruitment_method: methodOfRecruitment,
    websites_apps: websitesAndApps,
    methods_of_control: methodsOfControl,
    exploitation_type: typeOfExploitation,
    sex_exploitation_type: typeOfSexExploitation,
    labour_industry: forcedLabourIndustry,
  },
  children: [
    {
      type: 'group',
      name: 'consent',
      label: t('Consent', 'Consentement', { ar: 'الموافقة', es: 'Consentimiento' }),
      children: [
        {
          type: 'date',
          name: 'interview_date',
          label: t('Date of the interview', "Date de l'entretien", {
            ar: 'تاريخ المقابلة',
            es: 'Fecha de la entrevista',
          }),
          required: true,
          constraint: '. <= today()',
          constraintMessage: t(
            'The interview date cannot be in the future',
            "La date de l'entretien ne peut pas être dans le futur",
            {
              ar: 'لا يمكن أن يكون تاريخ المقابلة في المستقبل',
              es: 'La fecha de la entrevista no puede ser futura',
            },
          ),
        },
        {
          type: 'note',
          name: 'consent_guidance',
          // HTCDS con_Consent guidance (IOM screening form for migrants vulnerable to violence, exploitation and abuse).
          label: t(
            'Explain the purpose of the interview, how the data will be used (including anonymised research), how long it is kept, and the right to see it and to withdraw consent.',
            "Expliquez le but de l'entretien, l'usage des données (y compris la recherche anonymisée), leur durée de conservation, et le droit d'y accéder et de retirer son consentement.",
            {
              ar: 'اشرح الغرض من المقابلة، وكيفية استخدام البيانات (بما في ذلك البحث المجهول الهوية)، ومدة الاحتفاظ بها، والحق في الاطلاع عليها وسحب الموافقة.',
              es: 'Explique el propósito de la entrevista, el uso de los datos (incluida la investigación anonimizada), cuánto tiempo se conservan y el derecho a consultarlos y a retirar el consentimiento.',
            },
          ),
        },
        {
          type: 'select_one',
          name: 'con_Consent',
          label: t('Does the person consent to the interview?', "La personne consent-elle à l'entretien ?", {
            ar: 'هل يوافق الشخص على إجراء المقابلة؟',
            es: '¿La persona da su consentimiento para la entrevista?',
          }),
          choiceList: 'yes_no',
          required: true,
        },
        {
          type: 'select_one',
          name: 'vic_AgreementToManagePersonalData',
          label: t(
            'Does the person agree that their personal data is recorded and managed?',
            'La personne accepte-t-elle que ses données personnelles soient enregistrées et gérées ?',
            {
              ar: 'هل يوافق الشخص على تسجيل بياناته الشخصية وإدارتها؟',
              es: '¿La persona acepta que sus datos personales se registren y gestionen?',
            },
          ),
          choiceList: 'yes_no',
          required: true,
          relevant: "${con_Consent} = 'yes'",
        },
        {
          type: 'note',
          name: 'no_consent_note',
          label: t(
            'Without consent the interview ends here. Save the form.',
            "Sans consentement, l'entretien s'arrête ici. Enregistrez le formulaire.",
            {
              ar: 'بدون موافقة تنتهي المقابلة هنا. احفظ الاستمارة.',
              es: 'Sin consentimiento, la entrevista termina aquí. Guarde el formulario.',
            },
          ),
          relevant: "${con_Consent} = 'no'",
        },
      ],
    },
    {
      type: 'group',
      name: 'person',
      label: t('The person', 'La personne'),
      relevant: "${con_Consent} = 'yes'",
      children: [
        { type: 'text', name: 'prs_FirstName', label: t('First name', 'Prénom'), maxLength: 200 },
        { type: 'text', name: 'prs_SecondName', label: t('Family name', 'Nom de famille'), maxLength: 200 },
        {
          type: 'select_one',
          name: 'prs_Gender',
          label: t('Gender', 'Genre'),
          choiceList: 'gender',
          required: true,
        },
        {
          type: 'date',
          name: 'prs_Birthdate',
          label: t('Date of birth', 'Date de naissance'),
          hint: t('Leave empty if not known', 'Laisser vide si inconnue'),
          constraint: '. <= ${interview_date}',
          constraintMessage: t(
            'The date of birth is after the interview date',
            "La date de naissance est postérieure à la date de l'entretien",
          ),
        },
        {
          type: 'integer',
          name: 'age_stated',
          label: t('Age in years (estimate if not known)', 'Âge en années (estimation si inconnu)'),
          relevant: "${prs_Birthdate} = ''",
          required: true,
          constraint: '. >= 0 and . <= 120',
          constraintMessage: t('Age must be between 0 and 120', "L'âge doit être compris entre 0 et 120"),
        },
        {
          type: 'calculate',
          name: 'age_years',
          // Exact age from the birth date when known, else the stated age; CTDC derives ageBroad and majorityStatus from it.
          calculate:
            "if(${prs_Birthdate} != '', int((${interview_date} - ${prs_Birthdate}) div 365.25), ${age_stated})",
        },
        {
          type: 'calculate',
          name: 'is_minor',
          calculate: "if(${age_years} != '' and ${age_years} < 18, 'yes', 'no')",
        },
        {
          type: 'country',
          name: 'prs_Citizenship',
          multiple: true,
          label: t('Citizenship(s)', 'Nationalité(s)'),
          hint: t('All citizenships the person holds', 'Toutes les nationalités de la personne'),
        },
        // Tern-only (HTCDS v2.0 has no such fields): what tells a person from a namesake when
        // matching across missions (issue 20, decision 205). Personal data, never a research dimension.
        {
          type: 'text',
          name: 'place_of_birth',
          label: t('Place of birth (town or village)', 'Lieu de naissance (ville ou village)'),
          hint: t(
            'As the person says it; leave empty if not known',
            'Tel que la personne le dit ; laisser vide si inconnu',
          ),
          maxLength: 200,
        },
        {
          type: 'text',
          name: 'parents_family_names',
          label: t("Parents' family names", 'Noms de famille des parents'),
          hint: t(
            "Mother's and father's family names, as the person says them",
            'Noms de famille de la mère et du père, tels que la personne les dit',
          ),
          maxLength: 300,
        },
        {
          type: 'select_one',
          name: 'prs_MaritalStatus',
          label: t('Marital status', 'Situation matrimoniale'),
          choiceList: 'marital_status',
          relevant: "${is_minor} = 'no'",
        },
        {
          type: 'integer',
          name: 'prs_NumberOfChildren',
          label: t('Number of children', "Nombre d'enfants"),
          min: 0,
          max: 30,
        },
        {
          type: 'select_one',
          name: 'prs_HighestLevelOfEducation',
          label: t('Highest level of education', "Plus haut niveau d'études"),
          choiceList: 'education',
        },
        {
          type: 'select_multiple',
          name: 'vic_Vulnerabilities',
          label: t('Vulnerabilities', 'Vulnérabilités'),
          choiceList: 'vulnerabilities',
        },
      ],
    },
    {
      type: 'group',
      name: 'trafficking',
      label: t('Recruitment, control and exploitation', 'Recrutement, contrôle et exploitation'),
      relevant: "${con_Consent} = 'yes'",
      children: [
        {
          type: 'select_multiple',
          name: 'vic_MethodOfRecruitment',
          label: t('How was the person recruited?', 'Comment la personne a-t-elle été recrutée ?'),
          choiceList: 'recruitment_method',
        },
        {
          type: 'select_multiple',
          name: 'vic_RecruitmentWebsitesAndApps',
          label: t(
            'Websites and apps used for recruitment',
            'Sites et applications utilisés pour le recrutement',
          ),
          choiceList: 'websites_apps',
          relevant:
            "selected(${vic_MethodOfRecruitment}, 'ThroughOnlineSocialNetworks') or selected(${vic_MethodOfRecruitment}, 'ThroughAnOnlineAdvertisement')",
        },
        {
          type: 'select_one',
          name: 'vic_RelationshipToTrafficker',
          label: t('Relationship to the recruiter', 'Lien avec le recruteur'),
          choiceList: 'relationship',
        },
        {
          type: 'integer',
          name: 'vic_AgeWhenTrafficked',
          label: t('Age when trafficked', 'Âge au moment de la traite'),
          constraint: ". >= 0 and (${age_years} = '' or . <= ${age_years})",
          constraintMessage: t('Cannot be more than the current age', "Ne peut pas dépasser l'âge actuel"),
        },
        {
          type: 'select_multiple',
          name: 'vic_MethodsOfControl',
          label: t('Means of control used', 'Moyens de contrôle utilisés'),
          choiceList: 'methods_of_control',
        },
        {
          type: 'select_multiple',
          name: 'vic_TypeOfExploitation',
          label: t('Types of exploitation', "Types d'exploitation"),
          choiceList: 'exploitation_type',
          constraint:
            "not(selected(., 'ChildLabour')) or ${vic_AgeWhenTrafficked} = '' or ${vic_AgeWhenTrafficked} < 18",
          constraintMessage: t(
            'Child labour applies to people trafficked before 18',
            'Le travail des enfants concerne les personnes victimes avant 18 ans',
          ),
        },
        {
          type: 'select_one',
          name: 'vic_ForcedLabourIndustry',
          label: t('Sector of forced labour', 'Secteur du travail forcé'),
          choiceList: 'labour_industry',
          relevant:
            "selected(${vic_TypeOfExploitation}, 'ForcedLabour') or selected(${vic_TypeOfExploitation}, 'ChildLabour')",
          required: true,
        },
        {
          type: 'select_multiple',
          name: 'vic_TypeOfSexExploitation',
          label: t('Type of sexual exploitation', "Type d'exploitation sexuelle"),
          choiceList: 'sex_exploitation_type',
          relevant: "selected(${vic_TypeOfExploitation}, 'SexualExploitation')",
        },
        {
          type: 'country',
          name: 'country_of_exploitation',
          label: t('Country of exploitation', "Pays d'exploitation"),
          relevant: 'count-selected(${vic_TypeOfExploitation}) > 0',
        },
      ],
    },
    {
      type: 'group',
      name: 'decision',
      label: t('Screening decision', 'Décision de présélection'),
      relevant: "${con_Consent} = 'yes'",
      children: [
        {
          type: 'select_one',
          name: 'vic_TraffickingStatus',
          label: t('Trafficking status', 'Statut au regard de la traite'),
          choiceList: 'trafficking_status',
          required: true,
        },
        {
          type: 'select_one',
          name: 'vic_TraffickingStatusDecisionMakingOrg',
          label: t('Who decided the status?', 'Qui a décidé du statut ?'),
          choiceList: 'decision_org',
          relevant: "${vic_TraffickingStatus} = 'ActualVictimOfTrafficking'",
          required: true,
        },
        {
          type: 'select_one',
          name: 'eligible_for_assistance',
          label: t('Eligible for assistance?', "Éligible à l'assistance ?"),
          choiceList: 'yes_no',
          required: true,
          constraint: ". = 'no' or ${vic_TraffickingStatus} != 'NotAVictimOfTrafficking'",
          constraintMessage: t(
            'A person found not to be a victim is not eligible',
            "Une personne reconnue non victime n'est pas éligible",
          ),
        },
        {
          type: 'text',
          name: 'eligibility_reason',
          label: t('Reason for the eligibility decision', "Motif de la décision d'éligibilité"),
          relevant: "${eligible_for_assistance} = 'no'",
          required: true,
          maxLength: 2000,
        },
        { type: 'text', name: 'notes', label: t('Notes', 'Notes'), maxLength: 4000 },
      ],
    },
  ],
};
