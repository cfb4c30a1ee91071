import { useState } from 'react';
import type { FormEvent } from 'react';
import type { TernDb } from './db.ts';
import { LoginRefused, logIn } from './session.ts';
import type { LoginResult } from './session.ts';

/**
 * Log in: online when the server answers, otherwise offline with the keys this device kept from an
 * earlier online login. `locked` names the account whose session was locked (idle or by hand).
 */
export function LoginView(props: { db: TernDb; locked: string | null; onLogin: (r: LoginResult) => void }) {
  const [username, setUsername] = useState(props.locked ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      const r = await logIn(props.db, username.trim(), password);
      setPassword('');
      props.onLogin(r);
    } catch (err) {
      setError(err instanceof LoginRefused ? err.message : `Login failed: ${(err as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="app">
      <header>
        <h1>Tern</h1>
      </header>
      <main>
        <form className="login" onSubmit={(e) => void submit(e)} aria-label="Log in">
          {props.locked && <p role="note">Locked. Log in again to continue; nothing was lost.</p>}
          <label htmlFor="login-username">Username</label>
          <input
            id="login-username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
          <label htmlFor="login-password">Password</label>
          <input
            id="login-password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
          <button type="submit" disabled={busy}>
            {busy ? 'Logging in…' : 'Log in'}
          </button>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <p className="hint">
            The first login on a device needs the network. After that you can log in offline on this device.
          </p>
        </form>
      </main>
    </div>
  );
}
