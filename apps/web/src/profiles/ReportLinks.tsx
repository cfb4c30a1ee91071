import { useTranslation } from 'react-i18next';
import type { ProfileBody } from '@tern/profiles';
import { LANGUAGES } from '../i18n/i18n.ts';

/**
 * The printable report of a published edition, in the five languages, and its figures with their
 * sources (decision 187): the public page renders the core's report model (A4 print styles, contents,
 * sources as footnotes, Arabic right to left) under a policy that lets its own styles apply, which the
 * app shell's does not, so the UI links there rather than drawing the report a second time.
 */
export function ReportLinks(props: { doc: ProfileBody }) {
  const { t } = useTranslation('profiles');
  const { country, edition } = props.doc;
  if (edition.status !== 'published') {
    // A preview of the edition as the server holds it (decision 214): behind login, marked draft.
    const preview = `/api/profiles/${encodeURIComponent(country)}/editions/${edition.number}/preview`;
    return (
      <nav className="profile-report" aria-label={t('report.previewTitle')}>
        <h4>{t('report.previewTitle')}</h4>
        <p className="hint profile-report-note">{t('report.afterPublication')}</p>
        <p className="hint">{t('report.previewNote')}</p>
        <ul>
          {LANGUAGES.map((l) => (
            <li key={l.code}>
              <a
                href={`${preview}?lang=${l.code}`}
                target="_blank"
                rel="noopener"
                hrefLang={l.code}
                data-preview-lang={l.code}
              >
                {t('report.preview', { language: l.name })}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    );
  }
  const base = `/profiles/${encodeURIComponent(country)}`;
  return (
    <nav className="profile-report" aria-label={t('report.title')}>
      <h4>{t('report.title')}</h4>
      <p className="hint">{t('report.howToPrint')}</p>
      <ul>
        {LANGUAGES.map((l) => (
          <li key={l.code}>
            <a
              href={`${base}?edition=${edition.number}&lang=${l.code}`}
              target="_blank"
              rel="noopener"
              hrefLang={l.code}
              data-report-lang={l.code}
            >
              {t('report.open', { language: l.name })}
            </a>
          </li>
        ))}
        <li>
          <a href={`${base}/figures.csv?edition=${edition.number}`} download>
            {t('report.csv')}
          </a>
        </li>
        <li>
          <a href={`${base}/figures.xlsx?edition=${edition.number}`} download>
            {t('report.xlsx')}
          </a>
        </li>
      </ul>
    </nav>
  );
}
