import { DIGEST_PATTERN } from '@tern/forms';
import type { WireDoc } from '@tern/sync';

/** A file of a media answer as it goes into an export zip. */
export interface ExportFile {
  /** `<form>/<case code or record id>/<question>-<n>.<ext>`, unique in the zip. */
  path: string;
  digest: string;
  record: string;
  /** Bytes, as the record's answer says (0 when it says nothing usable). */
  size: number;
}

const SAFE = /[^\p{L}\p{N}_.-]+/gu;
const safe = (s: string): string => s.replace(SAFE, '_').replace(/^\.+/, '_').slice(0, 80) || '_';

const EXT: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'audio/mpeg': 'mp3',
  'audio/ogg': 'ogg',
  'audio/webm': 'webm',
  'audio/wav': 'wav',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'application/pdf': 'pdf',
};

/** The file name's own extension when it has a plain one, else one for its media type, else `bin`. */
function extensionOf(name: unknown, mediaType: unknown): string {
  const own = typeof name === 'string' ? /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1] : undefined;
  if (own) return own.toLowerCase();
  return (typeof mediaType === 'string' && EXT[mediaType]) || 'bin';
}

/** Every media reference of a record's answers, with the question it answers, in answer order. */
function refsOf(answers: unknown, out: Array<{ question: string; ref: Record<string, unknown> }> = []) {
  if (!answers || typeof answers !== 'object' || Array.isArray(answers)) return out;
  for (const [question, v] of Object.entries(answers as Record<string, unknown>)) {
    if (isRef(v)) out.push({ question, ref: v });
    else if (Array.isArray(v)) for (const item of v) refsOf(item, out); // a repeat's instances
  }
  return out;
}

const isRef = (v: unknown): v is Record<string, unknown> =>
  !!v &&
  typeof v === 'object' &&
  typeof (v as { digest?: unknown }).digest === 'string' &&
  DIGEST_PATTERN.test((v as { digest: string }).digest);

/**
 * Where each file of the exported submissions goes in the zip (decision 142): a folder per form
 * (`door-photo-v1`), one per case (its human code) or per record without a case (its id), and the
 * question's name numbered from 1 in the order the answers hold them (a repeat gives several).
 */
export function exportFiles(docs: readonly WireDoc[], caseCodes: ReadonlyMap<string, string>): ExportFile[] {
  const out: ExportFile[] = [];
  const taken = new Set<string>();
  for (const d of docs) {
    const form = safe(String(d.form).replace('@', '-v'));
    const caseId = typeof d.caseId === 'string' ? d.caseId : undefined;
    const holder = safe((caseId && caseCodes.get(caseId)) || d._id.replace(/^sub:/, ''));
    const count = new Map<string, number>();
    for (const { question, ref } of refsOf(d.answers)) {
      const n = (count.get(question) ?? 0) + 1;
      count.set(question, n);
      const base = `${form}/${holder}/${safe(question)}-${n}`;
      const ext = extensionOf(ref.name, ref.mediaType);
      let path = `${base}.${ext}`;
      // Two records of one case can answer the same question: the later ones get a suffix.
      for (let i = 2; taken.has(path); i++) path = `${base}_${i}.${ext}`;
      taken.add(path);
      out.push({
        path,
        digest: ref.digest as string,
        record: d._id,
        size: typeof ref.size === 'number' && ref.size > 0 ? ref.size : 0,
      });
    }
  }
  return out;
}
