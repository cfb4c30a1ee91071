import { inflateRawSync } from 'node:zlib';
import type { Problems } from './problem.ts';

/**
 * Limits read from an .xlsx before any spreadsheet parser sees it (an .xlsx is a zip). A hostile file
 * is small compressed and huge inside: 20 million shared strings in 827 KB, 10 million cells in
 * 574 KB. The central directory gives each part's size; the parts a parser would read in full (the
 * sheets and the shared strings) are inflated here with a cap — sizes in a zip can lie — and their
 * cells and strings are counted. Every XML part is inflated under one total cap.
 */
export const ZIP_LIMITS = {
  maxEntries: 500,
  /** Per part, inflated. A 5,000-row form sheet is a few MB of XML. */
  maxPartBytes: 40 * 1024 * 1024,
  /** All the parts read, inflated. */
  maxTotalBytes: 80 * 1024 * 1024,
  /** Cells holding a value, in all sheets. A large real form has under 100,000. */
  maxCells: 400_000,
  maxSharedStrings: 400_000,
} as const;

interface Entry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  offset: number;
}

const u16 = (b: Uint8Array, i: number): number => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number): number => (u16(b, i) | (u16(b, i + 2) << 16)) >>> 0;

function entries(b: Uint8Array): Entry[] | string {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65_535); i--)
    if (u32(b, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return 'The file is not a complete .xlsx (its zip directory is missing)';
  const count = u16(b, eocd + 10);
  const cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff)
    return 'The workbook is a ZIP64 archive; a form workbook never needs one';
  if (count > ZIP_LIMITS.maxEntries)
    return `The workbook holds ${count} parts; at most ${ZIP_LIMITS.maxEntries} are accepted`;
  const out: Entry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) return 'The workbook’s zip directory is damaged';
    const nameLen = u16(b, p + 28);
    const name = new TextDecoder().decode(b.subarray(p + 46, p + 46 + nameLen));
    out.push({
      name,
      method: u16(b, p + 10),
      compressed: u32(b, p + 20),
      size: u32(b, p + 24),
      offset: u32(b, p + 42),
    });
    p += 46 + nameLen + u16(b, p + 30) + u16(b, p + 32);
  }
  return out;
}

function inflate(b: Uint8Array, e: Entry, cap: number): Uint8Array | string {
  const local = e.offset;
  if (local + 30 > b.length || u32(b, local) !== 0x04034b50) return `The workbook part ${e.name} is damaged`;
  const start = local + 30 + u16(b, local + 26) + u16(b, local + 28);
  const data = b.subarray(start, start + e.compressed);
  if (e.method === 0) return data.length > cap ? `too big` : data;
  if (e.method !== 8) return `The workbook part ${e.name} uses a compression Excel does not write`;
  try {
    return inflateRawSync(data, { maxOutputLength: cap }) as Uint8Array;
  } catch (err) {
    return (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE'
      ? 'too big'
      : `The workbook part ${e.name} is damaged`;
  }
}

/** Occurrences of `<tag>` or `<tag ` (or `<tag/>`) in XML bytes, counted without decoding them. */
function countTag(xml: Uint8Array, tag: string): number {
  const t = new TextEncoder().encode(`<${tag}`);
  let n = 0;
  outer: for (
    let i = xml.indexOf(t[0]!);
    i >= 0 && i + t.length < xml.length;
    i = xml.indexOf(t[0]!, i + 1)
  ) {
    for (let j = 1; j < t.length; j++) if (xml[i + j] !== t[j]) continue outer;
    const after = xml[i + t.length];
    if (after === 0x3e || after === 0x20 || after === 0x2f) n++;
  }
  return n;
}

const mb = (n: number): string => `${Math.round(n / 1024 / 1024)} MB`;

/** Check an .xlsx's parts; false (with an error) when it must not be parsed. */
export function checkXlsxZip(b: Uint8Array, problems: Problems): boolean {
  const list = entries(b);
  if (typeof list === 'string') {
    problems.error('', 0, list);
    return false;
  }
  if (!list.some((e) => e.name === 'xl/workbook.xml')) {
    const ods = list.some((e) => e.name === 'content.xml');
    problems.error(
      '',
      0,
      ods
        ? 'OpenDocument spreadsheets (.ods) are not accepted: save the form as .xlsx and upload it again'
        : 'The file is a zip archive but not an Excel workbook: save the form as .xlsx and upload it again',
    );
    return false;
  }
  let total = 0;
  let cells = 0;
  for (const e of list) {
    const sheet = /^xl\/worksheets\/[^/]+\.xml$/.test(e.name);
    const strings = e.name === 'xl/sharedStrings.xml';
    // Every XML part a parser may read counts (comments, styles, relationships); pictures are not read.
    if (!/\.(xml|rels|vml)$/i.test(e.name)) continue;
    const xml = inflate(b, e, Math.min(ZIP_LIMITS.maxPartBytes, ZIP_LIMITS.maxTotalBytes - total + 1));
    if (xml === 'too big') {
      problems.error(
        '',
        0,
        `The workbook part ${e.name} unpacks to more than ${mb(Math.min(ZIP_LIMITS.maxPartBytes, ZIP_LIMITS.maxTotalBytes - total))}; a form's workbook is a few MB. It is refused unread`,
      );
      return false;
    }
    if (typeof xml === 'string') {
      problems.error('', 0, xml);
      return false;
    }
    total += xml.length;
    if (strings) {
      const n = countTag(xml, 'si');
      if (n > ZIP_LIMITS.maxSharedStrings) {
        problems.error(
          '',
          0,
          `The workbook holds ${n} distinct texts; at most ${ZIP_LIMITS.maxSharedStrings} are accepted. It is refused unread`,
        );
        return false;
      }
    }
    // A cell with a value has one <v> (or an inline <is>); formatted empty cells have neither.
    if (sheet) cells += countTag(xml, 'v') + countTag(xml, 'is');
    if (cells > ZIP_LIMITS.maxCells) {
      problems.error(
        '',
        0,
        `The workbook has more than ${ZIP_LIMITS.maxCells} filled cells; a form has far fewer. It is refused unread`,
      );
      return false;
    }
  }
  return true;
}
