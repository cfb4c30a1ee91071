import { useTranslation } from 'react-i18next';

/**
 * What an account that may not do research sees at the research address. The UI only hides: the
 * server refuses the research API to such an account as well (TERN_AUTH_FORBIDDEN).
 */
export default function ResearchRefused(props: { role: string; onClose: () => void }) {
  const { t } = useTranslation('research');
  const { t: tc } = useTranslation();
  return (
    <div className="app research-refused">
      <main>
        <h1>{t('refused.title')}</h1>
        <p role="alert" data-refused="">
          {t('refused.body', { role: tc(`roles.${props.role}`) })}
        </p>
        <button type="button" onClick={props.onClose}>
          {t('refused.back')}
        </button>
      </main>
    </div>
  );
}
