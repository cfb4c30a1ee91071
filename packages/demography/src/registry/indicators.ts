// The harmonised migration indicators: what each one counts, in which unit, from which sources, and
// which international definition it follows. Values of any source are accepted only against these
// definitions (./values.ts); the Migration Profiles (issue 15) read them from here.

export type IndicatorUnit = 'persons' | 'USD million (current prices)';

export interface IndicatorDefinition {
  readonly id: string;
  readonly name: string;
  readonly definition: string;
  readonly unit: IndicatorUnit;
  /** Flow over a calendar year, or stock at a date (1 January unless the note says otherwise). */
  readonly measure: 'flow' | 'stock';
  /** May a value be negative (net figures)? */
  readonly signed: boolean;
  /** Sources that publish it, with their dataset codes. */
  readonly sources: readonly string[];
  readonly coverage: string;
  readonly methodNotes: string;
  /** The UN / Eurostat / IMF definition it follows. */
  readonly follows: readonly string[];
}

export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    id: 'immigration',
    name: 'Immigration',
    definition:
      'Persons establishing their usual residence in the country for at least 12 months (or expected to), having previously been usually resident in another country, during the year.',
    unit: 'persons',
    measure: 'flow',
    signed: false,
    sources: [
      'Eurostat migr_imm1ctz',
      'UN DESA International Migration Flows',
      'OECD International Migration Database',
    ],
    coverage: 'EU/EFTA from 2008 under the Regulation; other countries as reported to the UN and OECD.',
    methodNotes:
      'Long-term migrants only. Countries still using a different duration (e.g. registration-based permanence) are flagged in the value note; OECD "permanent immigration" differs in scope.',
    follows: [
      'Regulation (EC) No 862/2007, Art. 2 (definitions: immigration)',
      'UN Recommendations on Statistics of International Migration, Rev. 1 (1998), long-term migrant',
    ],
  },
  {
    id: 'emigration',
    name: 'Emigration',
    definition:
      'Usual residents of the country who cease to have it as their usual residence for at least 12 months (or expected to), during the year.',
    unit: 'persons',
    measure: 'flow',
    signed: false,
    sources: ['Eurostat migr_emi1ctz', 'UN DESA International Migration Flows'],
    coverage:
      'EU/EFTA from 2008; elsewhere sparse, often estimated from destination countries (mirror statistics).',
    methodNotes:
      'Emigration is under-recorded where de-registration is voluntary; mirror statistics are recorded as their own source.',
    follows: [
      'Regulation (EC) No 862/2007, Art. 2 (definitions: emigration)',
      'UN Recommendations on Statistics of International Migration, Rev. 1 (1998)',
    ],
  },
  {
    id: 'net-migration',
    name: 'Net migration',
    definition: 'Immigration minus emigration during the year.',
    unit: 'persons',
    measure: 'flow',
    signed: true,
    sources: [
      'Eurostat demo_gind (net migration plus statistical adjustment)',
      'UN DESA World Population Prospects',
    ],
    coverage: 'All countries (WPP estimates); EU/EFTA observed.',
    methodNotes:
      'Eurostat publishes "net migration plus statistical adjustment" (total change minus natural change), which also absorbs census revisions; WPP figures are model estimates. Each is its own source here.',
    follows: [
      'Eurostat demography glossary: net migration plus statistical adjustment',
      'UN DESA World Population Prospects: net number of migrants',
    ],
  },
  {
    id: 'foreign-born-stock',
    name: 'Foreign-born population',
    definition: 'Usual residents whose country of birth is another country, at a date.',
    unit: 'persons',
    measure: 'stock',
    signed: false,
    sources: ['UN DESA International Migrant Stock', 'Eurostat migr_pop3ctb'],
    coverage:
      'All countries at mid-year in five-year steps (UN); EU/EFTA on 1 January every year (Eurostat).',
    methodNotes:
      'UN DESA uses citizenship where country of birth is not collected and counts refugees where registers miss them; the value note says so.',
    follows: [
      'UN Principles and Recommendations for Population and Housing Censuses, Rev. 3 (2017): country of birth',
      'Regulation (EC) No 862/2007, Art. 3 (population by country of birth)',
    ],
  },
  {
    id: 'foreign-citizen-stock',
    name: 'Foreign citizens',
    definition: 'Usual residents who are not citizens of the country, stateless persons included, at a date.',
    unit: 'persons',
    measure: 'stock',
    signed: false,
    sources: ['Eurostat migr_pop1ctz', 'OECD International Migration Database'],
    coverage: 'EU/EFTA on 1 January; OECD countries.',
    methodNotes: 'Depends on naturalisation law: compare countries with foreign-born stock beside it.',
    follows: ['Regulation (EC) No 862/2007, Art. 3 (population by citizenship)'],
  },
  {
    id: 'asylum-applications',
    name: 'First-time asylum applicants',
    definition:
      'Persons lodging an application for international protection for the first time in the country during the year.',
    unit: 'persons',
    measure: 'flow',
    signed: false,
    sources: ['Eurostat migr_asyappctza', 'UNHCR Refugee Data Finder (new asylum applications)'],
    coverage: 'EU/EFTA monthly and annual (Eurostat); all countries (UNHCR).',
    methodNotes:
      'Eurostat counts persons (first-time applicants, repeat applications excluded); UNHCR may count cases where a case covers a family.',
    follows: [
      'Regulation (EC) No 862/2007, Art. 4 (as amended by Regulation (EU) 2020/851)',
      'UNHCR Global Trends definitions',
    ],
  },
  {
    id: 'remittances',
    name: 'Personal remittances received',
    definition:
      'Personal transfers and compensation of employees received from non-residents during the year.',
    unit: 'USD million (current prices)',
    measure: 'flow',
    signed: false,
    sources: ['World Bank / KNOMAD remittance data', 'IMF Balance of Payments Statistics'],
    coverage: 'All reporting countries; informal channels are not covered.',
    methodNotes:
      'Recorded through the balance of payments; values in national currency are converted at the annual average rate by the source.',
    follows: [
      'IMF Balance of Payments and International Investment Position Manual, 6th ed. (BPM6, 2009): personal transfers and compensation of employees',
    ],
  },
  {
    id: 'population',
    name: 'Total population',
    definition: 'Usual residents of the country (or region), all ages and both sexes, on 1 January.',
    unit: 'persons',
    measure: 'stock',
    signed: false,
    sources: [
      'UN DESA World Population Prospects (total population)',
      'National population projections',
      'Projection runs of the projections workspace (issue 14)',
    ],
    coverage:
      'All countries (UN DESA, estimates and projections); projections run in Tern for the regions of their data set.',
    methodNotes:
      'A projected figure is a scenario result, not an observation: the value note names the run, the scenario and the region.',
    follows: [
      'UN Principles and Recommendations for Population and Housing Censuses, Rev. 3 (2017): usual residence',
    ],
  },
  {
    id: 'vots-assisted',
    name: 'Victims of trafficking assisted',
    definition:
      'Identified or presumed victims of trafficking in persons who received assistance during the year.',
    unit: 'persons',
    measure: 'flow',
    signed: false,
    sources: [
      'IOM case data (CTDC)',
      'Eurostat crim_thb_vict (registered victims)',
      'UNODC Global Report on Trafficking in Persons',
    ],
    coverage: 'Cases known to assisting organisations and authorities only: not a prevalence estimate.',
    methodNotes:
      'IOM counts persons assisted by IOM; Eurostat counts victims registered by authorities (identified and presumed); UNODC counts detected victims. The three are not additive.',
    follows: [
      'UN Protocol to Prevent, Suppress and Punish Trafficking in Persons (2000), Art. 3',
      'Directive 2011/36/EU, Art. 2',
    ],
  },
];

export const indicatorById = (id: string): IndicatorDefinition | undefined =>
  INDICATORS.find((i) => i.id === id);
