import { useTranslation } from 'react-i18next';
import type { ResearchTableResponse } from '@tern/api';
import { formatDate } from '../i18n/i18n.ts';

type Fresh = Pick<ResearchTableResponse, 'asOf' | 'behind' | 'recreated'>;

/**
 * How fresh the numbers are (every research answer says): the as-of time, and a notice when some
 * missions are not caught up or the analytics store was rebuilt — never stale numbers without saying.
 */
export function Freshness(props: { fresh: Fresh }) {
  const { t } = useTranslation('research');
  const { asOf, behind, recreated } = props.fresh;
  return (
    <div className="research-freshness">
      <p data-as-of={asOf ?? ''}>
        {asOf ? t('freshness.asOf', { time: formatDate(asOf) }) : t('freshness.building')}
      </p>
      {behind.length > 0 && (
        <p role="alert" className="notice" data-behind={behind.join(' ')}>
          {t('freshness.behind', { missions: behind.join(', ') })}
        </p>
      )}
      {recreated && (
        <p role="alert" className="notice" data-recreated="">
          {t('freshness.recreated', { time: formatDate(recreated.at), reason: recreated.reason })}
        </p>
      )}
    </div>
  );
}
