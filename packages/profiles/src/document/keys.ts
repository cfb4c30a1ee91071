// Deterministic keys (decision 130): a value's `_id` is made from what it is (indicator, year, source),
// so two devices that import the same figure offline make the same item, and the three-way merge
// (packages/sync/src/three-way-merge.ts) meets it as one item, not two.

/** 32-bit FNV-1a of a string, as 8 hex digits: keys stay short whatever the source's name. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

const slug = (text: string) =>
  text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);

/** `immigration:2020:eurostat-migr-imm1ctz-1f0c9a2b`: readable, and unique per source string. */
export const valueKey = (indicator: string, year: number, source: string): string =>
  `${indicator}:${year}:${slug(source) || 'source'}-${fnv1a(source)}`;

/** The document id of a country's edition: `profile:KEN:2`. */
export const profileDocId = (country: string, edition: number): string => `profile:${country}:${edition}`;

/** What an item id may hold: safe inside a merge path's `[id]`. */
export const ITEM_ID = /^[A-Za-z0-9:._~-]{1,120}$/;
