import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { openDb } from './db.ts';
import { registerServiceWorker } from './sw-update.ts';
import './styles.css';

const db = openDb();
const mission =
  new URLSearchParams(location.search).get('mission') ?? localStorage.getItem('tern.mission') ?? 'demo';
localStorage.setItem('tern.mission', mission);

let announceUpdate: ((activate: () => void) => void) | null = null;
registerServiceWorker((activate) => announceUpdate?.(activate));

function Root() {
  const [updateReady, setUpdateReady] = useState<(() => void) | null>(null);
  useEffect(() => {
    announceUpdate = (activate) => setUpdateReady(() => activate);
  }, []);
  return <App db={db} mission={mission} updateReady={updateReady} />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
