import type { Choice } from '../definition.ts';
import { c } from './text.ts';

/** HTCDS v2.0 support-plan and case picklists (./htcds/htcds-fields-2.0.csv). */

/** spl_Type */
export const supportPlanType: Choice[] = [
  c('Education', 'Education', 'Éducation'),
  c('Financial', 'Financial', 'Aide financière'),
  c('Health', 'Health', 'Santé'),
  c(
    'LabourExploitationRehabilitation',
    'Labour exploitation rehabilitation',
    'Réadaptation après exploitation par le travail',
  ),
  c('Legal', 'Legal', 'Aide juridique'),
  c('Livelihood', 'Livelihood', 'Moyens de subsistance'),
  c('RightsBasedTraining', 'Rights-based training', 'Formation aux droits'),
  c(
    'SexualExploitationRehabilitation',
    'Sexual exploitation rehabilitation',
    'Réadaptation après exploitation sexuelle',
  ),
  c('SocialCare', 'Social care', 'Accompagnement social'),
];

/** cas_Status */
export const caseStatus: Choice[] = [
  c('Active', 'Active', 'Actif'),
  c('FollowUp', 'Follow-up', 'Suivi'),
  c('Closed', 'Closed', 'Clôturé'),
  c('ClosedReferred', 'Closed – referred', 'Clôturé – orienté'),
];

/** cas_ReasonForOutgoingReferral */
export const referralReason: Choice[] = [
  c('AdditionalServicesRequired', 'Additional services required', 'Services supplémentaires nécessaires'),
  c('MigrationOrChangeOfLocation', 'Migration or change of location', 'Migration ou changement de lieu'),
  c('Other', 'Other', 'Autre'),
];

/**
 * Not in HTCDS: how a return happened (IOM AVRR vocabulary). Values are Tern codes in HTCDS style.
 */
export const returnType: Choice[] = [
  c('AssistedVoluntaryReturn', 'Assisted voluntary return', 'Retour volontaire assisté'),
  c('IndependentReturn', 'Independent return', 'Retour autonome'),
  c('Relocation', 'Relocation to a third country', 'Réinstallation dans un pays tiers'),
  c('LocalIntegration', 'Stays in the destination country', 'Reste dans le pays de destination'),
];

/** Not in HTCDS: reintegration progress as IOM reintegration assessments report it. */
export const reintegrationStatus: Choice[] = [
  c('NotStarted', 'Not started', 'Pas commencée'),
  c('InProgress', 'In progress', 'En cours'),
  c('Sustainable', 'Sustainable reintegration reached', 'Réintégration durable atteinte'),
  c('Discontinued', 'Discontinued', 'Interrompue'),
];
