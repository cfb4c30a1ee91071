import {
  AccountListResponse,
  AccountResponse,
  AuditPage,
  DeviceListResponse,
  DeviceResponse,
  FormListResponse,
  MissionListResponse,
  MissionResponse,
  RetireFormResponse,
  fetchJson,
} from '@tern/api';
import type { AuditEntry, PublicAccount, Role } from '@tern/api';

/** The admin screens' requests, each checked against the shared contract (@tern/api). */
const enc = encodeURIComponent;
export type { AuditEntry };
export interface AuditFilter {
  actor?: string;
  action?: string;
  mission?: string;
  from?: string;
  to?: string;
}

export const adminApi = {
  accounts: (mission?: string) =>
    fetchJson(`/api/users${mission ? `?mission=${enc(mission)}` : ''}`, { schema: AccountListResponse }),
  createAccount: (a: { username: string; password: string; role: Role; missions: string[] }) =>
    fetchJson('/api/users', { json: a, schema: AccountResponse }),
  updateAccount: (
    username: string,
    change: Partial<Pick<PublicAccount, 'disabled' | 'role' | 'missions'>> & { password?: string },
  ) => fetchJson(`/api/users/${enc(username)}`, { method: 'PATCH', json: change, schema: AccountResponse }),
  missions: () => fetchJson('/api/missions', { schema: MissionListResponse }),
  createMission: (id: string, name: string) =>
    fetchJson('/api/missions', { json: { id, ...(name ? { name } : {}) }, schema: MissionResponse }),
  renameMission: (id: string, name: string) =>
    fetchJson(`/api/missions/${enc(id)}`, { method: 'PATCH', json: { name }, schema: MissionResponse }),
  audit: (f: AuditFilter, cursor: string | null, limit = 25) => {
    const q = new URLSearchParams({ limit: String(limit) });
    for (const [k, v] of Object.entries(f)) if (v) q.set(k, v);
    if (cursor) q.set('cursor', cursor);
    return fetchJson(`/api/admin/audit?${q.toString()}`, { schema: AuditPage });
  },
  forms: () => fetchJson('/api/forms', { schema: FormListResponse }),
  form: (key: string) => fetchJson<unknown>(`/api/forms/${enc(key)}`),
  retireForm: (key: string) =>
    fetchJson(`/api/admin/forms/${enc(key)}/retire`, { method: 'POST', schema: RetireFormResponse }),
  devices: (mission: string) =>
    fetchJson(`/api/missions/${enc(mission)}/devices`, { schema: DeviceListResponse }),
  changeDevice: (mission: string, device: string, change: { name?: string; retired?: true }) =>
    fetchJson(`/api/missions/${enc(mission)}/devices/${enc(device)}`, {
      method: 'PATCH',
      json: change,
      schema: DeviceResponse,
    }),
};
