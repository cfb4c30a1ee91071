import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ProfileFigureRequest } from '@tern/api';
import { indicatorById } from '@tern/demography';
import { claimsTern, isTernSource, sealText, toAlpha2, valueKey } from '@tern/profiles';
import type { ProfileBody, ProfileValue } from '@tern/profiles';
import { researchSeries } from '@tern/research';
import type { DisclosureParams, AnalyticsStore } from '@tern/research';
import type { RunResponse } from '@tern/api';
import type { Principal } from '../auth/roles.ts';
import { TernError } from '../errors.ts';
import type { ProfileRejection } from './profile-admission.ts';

type Figure = ProfileValue & { tern: NonNullable<ProfileValue['tern']> };
type Request = Extract<ProfileFigureRequest, { kind: string }>;

/** The server's seal of Tern's figures (decision 212): HMAC-SHA-256 under a shared secret, base64url. */
export interface FigureSeal {
  seal(text: string): string;
  verify(text: string, seal: string): boolean;
}

export function figureSeal(secret: Uint8Array): FigureSeal {
  const mac = (text: string) => createHmac('sha256', secret).update(text).digest();
  return {
    seal: (text) => mac(text).toString('base64url'),
    verify(text, seal) {
      const given = Buffer.from(seal, 'base64url');
      const want = mac(text);
      return given.length === want.length && timingSafeEqual(new Uint8Array(given), new Uint8Array(want));
    },
  };
}

/** What a pull answers: the sealed figures, and the years the disclosure control kept back. */
export interface FigurePull {
  figures: Figure[];
  /** Years without a figure: fewer than k cases (possibly none), or beyond what a profile holds. */
  withheld: Array<{ year: number; why: string }>;
  query: string;
}

const TRAFFICKING_RELIABILITY = (k: number) =>
  `Cases known to Tern missions only, not a prevalence estimate; published through the research disclosure control (counts perturbed, years with fewer than ${k} cases withheld).`;

/**
 * Counter-trafficking cases of Tern missions whose country of exploitation is the profile's, by
 * registration year, as the research disclosure control publishes them: only cells of at least k,
 * perturbed. A year with fewer cases has no figure (it is listed as withheld, never as a number).
 */
export async function traffickingFigures(
  o: {
    country: string;
    who: Principal;
    existingMissions: readonly string[];
    store: AnalyticsStore;
    params: DisclosureParams;
    at: string;
  },
  q: Extract<Request, { kind: 'trafficking' }>,
): Promise<
  Omit<FigurePull, 'figures'> & {
    figures: Array<Omit<Figure, 'tern'> & { tern: Omit<Figure['tern'], 'seal'> }>;
  }
> {
  const a2 = toAlpha2(o.country);
  if (!a2) throw new TernError('TERN_BAD_REQUEST', `Country: ${o.country} has no alpha-2 code`);
  const missions = q.missions ? [...new Set(q.missions)].sort() : [...o.existingMissions].sort();
  if (q.missions) {
    const unknown = missions.filter((m) => !o.existingMissions.includes(m));
    if (unknown.length)
      throw new TernError(
        'TERN_MISSION_NOT_FOUND',
        `No mission ${unknown.map((m) => JSON.stringify(m)).join(', ')}`,
      );
    const outside = o.who.role === 'admin' ? [] : missions.filter((m) => !o.who.missions.includes(m));
    if (outside.length)
      throw new TernError(
        'TERN_AUTH_FORBIDDEN',
        `${o.who.username} may not count the cases of mission ${outside.map((m) => JSON.stringify(m)).join(', ')}: not a member`,
      );
  }
  const table = await researchSeries(
    o.store,
    { filters: { exploitationCountry: [a2] } },
    { missions },
    o.params,
  );
  const byYear = new Map(table.cells.map((c) => [Number(c.values[0]), c.value]));
  const scope = q.missions ? `missions ${missions.join(', ')}` : 'all missions';
  const query = `counter-trafficking cases, country of exploitation ${o.country}, registered ${q.from}–${q.to}, ${scope}`;
  const def = indicatorById('vots-assisted')!;
  const source = `Tern: counter-trafficking cases (${scope})`.slice(0, 300);
  const figures = [];
  const withheld: FigurePull['withheld'] = [];
  for (let year = q.from; year <= q.to; year++) {
    const value = byYear.get(year);
    if (value === undefined) {
      withheld.push({ year, why: `fewer than ${o.params.k} cases, possibly none` });
      continue;
    }
    figures.push({
      _id: valueKey(def.id, year, source),
      indicator: def.id,
      year,
      value,
      unit: def.unit,
      source,
      definition: `Cases registered during the year by Tern missions whose country of exploitation is ${o.country}: persons identified or presumed as victims of trafficking and assisted.`,
      reliability: TRAFFICKING_RELIABILITY(o.params.k),
      note: `Query: ${query}; pulled ${o.at.slice(0, 10)}; data as of ${table.asOf?.slice(0, 10) ?? 'being updated'}.`,
      tern: { kind: 'trafficking' as const, query, pulledAt: o.at, pulledBy: o.who.username },
    });
  }
  return { figures, withheld, query };
}

/** The total population of one region of a stored projection run, by year, for one scenario. */
export function projectionFigures(
  o: { who: Principal; at: string },
  run: RunResponse,
  q: Extract<Request, { kind: 'projection' }>,
) {
  const r = run.results;
  const region = r.states.indexOf(q.region);
  if (region < 0)
    throw new TernError(
      'TERN_BAD_REQUEST',
      `Projection: run ${run.id} has no region ${JSON.stringify(q.region)} (it has ${r.states.slice(0, 10).join(', ')}${r.states.length > 10 ? ', …' : ''})`,
    );
  const scenario = r.scenarios.find((s) => s.name === q.scenario);
  if (!scenario)
    throw new TernError(
      'TERN_BAD_REQUEST',
      `Projection: run ${run.id} has no scenario ${JSON.stringify(q.scenario)} (it has ${r.scenarios.map((s) => s.name).join(', ')})`,
    );
  const def = indicatorById('population')!;
  const query = `projection run ${run.id} "${run.name}", scenario "${scenario.name}", region "${q.region}", total population`;
  const source = `Tern: projection "${run.name}", scenario "${scenario.name}"`.slice(0, 300);
  const S = r.states.length;
  const figures = [];
  const withheld: FigurePull['withheld'] = [];
  for (const [i, year] of r.years.entries()) {
    const pop = scenario.population[i];
    if (!pop) continue;
    if (year > 2100 || year < 1900) {
      withheld.push({ year, why: 'a profile holds years 1900–2100' });
      continue;
    }
    let total = 0;
    for (let k = region; k < pop.length; k += S) total += pop[k]!;
    figures.push({
      _id: valueKey(def.id, year, source),
      indicator: def.id,
      year,
      value: Math.round(total),
      unit: def.unit,
      source,
      definition: `${def.definition} Projected by cohort-component for region "${q.region}" of the run's data set (${run.datasetName}).`,
      reliability: `A projection (scenario "${scenario.name}", base year ${run.spec.baseYear}), not an observation.`,
      note: `Query: ${query}; pulled ${o.at.slice(0, 10)}; run made ${run.createdAt.slice(0, 10)} by ${run.createdBy}.`,
      tern: { kind: 'projection' as const, query, pulledAt: o.at, pulledBy: o.who.username },
    });
  }
  return { figures, withheld, query };
}

/** Each figure with the server's seal over it and the country. */
export function sealFigures(
  seal: FigureSeal,
  country: string,
  figures: ReadonlyArray<Omit<Figure, 'tern'> & { tern: Omit<Figure['tern'], 'seal'> }>,
): Figure[] {
  return figures.map((f) => {
    const unsealed = { ...f, tern: { ...f.tern, seal: '' } };
    return { ...f, tern: { ...f.tern, seal: seal.seal(sealText(country, unsealed)) } };
  });
}

/**
 * A pushed edition may hold a figure citing Tern only as the server sealed it for this country: the
 * source, the number, the query and the date are what was pulled (decision 212). Checked on every
 * admitted revision, so a figure edited on a device or copied from another country is refused.
 */
export function unsealedFigure(seal: FigureSeal, p: ProfileBody): ProfileRejection | null {
  for (const v of p.values) {
    if (!claimsTern(v)) continue;
    const refused = (why: string): ProfileRejection => ({
      code: 'TERN_PROFILE_FIGURE_UNSEALED',
      reason: `The figure ${v._id} ${why}`,
      field: `values[${v._id}]`,
    });
    if (!v.tern)
      return refused(`cites ${JSON.stringify(v.source.slice(0, 60))} but was not computed by Tern`);
    if (!isTernSource(v.source)) return refused('was computed by Tern but its source was renamed');
    const text = sealText(p.country, { ...v, tern: { ...v.tern, seal: '' } });
    if (!seal.verify(text, v.tern.seal))
      return refused('is not as Tern computed it (changed on a device, or from another country)');
  }
  return null;
}
