import type { FormDefinition } from '../definition.ts';
import {
  caseStatus,
  referralReason,
  reintegrationStatus,
  returnType,
  supportPlanType,
} from './htcds-case-choices.ts';
import { yesNo } from './htcds-person-choices.ts';
import { eventType, forcedLabourIndustry, typeOfExploitation } from './htcds-trafficking-choices.ts';
import { t } from './text.ts';

/**
 * The Assistance Interview: assistance given (HTCDS Support Plan, spl_), the trafficking experience
 * as events typed Recruitment / Transit / Exploitation (HTCDS Historic Trafficking Events, hte_),
 * movement and return, and reintegration. Repeats hold one record per event, each with an `_id`.
 * Names inside the events repeat that HTCDS keeps on the victim (vic_TypeOfExploitation…) get an
 * `hte_` prefix here because names are unique in a form; they use the same choice values.
 */
export const assistance: FormDefinition = {
  id: 'assistance',
  version: '1',
  title: t('Assistance Interview', "Entretien d'assistance"),
  defaultLanguage: 'en',
  languages: ['en', 'fr'],
  choiceLists: {
    yes_no: yesNo,
    support_plan_type: supportPlanType,
    event_type: eventType,
    exploitation_type: typeOfExploitation,
    labour_industry: forcedLabourIndustry,
    return_type: returnType,
    reintegration_status: reintegrationStatus,
    case_status: caseStatus,
    referral_reason: referralReason,
  },
  children: [
    {
      type: 'date',
      name: 'interview_date',
      label: t('Date of the interview', "Date de l'entretien"),
      required: true,
      constraint: '. <= today()',
      constraintMessage: t(
        'The interview date cannot be in the future',
        "La date de l'entretien ne peut pas être dans le futur",
      ),
    },
    {
      type: 'repeat',
      name: 'assistance_events',
      label: t('Assistance given', 'Assistance fournie'),
      maxCount: 200,
      children: [
        {
          type: 'select_one',
          name: 'spl_Type',
          label: t('Type of support', "Type d'appui"),
          choiceList: 'support_plan_type',
          required: true,
        },
        {
          type: 'date',
          name: 'spl_StartDate',
          label: t('Start date', 'Date de début'),
          required: true,
          constraint: '. <= today()',
          constraintMessage: t('Cannot be in the future', 'Ne peut pas être dans le futur'),
        },
        { type: 'text', name: 'spl_Objectives', label: t('Objectives', 'Objectifs'), maxLength: 2000 },
        { type: 'text', name: 'spl_ActionPlan', label: t('Action plan', "Plan d'action"), maxLength: 4000 },
        {
          type: 'date',
          name: 'spl_PlannedEndDate',
          label: t('Planned end date', 'Date de fin prévue'),
          constraint: '. >= ${spl_StartDate}',
          constraintMessage: t('Ends before it starts', 'Se termine avant de commencer'),
        },
        {
          type: 'date',
          name: 'spl_ActualEndDate',
          label: t('Actual end date', 'Date de fin effective'),
          constraint: '. >= ${spl_StartDate} and . <= today()',
          constraintMessage: t('Between the start date and today', "Entre la date de début et aujourd'hui"),
        },
        {
          type: 'decimal',
          name: 'amount_usd',
          label: t('Amount (USD)', 'Montant (USD)'),
          relevant: "${spl_Type} = 'Financial'",
          min: 0,
        },
        { type: 'calculate', name: 'assistance_no', calculate: 'position(..)' },
      ],
    },
    { type: 'calculate', name: 'total_financial_usd', calculate: 'sum(${amount_usd})' },
    {
      type: 'repeat',
      name: 'trafficking_events',
      label: t('Trafficking events', 'Événements de traite'),
      maxCount: 100,
      children: [
        {
          type: 'select_one',
          name: 'hte_Type',
          label: t('Type of event', "Type d'événement"),
          choiceList: 'event_type',
          required: true,
        },
        {
          type: 'date',
          name: 'hte_Date',
          label: t('Date', 'Date'),
          constraint: '. <= today()',
          constraintMessage: t('Cannot be in the future', 'Ne peut pas être dans le futur'),
        },
        { type: 'country', name: 'hte_Country', label: t('Country', 'Pays'), required: true },
        { type: 'text', name: 'hte_City', label: t('City', 'Ville'), maxLength: 200 },
        {
          type: 'select_multiple',
          name: 'hte_TypeOfExploitation',
          label: t(
            'Types of exploitation (vic_TypeOfExploitation)',
            "Types d'exploitation (vic_TypeOfExploitation)",
          ),
          choiceList: 'exploitation_type',
          relevant: "${hte_Type} = 'Exploitation'",
          required: true,
        },
        {
          type: 'select_one',
          name: 'hte_ForcedLabourIndustry',
          label: t('Sector of forced labour', 'Secteur du travail forcé'),
          choiceList: 'labour_industry',
          relevant: "selected(${hte_TypeOfExploitation}, 'ForcedLabour')",
        },
        {
          type: 'integer',
          name: 'hte_DurationDays',
          label: t('Duration (days)', 'Durée (jours)'),
          min: 0,
          max: 36500,
        },
        { type: 'text', name: 'hte_Description', label: t('Description', 'Description'), maxLength: 4000 },
        { type: 'calculate', name: 'event_no', calculate: 'position(..)' },
      ],
    },
    {
      type: 'group',
      name: 'movement',
      label: t('Movement and return', 'Déplacement et retour'),
      children: [
        {
          type: 'select_one',
          name: 'returned',
          label: t('Has the person returned?', 'La personne est-elle rentrée ?'),
          choiceList: 'yes_no',
          required: true,
        },
        {
          type: 'select_one',
          name: 'return_type',
          label: t('Type of return', 'Type de retour'),
          choiceList: 'return_type',
          relevant: "${returned} = 'yes'",
          required: true,
        },
        {
          type: 'date',
          name: 'return_date',
          label: t('Date of return', 'Date du retour'),
          relevant: "${returned} = 'yes'",
          constraint: '. <= today()',
          constraintMessage: t('Cannot be in the future', 'Ne peut pas être dans le futur'),
        },
        {
          type: 'country',
          name: 'return_country',
          label: t('Country of return', 'Pays de retour'),
          relevant: "${returned} = 'yes'",
          required: true,
        },
        {
          type: 'note',
          name: 'exploitation_country_note',
          label: t(
            'Return to a country where exploitation took place: check the risk assessment.',
            "Retour dans un pays où l'exploitation a eu lieu : vérifiez l'évaluation des risques.",
          ),
          relevant: "${returned} = 'yes' and ${return_country} != '' and ${hte_Country} = ${return_country}",
        },
      ],
    },
    {
      type: 'group',
      name: 'reintegration',
      label: t('Reintegration', 'Réintégration'),
      relevant: "${returned} != ''",
      children: [
        {
          type: 'select_one',
          name: 'reintegration_status',
          label: t('Reintegration status', 'État de la réintégration'),
          choiceList: 'reintegration_status',
          required: true,
        },
        {
          type: 'text',
          name: 'reintegration_notes',
          label: t('Reintegration notes', 'Notes sur la réintégration'),
          maxLength: 4000,
        },
      ],
    },
    {
      type: 'group',
      name: 'case',
      label: t('Case follow-up', 'Suivi du dossier'),
      children: [
        {
          type: 'select_one',
          name: 'cas_Status',
          label: t('Case status', 'Statut du dossier'),
          choiceList: 'case_status',
          required: true,
        },
        {
          type: 'select_one',
          name: 'cas_ReasonForOutgoingReferral',
          label: t('Reason for referral', "Motif de l'orientation"),
          choiceList: 'referral_reason',
          relevant: "${cas_Status} = 'ClosedReferred'",
          required: true,
        },
        {
          type: 'text',
          name: 'cas_ReasonForCaseClosure',
          label: t('Reason for closing the case', 'Motif de clôture du dossier'),
          relevant: "starts-with(${cas_Status}, 'Closed')",
          maxLength: 2000,
        },
      ],
    },
  ],
};
