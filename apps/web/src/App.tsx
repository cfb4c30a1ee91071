import { useCallback, useEffect, useState } from 'react';
import type { DocRow, TernDb } from './db.ts';
import { FormPage } from './form/FormPage.tsx';
import { RecordList } from './RecordList.tsx';
import { SyncPanel } from './SyncPanel.tsx';
import { deviceId, listRecords } from './records.ts';

function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

export function App(props: { db: TernDb; mission: string; updateReady: (() => void) | null }) {
  const { db, mission } = props;
  const [view, setView] = useState<'list' | 'new'>('list');
  const [rows, setRows] = useState<DocRow[] | null>(null);
  const [device, setDevice] = useState<string | null>(null);
  const online = useOnline();

  const refresh = useCallback(async () => setRows(await listRecords(db, mission)), [db, mission]);
  useEffect(() => {
    void refresh();
    void deviceId(db).then(setDevice);
  }, [db, refresh]);

  return (
    <div className="app">
      <header>
        <h1>Tern</h1>
        <span className="mission">Mission: {mission}</span>
        <span className={online ? 'online' : 'offline'} role="note">
          {online ? 'Online' : 'Offline — records are kept on this device'}
        </span>
      </header>
      {props.updateReady && (
        <div className="update" role="alert">
          A new version of Tern is ready. Save any open form first.{' '}
          <button type="button" onClick={props.updateReady}>
            Update now
          </button>
        </div>
      )}
      <main>
        {view === 'new' ? (
          <FormPage
            db={db}
            mission={mission}
            device={device}
            onDone={() => {
              void refresh();
              setView('list');
            }}
          />
        ) : (
          <>
            <div className="toolbar">
              <button type="button" onClick={() => setView('new')}>
                New record
              </button>
              {device && (
                <SyncPanel db={db} mission={mission} device={device} onDone={() => void refresh()} />
              )}
            </div>
            {rows === null ? <p>Loading…</p> : <RecordList rows={rows} />}
          </>
        )}
      </main>
    </div>
  );
}
