import { useTranslation } from 'react-i18next';
import { asApiError, plainError } from '../i18n/plain-error.ts';

interface Rejected {
  file?: string;
  sheet?: string;
  row: number;
  column?: string;
  reason: string;
}

/**
 * A refusal in words, and for an import every rejected row: which file or sheet, which row and
 * column, and why (the package's reasons, in English: they quote the data).
 */
export function ProblemView(props: { error: unknown }) {
  const { t } = useTranslation('demography');
  const err = asApiError(props.error);
  const rejected = ((err.details as { rejected?: Rejected[] } | undefined)?.rejected ?? []).slice(0, 50);
  return (
    <div role="alert" className="error" data-demography-error={err.code}>
      <p>{plainError(props.error)}</p>
      {err.message && err.code && <p className="hint">{err.message}</p>}
      {rejected.length > 0 && (
        <div className="table-scroll">
          <table className="demog-table">
            <caption>{t('problems.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('problems.file')}</th>
                <th scope="col">{t('problems.row')}</th>
                <th scope="col">{t('problems.column')}</th>
                <th scope="col">{t('problems.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {rejected.map((r, k) => (
                <tr key={k} data-rejected-row={r.row}>
                  <td>{r.file ?? r.sheet ?? ''}</td>
                  <td>{r.row || ''}</td>
                  <td>{r.column ?? ''}</td>
                  <td className="reason">{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
