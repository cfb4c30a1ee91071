/**
 * The `type` column of the survey sheet, with the aliases pyxform accepts (`select one from x`,
 * `select all that apply x`, `add integer prompt`, `location`, `trigger`…). Each row is a question Tern
 * takes over, metadata the device fills, a structural row, or a row Tern leaves out (a warning) or
 * cannot take (an error) — said in plain words.
 */
export type SimpleType =
  | 'text'
  | 'integer'
  | 'decimal'
  | 'date'
  | 'time'
  | 'datetime'
  | 'geopoint'
  | 'geotrace'
  | 'geoshape'
  | 'note'
  | 'calculate'
  | 'hidden'
  | 'acknowledge'
  | 'range'
  | 'country';

export type MediaKind = 'image' | 'audio' | 'video' | 'file';

export type MetadataKind = 'start' | 'end' | 'today' | 'deviceid' | 'username';

export type RowType =
  | { kind: 'begin'; what: 'group' | 'repeat' }
  | { kind: 'end'; what: 'group' | 'repeat' }
  | { kind: 'question'; type: SimpleType; warning?: string }
  | {
      kind: 'select';
      type: 'select_one' | 'select_multiple' | 'rank';
      list: string;
      orOther: boolean;
      /** The attached CSV the choices come from (select_one_from_file); `list` is then its file name. */
      file?: string;
    }
  | { kind: 'metadata'; meta: MetadataKind }
  | { kind: 'media'; accept: MediaKind; signature: boolean }
  | { kind: 'ignored'; message: string }
  | { kind: 'refused'; message: string };

const SIMPLE: Record<string, SimpleType> = {
  text: 'text',
  string: 'text',
  integer: 'integer',
  int: 'integer',
  decimal: 'decimal',
  date: 'date',
  time: 'time',
  datetime: 'datetime',
  geopoint: 'geopoint',
  location: 'geopoint',
  gps: 'geopoint',
  geotrace: 'geotrace',
  geoshape: 'geoshape',
  note: 'note',
  calculate: 'calculate',
  hidden: 'hidden',
  acknowledge: 'acknowledge',
  trigger: 'acknowledge',
  range: 'range',
  country: 'country',
};

const METADATA: Record<string, MetadataKind> = {
  start: 'start',
  end: 'end',
  today: 'today',
  deviceid: 'deviceid',
  imei: 'deviceid',
  username: 'username',
};

/** Metadata a browser cannot know or Tern does not keep: left out, with a warning. */
const IGNORED_METADATA = new Set([
  'phonenumber',
  'simserial',
  'subscriberid',
  'email',
  'uri:email',
  'uri:phonenumber',
  'uri:subscriberid',
  'uri:simserial',
  'uri:deviceid',
  'uri:username',
  'audit',
  'start-geopoint',
  'background-audio',
  'background-geopoint',
]);

/** pyxform's media types and aliases; a signature is an image drawn, here an image with that appearance. */
const MEDIA: Record<string, MediaKind> = {
  image: 'image',
  photo: 'image',
  picture: 'image',
  signature: 'image',
  audio: 'audio',
  video: 'video',
  file: 'file',
};

const SELECT =
  /^(select_one|select one from|select one|select1|add select one prompt using|select_multiple|select all that apply from|select all that apply|select multiple|add select multiple prompt using|rank)\s+(\S+)(?:\s+(\S+))?$/i;
const FROM_FILE =
  /^(select_one_from_file|select_multiple_from_file|select one from file|select multiple from file)\s+(\S+)/i;

export function parseType(raw: string): RowType {
  const type = raw.trim().replace(/\s+/g, ' ');
  const lower = type.toLowerCase();
  const struct = /^(begin|end)[ _](group|repeat|lgroup|looped group|loop)\b/.exec(lower);
  if (struct) {
    if (struct[2] === 'loop')
      return {
        kind: 'refused',
        message: '"begin loop" (a group repeated over a choice list) is not supported',
      };
    return { kind: struct[1] as 'begin' | 'end', what: struct[2] === 'group' ? 'group' : 'repeat' };
  }
  const file = FROM_FILE.exec(type);
  if (file) {
    const name = file[2]!;
    const kw = file[1]!.toLowerCase();
    if (!/\.csv$/i.test(name))
      return {
        kind: 'refused',
        message: `Choices from ${name}: Tern reads choices from an attached .csv file only (not XML or GeoJSON). Save the list as CSV with name and label columns`,
      };
    const t = kw.includes('one') ? 'select_one' : 'select_multiple';
    return { kind: 'select', type: t, list: name, orOther: false, file: name };
  }
  const sel = SELECT.exec(type);
  if (sel) {
    const kw = sel[1]!.toLowerCase();
    const t = kw === 'rank' ? 'rank' : /one|select1/.test(kw) ? 'select_one' : 'select_multiple';
    const extra = sel[3];
    if (extra !== undefined && extra.toLowerCase() !== 'or_other')
      return { kind: 'refused', message: `"${type}": "${extra}" after the list name is not understood` };
    return { kind: 'select', type: t, list: sel[2]!, orOther: extra !== undefined };
  }
  if (/^(select_one|select_multiple|select one|select all that apply|rank)$/.test(lower))
    return { kind: 'refused', message: `${type} needs a choice list name, as "${type} yes_no"` };
  if (/^select_(one|multiple)_external\b/.test(lower))
    return { kind: 'refused', message: `${type} (choices from an external file) is not supported` };
  const prompt = /^add (.+) prompt$/.exec(lower)?.[1];
  const word = prompt === 'location' ? 'geopoint' : (prompt ?? lower);
  if (word === 'barcode')
    return {
      kind: 'question',
      type: 'text',
      warning: 'barcode is asked as text: the code is typed in (Tern does not scan)',
    };
  if (SIMPLE[word]) return { kind: 'question', type: SIMPLE[word] };
  if (METADATA[word]) return { kind: 'metadata', meta: METADATA[word] };
  if (IGNORED_METADATA.has(word))
    return {
      kind: 'ignored',
      message: `${type} is not recorded by Tern (a browser cannot read it); row left out`,
    };
  if (Object.hasOwn(MEDIA, word))
    return { kind: 'media', accept: MEDIA[word]!, signature: word === 'signature' };
  if (word === 'xml-external' || word === 'csv-external')
    return { kind: 'refused', message: `${type} (an attached data file) is not supported yet` };
  return { kind: 'refused', message: `Question type "${type}" is not an XLSForm type Tern knows` };
}
