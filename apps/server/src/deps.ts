import type { FigureSeal } from './profiles/tern-figures.ts';
import type { ServerStore } from '@tern/store';
import type { AuditLog } from './audit/audit-log.ts';
import type { Accounts } from './auth/accounts.ts';
import type { Authorize } from './auth/authorize.ts';
import type { Missions } from './auth/missions.ts';
import type { LoginThrottle } from './auth/login-throttle.ts';
import type { Sessions } from './auth/sessions.ts';
import type { FeedGate } from './feeds/feed-gate.ts';
import type { FormLookup } from './ingest/check-doc.ts';

/** What every route plugin is given: explicit dependencies, no globals (see docs/navigating-the-code.md). */
export interface ServerDeps {
  store: ServerStore;
  forms: FormLookup;
  missionExists: (mission: string) => boolean;
  authorize: Authorize;
  audit: AuditLog;
  accounts: Accounts;
  missions: Missions;
  sessions: Sessions;
  now: () => number;
  /** Set the session cookie with `Secure` (behind TLS). */
  cookieSecure: boolean;
  login: { max: number; timeWindowMs: number };
  /** Per-account slowing of login attempts (auth/login-throttle.ts). */
  loginThrottle: LoginThrottle;
  /** Open change feeds (longpolls), capped per account and in total. */
  feeds: FeedGate;
  /** A country's Migration Profile device key, base64 (profiles/profile-device-key.ts, decision 186). */
  profileDeviceKey: (country: string) => string;
  /** The seal of Tern's own figures in profiles (profiles/tern-figures.ts, decision 212). */
  profileFigureSeal: FigureSeal;
  /** The deepest JSON body accepted (json-body.ts). */
  jsonMaxDepth: number;
}
