/**
 * The route families of the volume run (issue 19): each route of the app (`METHOD /path`, as the
 * hostile suite's route table lists it) belongs to the first family whose pattern it matches. A route
 * in no family fails the run: a new route is fuzzed at volume from day one.
 */
export const FAMILIES = {
  'compact sync door': /^\S+ \/api\/sync\//,
  'CouchDB door': /^\S+ \/couch(\/|$)/,
  // An admin settling a profile edition's conflict (decision 213) is fuzzed with the profile routes,
  // before the admin family would take it.
  'profile conflicts': /^\S+ \/api\/admin\/profile-conflicts(\/|$)/,
  auth: /^\S+ \/api\/(auth|users)(\/|$)/,
  exports: /^\S+ \/api\/(missions\/:mission\/export|research\/table\/export|research\/ctdc-export)$/,
  forms: /^\S+ \/api\/(forms|admin\/forms)(\/|$)/,
  research: /^\S+ \/api\/(research|demography)\//,
  admin: /^\S+ \/api\/(admin|missions|health|ready)(\/|$)/,
  // Migration Profiles (issue 15): the profile sync door, its reads, and the public profile pages.
  profiles: /^\S+ \/(api\/)?profiles(\/|$)/,
  // The mission relay (decision 194): headquarters' account list for relays, a relay's status.
  relay: /^\S+ \/(api\/)?relay(\/|$)/,
} as const;

export type Family = keyof typeof FAMILIES;

export function familyOf(route: string): Family | undefined {
  return (Object.keys(FAMILIES) as Family[]).find((f) => FAMILIES[f].test(route));
}

/** Routes per family; throws when a route belongs to none. */
export function routesByFamily(routes: string[]): Map<Family, string[]> {
  const out = new Map<Family, string[]>();
  const homeless = routes.filter((r) => !familyOf(r));
  if (homeless.length)
    throw new Error(`routes in no fuzz family (tests/fuzz/families.ts): ${homeless.join(', ')}`);
  for (const r of routes) {
    const f = familyOf(r)!;
    out.set(f, [...(out.get(f) ?? []), r]);
  }
  return out;
}
