import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../i18n/i18n.ts';
import { type LinkedCase, linkedCases } from './matching-api.ts';

/**
 * On a case: "this person also has a case in mission X" — mission, code and date, nothing else of
 * the other mission (decision 182). Asked of the server when online; offline, or when the server
 * refuses, nothing is shown (links never travel to devices).
 */
export function LinkedCases(props: { mission: string; caseId: string }) {
  const { t } = useTranslation('matching');
  const [links, setLinks] = useState<LinkedCase[]>([]);
  useEffect(() => {
    let live = true;
    linkedCases(props.mission, props.caseId).then(
      (l) => live && setLinks(l),
      () => live && setLinks([]),
    );
    return () => {
      live = false;
    };
  }, [props.mission, props.caseId]);
  if (links.length === 0) return null;
  return (
    <section className="linked-cases" aria-label={t('linkedTitle')}>
      <h3>{t('linkedTitle')}</h3>
      <ul>
        {links.map((l) => (
          <li key={`${l.mission}/${l.code}`} data-mission={l.mission}>
            {t('linkedCase', {
              mission: l.mission,
              code: l.code,
              date: formatDate(l.date, { dateStyle: 'medium' }),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
