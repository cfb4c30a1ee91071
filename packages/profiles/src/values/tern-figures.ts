// Tern's own figures in a profile (decision 212): counter-trafficking aggregates that passed the research
// disclosure control, and projection results. The server computes them at the team's request and seals
// each one (an HMAC over the figure and its query); the device adds them to its draft with
// `addTernFigures`, and the server refuses at sync any figure citing Tern whose seal does not match.
// Nothing here holds a key: the seal is made and checked on the server over `sealText`.
import type { ProfileBody, ProfileValue } from '../document/schema.ts';
import { ProfileError } from '../errors.ts';

/** Sources that start with "Tern" are Tern's own: an import may not use them (decision 212). */
export const isTernSource = (source: string): boolean => /^tern(?![a-z0-9])/i.test(source.trim());

/** A value that claims to be Tern's: by its `tern` part or by its source's name. */
export const claimsTern = (v: ProfileValue): boolean => v.tern !== undefined || isTernSource(v.source);

/**
 * The text a seal covers: the country and every field of the figure that a reader relies on, in a
 * fixed order (JSON of an array, so no field can bleed into the next).
 */
export function sealText(
  country: string,
  v: Omit<ProfileValue, 'tern'> & { tern: NonNullable<ProfileValue['tern']> },
): string {
  return JSON.stringify([
    'tern-profile-figure/1',
    country,
    v._id,
    v.indicator,
    v.year,
    v.value,
    v.unit,
    v.source,
    v.definition,
    v.reliability,
    v.note ?? null,
    v.tern.kind,
    v.tern.query,
    v.tern.pulledAt,
    v.tern.pulledBy,
  ]);
}

/**
 * The draft with Tern's figures added: a figure with the same id (same indicator, year and source: a
 * query pulled again) replaces the one before, every other value stays. Only a draft takes figures;
 * every figure must carry its `tern` part (the server's answer as it came).
 */
export function addTernFigures<P extends ProfileBody>(profile: P, figures: readonly ProfileValue[]): P {
  if (profile.edition.status === 'published')
    throw new ProfileError(
      'TERN_PROFILE_FROZEN',
      `Edition ${profile.edition.number} is published: figures go into the next edition`,
    );
  if (profile.edition.status !== 'draft')
    throw new ProfileError(
      'TERN_PROFILE_TRANSITION_REFUSED',
      `Edition ${profile.edition.number} is ${profile.edition.status.replace('_', ' ')}: figures are added to a draft`,
    );
  const bad = figures.find((f) => !f.tern || !isTernSource(f.source));
  if (bad)
    throw new ProfileError('TERN_PROFILE_INVALID', `The figure ${bad._id} is not one Tern computed`, {
      issues: [{ path: `values.${bad._id}`, message: 'not a figure of Tern' }],
    });
  const ids = new Set(figures.map((f) => f._id));
  return { ...profile, values: [...profile.values.filter((v) => !ids.has(v._id)), ...figures] };
}
