// A small Kenyan profile for this package's tests (pure: no file is read here).
import { type ProfileBody, newProfile } from './document/schema.ts';

export const AT = '2026-06-01T09:00:00.000Z';
/** The "current year" of the tests: 2026. */
export const NOW = new Date('2026-06-30T12:00:00Z');

export function kenyaProfile(over: Partial<ProfileBody> = {}): ProfileBody {
  const p = newProfile({
    country: 'KEN',
    title: { en: 'Migration in Kenya: a country profile', fr: 'Migration au Kenya : profil de pays' },
    languages: ['en', 'fr'],
    by: 'wanjiru',
    at: AT,
    device: 'dev-1',
  });
  return { ...p, ...over };
}
