import { useTranslation } from 'react-i18next';

export interface Problem {
  severity?: 'error' | 'warning' | undefined;
  sheet?: string;
  row?: number;
  column?: string;
  message: string;
}

/** Errors and warnings of an XLSForm, each with its sheet, row and column (row 0: the whole sheet). */
export function ProblemTable(props: { problems: readonly Problem[] }) {
  const { t } = useTranslation('publish');
  if (props.problems.length === 0) return null;
  return (
    <table aria-label={t('problems')} className="problems" tabIndex={0}>
      <thead>
        <tr>
          <th>{t('severity')}</th>
          <th>{t('sheet')}</th>
          <th>{t('row')}</th>
          <th>{t('column')}</th>
          <th>{t('problem')}</th>
        </tr>
      </thead>
      <tbody>
        {props.problems.map((p, i) => (
          <tr key={i} data-severity={p.severity ?? 'error'}>
            <td>{p.severity === 'warning' ? t('warning') : t('error')}</td>
            <td>{p.sheet ?? ''}</td>
            <td>{p.row ? p.row : ''}</td>
            <td>{p.column ?? ''}</td>
            <td>{p.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
