import type { Choice } from '../definition.ts';
import { c } from './text.ts';

/**
 * HTCDS v2.0 picklists about the trafficking experience (./htcds/htcds-fields-2.0.csv; definitions in
 * the standard's field-definitions.md). CTDC exports one 0/1 column per value: vic_MethodsOfControl
 * → meansOfControl*, vic_TypeOfExploitation → isForcedLabour/isSexualExploit/…, vic_TypeOfSexExploitation
 * → typeOfSex* (../shared/data/ctdc/codebook-synthetic-v2024.txt).
 */

/** vic_TraffickingStatus */
export const traffickingStatus: Choice[] = [
  c('PossibleVictimOfTrafficking', 'Possible victim of trafficking', 'Victime potentielle de la traite'),
  c('ActualVictimOfTrafficking', 'Actual victim of trafficking', 'Victime avérée de la traite'),
  c('NotAVictimOfTrafficking', 'Not a victim of trafficking', "N'est pas victime de la traite"),
];

/** vic_TraffickingStatusDecisionMakingOrg */
export const decisionMakingOrg: Choice[] = [
  c('Police', 'Police', 'Police'),
  c('NGO', 'NGO', 'ONG'),
  c('CourtOrProsecution', 'Court or prosecution', 'Tribunal ou parquet'),
  c(
    'NonPoliceGovernmentalOrganization',
    'Non-police governmental organization',
    'Organisme public autre que la police',
  ),
  c('Other', 'Other', 'Autre'),
];

/** vic_MethodOfRecruitment */
export const methodOfRecruitment: Choice[] = [
  c('AtAPlaceOfBusiness', 'At a place of business', 'Dans un commerce'),
  c('AtAnEducationalInstitution', 'At an educational institution', 'Dans un établissement scolaire'),
  c('AtWork', 'At work', 'Au travail'),
  c('ThroughOnlineSocialNetworks', 'Through online social networks', 'Par les réseaux sociaux en ligne'),
  c('ThroughAnOnlineAdvertisement', 'Through an online advertisement', 'Par une annonce en ligne'),
  c('ThroughATelevisionAdvert', 'Through a television advert', 'Par une publicité télévisée'),
  c('ThroughANewspaperAdvert', 'Through a newspaper advert', 'Par une annonce dans un journal'),
  c(
    'ThroughFamilyOrFamilyEvents',
    'Through family or family events',
    'Par la famille ou des événements familiaux',
  ),
  c(
    'ThroughFriendsOrSocialEvents',
    'Through friends or social events',
    'Par des amis ou des événements sociaux',
  ),
  c('Other', 'Other', 'Autre'),
];

/** vic_RecruitmentWebsitesAndApps and vic_ExploitationWebsitesAndApps (brand names are not translated) */
export const websitesAndApps: Choice[] = [
  ['Facebook', 'Facebook'],
  ['Instagram', 'Instagram'],
  ['WhatsApp', 'WhatsApp'],
  ['Telegram', 'Telegram'],
  ['FacebookMessenger', 'Facebook Messenger'],
  ['Viber', 'Viber'],
  ['SnapChat', 'Snapchat'],
  ['Line', 'Line'],
  ['4Sale', '4Sale'],
  ['WeChat', 'WeChat'],
  ['QQ', 'QQ'],
  ['QZone', 'Qzone'],
  ['TikTok', 'TikTok'],
  ['Twitter', 'Twitter'],
]
  .map(([v, l]) => c(v!, l!, l!))
  .concat([c('Other', 'Other', 'Autre')]);

/** vic_MethodsOfControl */
export const methodsOfControl: Choice[] = [
  c('PhysicalThreats', 'Physical threats', 'Menaces physiques'),
  c('ThreatsLawEnforcement', 'Threats of law enforcement', 'Menaces de dénonciation aux autorités'),
  c('ThreatensChildrenFamily', 'Threatens children / family', 'Menaces envers les enfants / la famille'),
  c('DebtBondage', 'Debt bondage', 'Servitude pour dettes'),
  c('FalsePromises', 'False promises', 'Fausses promesses'),
  c('PhysicalAbuse', 'Physical abuse', 'Violences physiques'),
  c('SexualAbuse', 'Sexual abuse', 'Violences sexuelles'),
  c('TakesEarnings', 'Takes earnings', 'Confiscation des revenus'),
  c('RestrictsFinancialAccess', 'Restricts financial access', "Restriction de l'accès à l'argent"),
  c('RestrictsMedicalCare', 'Restricts medical care', "Restriction de l'accès aux soins"),
  c('WithholdsNecessities', 'Withholds necessities', 'Privation du nécessaire'),
  c('PsychologicalAbuse', 'Psychological abuse', 'Violences psychologiques'),
  c('PsychoactiveSubstance', 'Psychoactive substances', 'Substances psychoactives'),
  c('ExcessiveWorkingHours', 'Excessive working hours', 'Horaires de travail excessifs'),
  c('WithholdsDocuments', 'Withholds documents', 'Confiscation des documents'),
  c('Other', 'Other', 'Autre'),
];

/** vic_TypeOfExploitation */
export const typeOfExploitation: Choice[] = [
  c('ForcedLabour', 'Forced labour', 'Travail forcé'),
  c('SexualExploitation', 'Sexual exploitation', 'Exploitation sexuelle'),
  c('ChildLabour', 'Child labour', 'Travail des enfants'),
  c('ForcedMarriage', 'Forced marriage', 'Mariage forcé'),
  c('Servitude', 'Servitude', 'Servitude'),
  c(
    'ForcedMilitaryByNonStateActors',
    'Forced military (by non-state actors)',
    'Enrôlement forcé (par des acteurs non étatiques)',
  ),
  c('OrganRemoval', 'Organ removal', "Prélèvement d'organes"),
  c('ForcedBegging', 'Forced begging', 'Mendicité forcée'),
  c('ForcedAdoption', 'Forced adoption', 'Adoption forcée'),
  c('Surrogacy', 'Surrogacy', 'Gestation pour autrui forcée'),
  c('Other', 'Other', 'Autre'),
];

/** vic_TypeOfSexExploitation */
export const typeOfSexExploitation: Choice[] = [
  c('Prostitution', 'Prostitution', 'Prostitution'),
  c('Pornography', 'Pornography', 'Pornographie'),
  c('RemoteInteractiveServices', 'Remote interactive services', 'Services interactifs à distance'),
  c('PrivateSexualServices', 'Private sexual services', 'Services sexuels privés'),
];

/** vic_ForcedLabourIndustry: ISIC Rev. 4 sections A–U, as HTCDS references them. */
export const forcedLabourIndustry: Choice[] = [
  c(
    'A_AgricultureForestryAndFishing',
    'Agriculture, forestry and fishing',
    'Agriculture, sylviculture et pêche',
  ),
  c('B_MiningAndQuarrying', 'Mining and quarrying', 'Activités extractives'),
  c('C_Manufacturing', 'Manufacturing', 'Activités de fabrication'),
  c(
    'D_ElectricityGasSteamAndAirConditioningSupply',
    'Electricity, gas, steam and air conditioning supply',
    "Production et distribution d'électricité, de gaz, de vapeur et climatisation",
  ),
  c(
    'E_WaterSupplySewerageWasteManagement',
    'Water supply; sewerage, waste management and remediation',
    "Distribution d'eau ; assainissement, gestion des déchets et dépollution",
  ),
  c('F_Construction', 'Construction', 'Construction'),
  c(
    'G_WholesaleAndRetailTradeRepairOfMotorVehicles',
    'Wholesale and retail trade; repair of motor vehicles and motorcycles',
    "Commerce de gros et de détail ; réparation d'automobiles et de motocycles",
  ),
  c('H_TransportationAndStorage', 'Transportation and storage', 'Transport et entreposage'),
  c(
    'I_AccommodationAndFoodServiceActivities',
    'Accommodation and food service activities',
    'Hébergement et restauration',
  ),
  c('J_InformationAndCommunication', 'Information and communication', 'Information et communication'),
  c(
    'K_FinancialAndInsuranceActivities',
    'Financial and insurance activities',
    "Activités financières et d'assurance",
  ),
  c('L_RealEstateActivities', 'Real estate activities', 'Activités immobilières'),
  c(
    'M_ProfessionalScientificAndTechnicalActivities',
    'Professional, scientific and technical activities',
    'Activités spécialisées, scientifiques et techniques',
  ),
  c(
    'N_AdministrativeAndSupportServiceActivities',
    'Administrative and support service activities',
    'Activités de services administratifs et de soutien',
  ),
  c(
    'O_PublicAdministrationAndDefence',
    'Public administration and defence; compulsory social security',
    'Administration publique et défense ; sécurité sociale obligatoire',
  ),
  c('P_Education', 'Education', 'Enseignement'),
  c(
    'Q_HumanHealthAndSocialWorkActivities',
    'Human health and social work activities',
    'Santé humaine et action sociale',
  ),
  c(
    'R_ArtsEntertainmentAndRecreation',
    'Arts, entertainment and recreation',
    'Arts, spectacles et activités récréatives',
  ),
  c('S_OtherServiceActivities', 'Other service activities', 'Autres activités de services'),
  c(
    'T_ActivitiesOfHouseholdsAsEmployers',
    'Activities of households as employers (domestic work)',
    "Activités des ménages en tant qu'employeurs (travail domestique)",
  ),
  c(
    'U_ActivitiesOfExtraterritorialOrganizations',
    'Activities of extraterritorial organizations and bodies',
    'Activités des organisations et organismes extraterritoriaux',
  ),
];

/** hte_Type: the kind of a historic trafficking event. */
export const eventType: Choice[] = [
  c('Recruitment', 'Recruitment', 'Recrutement'),
  c('Transit', 'Transit', 'Transit'),
  c('Exploitation', 'Exploitation', 'Exploitation'),
];
