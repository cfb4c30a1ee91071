import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEMOGRAPHY_KINDS } from '@tern/api';
import type { DatasetSummary, DemographyKind } from '@tern/api';
import { createDataset, fileBase64 } from './demography-api.ts';
import { ProblemView } from './ProblemView.tsx';

/** The kind a CSV file's name suggests (population.csv, demo_r_births.csv …), or population. */
export function guessKind(fileName: string): DemographyKind {
  const n = fileName.toLowerCase();
  return [...DEMOGRAPHY_KINDS].reverse().find((k) => n.includes(k)) ?? 'population';
}

/**
 * The shared data sets, and an upload: CSV files (one per kind, the kind guessed from the file name
 * and corrected here) or one XLSX workbook with a sheet per kind. The server runs the whole import
 * before storing anything; a refusal lists every problem with its file and row.
 */
export function DatasetPanel(props: {
  datasets: DatasetSummary[];
  selected: string | null;
  onSelect: (id: string) => void;
  onCreated: (d: DatasetSummary) => void;
}) {
  const { t } = useTranslation('demography');
  const id = useId();
  const [files, setFiles] = useState<Array<{ file: File; kind: DemographyKind }>>([]);
  const [name, setName] = useState('');
  const [years, setYears] = useState(1);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  // A new file input after each upload, so it no longer shows the files just stored.
  const [inputKey, setInputKey] = useState(0);

  const upload = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const xlsx = files.find((f) => /\.xlsx$/i.test(f.file.name));
      const body = xlsx
        ? { name: name.trim(), years, xlsx: await fileBase64(xlsx.file) }
        : {
            name: name.trim(),
            years,
            csv: Object.fromEntries(await Promise.all(files.map(async (f) => [f.kind, await f.file.text()]))),
          };
      const created = await createDataset(body as Parameters<typeof createDataset>[0]);
      setFiles([]);
      setName('');
      setInputKey((k) => k + 1);
      props.onCreated(created);
    } catch (e) {
      setProblem(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="demog-box" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('datasets.title')}</h2>
      {props.datasets.length === 0 ? (
        <p>{t('datasets.none')}</p>
      ) : (
        <label>
          {t('datasets.choose')}{' '}
          <select
            name="dataset"
            value={props.selected ?? ''}
            onChange={(e) => props.onSelect(e.target.value)}
          >
            {props.selected === null && <option value="">—</option>}
            {props.datasets.map((d) => (
              <option key={d.id} value={d.id}>
                {t('datasets.option', { name: d.name, n: d.states.length, time: d.time })}
              </option>
            ))}
          </select>
        </label>
      )}
      <details className="demog-upload">
        <summary>{t('datasets.upload')}</summary>
        <p className="hint">{t('datasets.uploadHint')}</p>
        <label>
          {t('datasets.name')}{' '}
          <input name="datasetName" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          {t('datasets.years')}{' '}
          <input
            type="number"
            name="periodYears"
            min={1}
            max={10}
            value={years}
            onChange={(e) => setYears(Number(e.target.value))}
          />
        </label>
        <label>
          {t('datasets.files')}{' '}
          <input
            key={inputKey}
            type="file"
            name="datasetFiles"
            multiple
            accept=".csv,.xlsx,text/csv"
            onChange={(e) =>
              setFiles([...(e.target.files ?? [])].map((file) => ({ file, kind: guessKind(file.name) })))
            }
          />
        </label>
        {files.length > 0 && (
          <ul className="demog-files">
            {files.map((f, k) => (
              <li key={f.file.name}>
                {f.file.name}{' '}
                {!/\.xlsx$/i.test(f.file.name) && (
                  <select
                    aria-label={t('datasets.kindOf', { file: f.file.name })}
                    value={f.kind}
                    onChange={(e) =>
                      setFiles(
                        files.map((x, i) => (i === k ? { ...x, kind: e.target.value as DemographyKind } : x)),
                      )
                    }
                  >
                    {DEMOGRAPHY_KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {t(`datasetKinds.${kind}`)}
                      </option>
                    ))}
                  </select>
                )}
              </li>
            ))}
          </ul>
        )}
        <button
          type="button"
          disabled={busy || files.length === 0 || name.trim() === ''}
          onClick={() => void upload()}
        >
          {busy ? t('datasets.checking') : t('datasets.send')}
        </button>
        {problem !== null && <ProblemView error={problem} />}
      </details>
    </section>
  );
}
