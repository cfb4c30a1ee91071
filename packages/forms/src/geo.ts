/**
 * ODK geo answers: a point is `lat lon [altitude [accuracy]]` (decimal degrees, metres), a trace or a
 * shape is points joined by `;`. Distances and areas on a sphere of the WGS84 equatorial radius, as
 * ODK's `distance()` and `area()` do.
 */
export interface GeoPoint {
  lat: number;
  lon: number;
  alt?: number;
  acc?: number;
}

const R = 6_378_137;
const NUMBER = /^-?\d+(\.\d+)?$/;

export function parsePoint(s: string): GeoPoint | null {
  const parts = s.trim().split(/\s+/);
  if (parts.length < 2 || parts.length > 4 || !parts.every((p) => NUMBER.test(p))) return null;
  const [lat, lon, alt, acc] = parts.map(Number) as [number, number, number?, number?];
  if (lat < -90 || lat > 90 || lon < -180 || lon > 180) return null;
  if (acc !== undefined && acc < 0) return null;
  const p: GeoPoint = { lat, lon };
  if (alt !== undefined) p.alt = alt;
  if (acc !== undefined) p.acc = acc;
  return p;
}

/** Points of a trace or shape; null when any is not a point. */
export function parsePoints(s: string): GeoPoint[] | null {
  const parts = s
    .split(';')
    .map((x) => x.trim())
    .filter((x) => x !== '');
  const out: GeoPoint[] = [];
  for (const p of parts) {
    const q = parsePoint(p);
    if (!q) return null;
    out.push(q);
  }
  return out;
}

/** What is wrong with a geo answer of this type, or null. */
export function geoProblem(type: 'geopoint' | 'geotrace' | 'geoshape', v: string): string | null {
  if (type === 'geopoint')
    return parsePoint(v) ? null : 'Expected a place as "latitude longitude [altitude accuracy]"';
  const pts = parsePoints(v);
  if (!pts) return 'Expected places as "latitude longitude" separated by ;';
  if (type === 'geotrace') return pts.length >= 2 ? null : 'A line needs at least 2 points';
  if (pts.length < 4) return 'A shape needs at least 3 points and ends where it starts';
  const a = pts[0]!;
  const b = pts.at(-1)!;
  return a.lat === b.lat && a.lon === b.lon ? null : 'A shape ends on its first point';
}

const rad = (d: number): number => (d * Math.PI) / 180;

/** Great-circle distance in metres along the points (haversine). */
export function distance(pts: readonly GeoPoint[]): number {
  let total = 0;
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1]!;
    const b = pts[i]!;
    const h =
      Math.sin(rad(b.lat - a.lat) / 2) ** 2 +
      Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
    total += 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
  }
  return total;
}

/** Area in square metres of a closed shape on the sphere. */
export function area(pts: readonly GeoPoint[]): number {
  if (pts.length < 3) return 0;
  let sum = 0;
  for (let i = 0; i < pts.length; i++) {
    const a = pts[i]!;
    const b = pts[(i + 1) % pts.length]!;
    sum += rad(b.lon - a.lon) * (2 + Math.sin(rad(a.lat)) + Math.sin(rad(b.lat)));
  }
  return Math.abs((sum * R * R) / 2);
}
