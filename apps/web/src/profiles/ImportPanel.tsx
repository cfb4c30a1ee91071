import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  SECTION_IDS,
  importCsv,
  importSdmxCsv,
  importXlsx,
  isProfileError,
  sectionTitle,
} from '@tern/profiles';
import type { ProfileBody, Rejection, SectionId } from '@tern/profiles';
import type { Edit } from './EditionView.tsx';
import { newItemId } from './item-id.ts';
import { indicatorName } from './indicator-name.ts';
import { problemText } from './problem-text.ts';

type Format = 'sdmx' | 'long' | 'xlsx';

/** What was read of the file: text for the CSV layouts, bytes for a workbook. */
type Content = { text: string } | { bytes: Uint8Array };

/** Read a file into the edition with the core's all-or-nothing import; every refused line shown. */
function importInto(doc: ProfileBody, format: Format, content: Content, name: string) {
  const opts = { name, now: new Date() };
  if ('bytes' in content) return importXlsx(doc, content.bytes, opts);
  return format === 'sdmx' ? importSdmxCsv(doc, content.text, opts) : importCsv(doc, content.text, opts);
}

/** A workbook by its name or type: Excel's own, whatever the format chosen says. */
const isWorkbook = (f: File) =>
  /\.xlsx$/i.test(f.name) || f.type === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Import figures from SDMX-CSV, or the long layout as CSV or XLSX; optionally shown as a table in a section. */
export function ImportPanel(props: { doc: ProfileBody; edit: Edit; lang: string }) {
  const { t, i18n } = useTranslation('profiles');
  const [format, setFormat] = useState<Format>('sdmx');
  const [section, setSection] = useState<SectionId | ''>('');
  const [file, setFile] = useState<File | null>(null);
  const [rejected, setRejected] = useState<{ name: string; rows: Rejection[]; xlsx: boolean } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const run = async () => {
    if (!file) return;
    setRejected(null);
    setDone(null);
    setProblem(null);
    // A workbook chosen under a CSV format (or the reverse) is read as what it is.
    const asXlsx = format === 'xlsx' || isWorkbook(file);
    const content: Content = asXlsx
      ? { bytes: new Uint8Array(await file.arrayBuffer()) }
      : { text: await file.text() };
    let counts: { added: number; unchanged: number };
    let indicators: string[];
    try {
      const r = importInto(props.doc, format, content, file.name);
      counts = { added: r.added, unchanged: r.unchanged };
      const before = new Set(props.doc.values.map((v) => v._id));
      indicators = [...new Set(r.profile.values.filter((v) => !before.has(v._id)).map((v) => v.indicator))];
    } catch (e) {
      if (isProfileError(e, 'TERN_PROFILE_IMPORT_REJECTED'))
        setRejected({
          name: file.name,
          rows: (e.details?.rejected as Rejection[] | undefined) ?? [],
          xlsx: asXlsx,
        });
      else setProblem(problemText(e, t));
      return;
    }
    const ok = await props.edit((d) => {
      const p = importInto(d, format, content, file.name).profile;
      if (!section || indicators.length === 0) return p;
      const s = p.sections[section];
      const table = {
        _id: newItemId('t'),
        title: { [props.lang]: indicators.map(indicatorName).join(', ') },
        indicators,
        chart: 'line' as const,
      };
      return { ...p, sections: { ...p.sections, [section]: { ...s, tables: [...s.tables, table] } } };
    });
    if (ok) setDone(t('import.done', { added: counts.added, unchanged: counts.unchanged, name: file.name }));
  };

  return (
    <section className="profile-import" aria-labelledby="profile-import-title">
      <h4 id="profile-import-title">{t('import.title')}</h4>
      <label>
        {t('import.format')}{' '}
        <select value={format} onChange={(e) => setFormat(e.target.value as Format)}>
          <option value="sdmx">{t('import.sdmx')}</option>
          <option value="long">{t('import.long')}</option>
          <option value="xlsx">{t('import.xlsx')}</option>
        </select>
      </label>
      <label>
        {t('import.file')}{' '}
        <input
          type="file"
          accept={
            format === 'xlsx'
              ? '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
              : '.csv,text/csv'
          }
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </label>
      <label>
        {t('import.section')}{' '}
        <select value={section} onChange={(e) => setSection(e.target.value as SectionId | '')}>
          <option value="">{t('import.noTable')}</option>
          {SECTION_IDS.map((id) => (
            <option key={id} value={id}>
              {sectionTitle(id, i18n.language)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={!file} onClick={() => void run()}>
        {t('import.run')}
      </button>
      {done && <p role="status">{done}</p>}
      {problem && (
        <p role="alert" className="profile-problem">
          {problem}
        </p>
      )}
      {rejected && (
        <div role="alert" className="profile-problem" data-import-rejected>
          <p>{t('import.rejected', { name: rejected.name, n: rejected.rows.length })}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t(rejected.xlsx ? 'import.row' : 'import.line')}</th>
                <th scope="col">{t('import.column')}</th>
                <th scope="col">{t('import.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {rejected.rows.map((r, i) => (
                <tr key={i} data-rejected-line={r.line}>
                  <td>{r.line}</td>
                  <td>{r.column ?? ''}</td>
                  <td lang="en">{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
