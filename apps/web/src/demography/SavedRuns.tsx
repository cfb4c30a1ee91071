import { useTranslation } from 'react-i18next';
import type { RunSummary } from '@tern/api';

/** The runs stored on the server, shared by every statistician: open one, or delete it. */
export function SavedRuns(props: {
  runs: RunSummary[];
  onOpen: (id: string) => void;
  onDelete: (id: string) => void;
}) {
  const { t, i18n } = useTranslation('demography');
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="demog-box" aria-label={t('saved.title')}>
      <h2>{t('saved.title')}</h2>
      {props.runs.length === 0 && <p>{t('saved.none')}</p>}
      <ul className="demog-saved">
        {props.runs.map((run) => (
          <li key={run.id} data-run={run.name}>
            <span>
              <strong>{run.name}</strong>{' '}
              {t('saved.about', {
                dataset: run.datasetName,
                n: run.spec.scenarios.length,
                by: run.createdBy,
                at: when.format(new Date(run.createdAt)),
              })}
            </span>
            <button type="button" onClick={() => props.onOpen(run.id)}>
              {t('saved.open')}
            </button>
            <button type="button" onClick={() => props.onDelete(run.id)}>
              {t('saved.delete')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
