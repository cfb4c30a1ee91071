import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SECTION_IDS, importCsv, importSdmxCsv, isProfileError, sectionTitle } from '@tern/profiles';
import type { ProfileBody, Rejection, SectionId } from '@tern/profiles';
import type { Edit } from './EditionView.tsx';
import { newItemId } from './item-id.ts';
import { indicatorName } from './indicator-name.ts';
import { problemText } from './problem-text.ts';

type Format = 'sdmx' | 'long';

/** Read a file into the edition with the core's all-or-nothing import; every refused line shown. */
function importInto(doc: ProfileBody, format: Format, text: string, name: string) {
  const opts = { name, now: new Date() };
  return format === 'sdmx' ? importSdmxCsv(doc, text, opts) : importCsv(doc, text, opts);
}

/** Import figures from SDMX-CSV or the long CSV layout; optionally shown as a table in a section. */
export function ImportPanel(props: { doc: ProfileBody; edit: Edit; lang: string }) {
  const { t, i18n } = useTranslation('profiles');
  const [format, setFormat] = useState<Format>('sdmx');
  const [section, setSection] = useState<SectionId | ''>('');
  const [file, setFile] = useState<File | null>(null);
  const [rejected, setRejected] = useState<{ name: string; rows: Rejection[] } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const run = async () => {
    if (!file) return;
    setRejected(null);
    setDone(null);
    setProblem(null);
    const text = await file.text();
    let counts: { added: number; unchanged: number };
    let indicators: string[];
    try {
      const r = importInto(props.doc, format, text, file.name);
      counts = { added: r.added, unchanged: r.unchanged };
      const before = new Set(props.doc.values.map((v) => v._id));
      indicators = [...new Set(r.profile.values.filter((v) => !before.has(v._id)).map((v) => v.indicator))];
    } catch (e) {
      if (isProfileError(e, 'TERN_PROFILE_IMPORT_REJECTED'))
        setRejected({ name: file.name, rows: (e.details?.rejected as Rejection[] | undefined) ?? [] });
      else setProblem(problemText(e, t));
      return;
    }
    const ok = await props.edit((d) => {
      const p = importInto(d, format, text, file.name).profile;
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
        </select>
      </label>
      <label>
        {t('import.file')}{' '}
        <input type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
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
                <th scope="col">{t('import.line')}</th>
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
