import type { ProfileRole } from '@tern/profiles';

/** One country as `GET /api/profiles` lists it (apps/server/src/routes/profiles/profile-read-routes.ts). */
export interface CountrySummary {
  country: string;
  name: string;
  roles: ProfileRole[];
  editions: Array<{ number: number; status: string }>;
}

const rememberKey = (username: string) => `tern.profiles.${username}`;

/**
 * The countries the account may open: asked of the server when it answers, and remembered on this
 * device (country codes, roles and edition numbers only: no text, no comment) so the screen opens
 * offline with the right buttons; without either, the countries whose keys the account holds.
 */
export async function listCountries(username: string, keyed: readonly string[]): Promise<CountrySummary[]> {
  try {
    const res = await fetch('/api/profiles', { credentials: 'same-origin' });
    if (res.ok) {
      const { countries } = (await res.json()) as { countries: CountrySummary[] };
      localStorage.setItem(rememberKey(username), JSON.stringify(countries));
      return countries.filter((c) => keyed.includes(c.country));
    }
  } catch {
    // Offline: what this device remembers.
  }
  const kept = localStorage.getItem(rememberKey(username));
  const known = kept ? (JSON.parse(kept) as CountrySummary[]) : [];
  return keyed.map(
    (country) =>
      known.find((c) => c.country === country) ?? { country, name: country, roles: [], editions: [] },
  );
}
