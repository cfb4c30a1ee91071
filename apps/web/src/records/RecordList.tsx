import { useTranslation } from 'react-i18next';
import { formatDate } from '../i18n/i18n.ts';
import type { OpenRow } from '../device/doc-repository.ts';
import { ReviewNote } from '../conflicts/ReviewNote.tsx';

export function RecordList(props: { rows: OpenRow[]; onOpen?: (row: OpenRow) => void }) {
  const { t } = useTranslation('records');
  if (props.rows.length === 0) return <p className="empty">{t('empty')}</p>;
  return (
    <table className="records" aria-label={t('table')}>
      <thead>
        <tr>
          <th>{t('name')}</th>
          <th>{t('form')}</th>
          <th>{t('saved')}</th>
          <th>{t('state')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => {
          const answers = (r.body.answers ?? {}) as Record<string, unknown>;
          return (
            <tr key={r.id} data-id={r.id} data-rev={r.rev} data-state={r.syncState}>
              <td>
                {props.onOpen && r.syncState !== 'draft' ? (
                  <button type="button" className="open-record" onClick={() => props.onOpen!(r)}>
                    {String(answers.full_name ?? r.id)}
                  </button>
                ) : (
                  String(answers.full_name ?? r.id)
                )}
              </td>
              <td>{String(r.body.form ?? r.type)}</td>
              <td>{formatDate(r.updatedAt)}</td>
              <td>
                {t(`states.${r.syncState}`)}
                {r.rejection && (
                  <span className="rejection">
                    {' '}
                    — {r.rejection.reason} ({r.rejection.code})
                  </span>
                )}
                {r.review && (
                  <>
                    {' '}
                    <ReviewNote
                      review={r.review}
                      form={typeof r.body.form === 'string' ? r.body.form : null}
                    />
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
