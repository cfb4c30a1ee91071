import { crc32, deflateRawSync } from 'node:zlib';
import * as XLSX from '@e965/xlsx';

/**
 * Hostile workbooks for tests: a real .xlsx whose parts are replaced or added, zipped again by hand
 * (so a part can be any size, compressed as Excel would).
 */
export function zipOf(parts: ReadonlyArray<[string, Uint8Array]>): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, data] of parts) {
    const nameBytes = new TextEncoder().encode(name);
    const body = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(8, 8, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, body.length, true);
    local.setUint32(22, data.length, true);
    local.setUint16(26, nameBytes.length, true);
    const dir = new DataView(new ArrayBuffer(46));
    dir.setUint32(0, 0x02014b50, true);
    dir.setUint16(4, 20, true);
    dir.setUint16(6, 20, true);
    dir.setUint16(10, 8, true);
    dir.setUint32(16, crc, true);
    dir.setUint32(20, body.length, true);
    dir.setUint32(24, data.length, true);
    dir.setUint16(28, nameBytes.length, true);
    dir.setUint32(42, offset, true);
    chunks.push(new Uint8Array(local.buffer), nameBytes, body);
    central.push(new Uint8Array(dir.buffer), nameBytes);
    offset += 30 + nameBytes.length + body.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, parts.length, true);
  end.setUint16(10, parts.length, true);
  end.setUint32(12, cdSize, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The parts of an .xlsx, with `replace` applied (name → new content). */
export function withParts(xlsx: Uint8Array, replace: Record<string, string | Uint8Array>): Uint8Array {
  const cfb = XLSX.CFB.read(xlsx, { type: 'array' });
  const parts: Array<[string, Uint8Array]> = [];
  cfb.FullPaths.forEach((path: string, i: number) => {
    const f = cfb.FileIndex[i]!;
    if (f.type !== 2 || path.includes('\u0001')) return;
    const name = path.replace(/^[^/]*\//, '');
    parts.push([name, new Uint8Array(f.content as ArrayLike<number>)]);
  });
  const names = new Set(parts.map((p) => p[0]));
  const enc = (v: string | Uint8Array) => (typeof v === 'string' ? new TextEncoder().encode(v) : v);
  const out = parts.map(([n, d]): [string, Uint8Array] => [n, n in replace ? enc(replace[n]!) : d]);
  for (const [n, v] of Object.entries(replace)) if (!names.has(n)) out.push([n, enc(v)]);
  return zipOf(out);
}
