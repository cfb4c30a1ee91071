import { useTranslation } from 'react-i18next';
import { PageHeader } from '../app/PageHeader.tsx';
import { TABS, tabHash } from './admin-tabs.ts';
import type { Tab } from './admin-tabs.ts';
import { AccountsPanel } from './AccountsPanel.tsx';
import { AuditPanel } from './AuditPanel.tsx';
import { DevicesPanel } from './DevicesPanel.tsx';
import { FormsPanel } from './FormsPanel.tsx';
import { MissionsPanel } from './MissionsPanel.tsx';
import './admin-screens.css';

/** Tabs a data officer sees: the server lets them manage their missions' interviewers and devices. */
const OFFICER_TABS: readonly Tab[] = ['accounts', 'devices'];

/** The admin screens: one page, a tab per thing an admin manages (issue 16). */
export default function AdminScreens(props: {
  tab: Tab;
  username: string;
  role: string;
  missions: string[];
  onClose: () => void;
  onLock: () => void;
  onLogout: () => Promise<void>;
}) {
  const { t } = useTranslation('admin');
  const tabs = props.role === 'admin' ? TABS : OFFICER_TABS;
  const tab = tabs.includes(props.tab) ? props.tab : tabs[0]!;
  const isAdmin = props.role === 'admin';
  return (
    <div className="app admin-screens">
      <PageHeader
        title={t('title')}
        backLabel={t('back')}
        username={props.username}
        role={props.role}
        onClose={props.onClose}
        onLock={props.onLock}
        onLogout={props.onLogout}
      />
      <nav aria-label={t('tabs')} className="admin-tabs">
        {tabs.map((x) => (
          <a key={x} href={tabHash(x)} aria-current={x === tab ? 'page' : undefined}>
            {t(`tab.${x}`)}
          </a>
        ))}
      </nav>
      <main>
        {tab === 'accounts' && (
          <AccountsPanel isAdmin={isAdmin} myMissions={props.missions} me={props.username} />
        )}
        {tab === 'missions' && <MissionsPanel />}
        {tab === 'audit' && <AuditPanel />}
        {tab === 'forms' && <FormsPanel />}
        {tab === 'devices' && <DevicesPanel isAdmin={isAdmin} myMissions={props.missions} />}
      </main>
    </div>
  );
}
