import { useTranslation } from 'react-i18next';
import { sideBySide } from '@tern/profiles';
import type { ProfileBody } from '@tern/profiles';
import { formatNumber } from '../i18n/i18n.ts';
import { indicatorName } from './indicator-name.ts';

/** Every indicator and year with each source's figure side by side; disagreements beyond tolerance flagged. */
export function SourcesTable(props: { doc: ProfileBody }) {
  const { t } = useTranslation('profiles');
  const cells = sideBySide(props.doc);
  const flagged = cells.filter((c) => c.disagrees).length;
  return (
    <section className="profile-sources" aria-labelledby="profile-sources-title">
      <h4 id="profile-sources-title">{t('sources.title')}</h4>
      {cells.length === 0 ? (
        <p className="hint">{t('sources.none')}</p>
      ) : (
        <>
          <p role="note" data-disagreements={flagged}>
            {flagged ? t('sources.flagged', { n: flagged }) : t('sources.agree')}
          </p>
          <div className="profile-scroll">
            {/* A table scrolls sideways in its own box on a phone (app styles): the keyboard reaches it. */}
            <table tabIndex={0} aria-labelledby="profile-sources-title">
              <thead>
                <tr>
                  <th scope="col">{t('sources.indicator')}</th>
                  <th scope="col">{t('sources.year')}</th>
                  <th scope="col">{t('sources.values')}</th>
                  <th scope="col">{t('sources.spread')}</th>
                </tr>
              </thead>
              <tbody>
                {cells.map((c) => (
                  <tr
                    key={`${c.indicator}:${c.year}`}
                    data-cell={`${c.indicator}:${c.year}`}
                    data-disagrees={c.disagrees ? 'yes' : 'no'}
                    className={c.disagrees ? 'disagrees' : undefined}
                  >
                    <th scope="row">{indicatorName(c.indicator)}</th>
                    <td>{c.year}</td>
                    <td>
                      <ul>
                        {c.values.map((v) => (
                          <li key={v._id} data-source={v.source}>
                            {formatNumber(v.value)} {v.unit} — {v.source}
                            <span className="hint"> ({v.reliability})</span>
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      {c.values.length > 1 ? `${formatNumber(Math.round(c.spread * 1000) / 10)} %` : '—'}
                      {c.disagrees && (
                        <strong className="profile-flag">
                          {' '}
                          {t('sources.disagree', { tolerance: formatNumber(c.tolerance * 100) })}
                        </strong>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
