import { useSyncExternalStore } from 'react';
import { builtinForms, loadCaseForms, readyToCompile } from '@tern/forms';
import type { FormDefinition } from '@tern/forms';
import type { TernDb } from '../device/db.ts';
import { availableForms, refreshPublishedForms, retiredForms } from './published-forms.ts';

/**
 * Every form this device can fill, by `id@version`: the built-ins, plus the published forms it has
 * fetched (kept in IndexedDB for offline use). One Map, filled in place, so every screen reads the
 * same set without waiting.
 */
export const deviceForms: Map<string, FormDefinition> = new Map(builtinForms);

let version = 0;
const listeners = new Set<() => void>();
const changed = () => {
  version += 1;
  for (const l of listeners) l();
};
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
/**
 * Re-render when forms arrive (a screen drawn before the kept forms were read, or before a form's
 * regex() engine was fetched, shows them as soon as they are there). Returns a number that changes.
 */
export const useDeviceForms = (): number => useSyncExternalStore(subscribe, () => version);

/** Versions an admin retired: still in `deviceForms` (their records open), not offered for new ones. */
export const retiredDeviceForms: Set<string> = new Set();

/**
 * The forms to offer for a new record: every form on the device except the retired versions, and
 * `current` (a draft begun before its version was retired stays open and savable).
 */
export const offeredForms = (current?: string): Array<[string, FormDefinition]> =>
  [...deviceForms].filter(([key]) => key === current || !retiredDeviceForms.has(key));

/** The form a new record starts with: `wanted` unless retired or unknown, else the first offered one. */
export function newRecordForm(wanted: string): string {
  if (deviceForms.has(wanted) && !retiredDeviceForms.has(wanted)) return wanted;
  return offeredForms()[0]?.[0] ?? wanted;
}

/** Load the kept published forms; when online, fetch new ones first. Failures leave what is there. */
export async function loadDeviceForms(db: TernDb, online: boolean): Promise<void> {
  if (online) await refreshPublishedForms(db).catch(() => undefined);
  const forms = await availableForms(db);
  // The regex() engine is fetched only when a form on this device needs it (packages/forms).
  await Promise.all([...forms.values()].map(readyToCompile));
  for (const [key, def] of forms) deviceForms.set(key, def);
  const retired = await retiredForms(db);
  retiredDeviceForms.clear();
  for (const key of retired) retiredDeviceForms.add(key);
  changed();
}

/**
 * Bring the Screening and Assistance onto this device's list (decision 207): a chunk of their own,
 * precached by the service worker, fetched by the screens that show case records and when one of
 * them is chosen in "New record". The built-ins keep their place at the head of the list.
 */
export async function ensureCaseForms(): Promise<void> {
  await loadCaseForms();
  if ([...builtinForms.keys()].every((k) => deviceForms.has(k))) return;
  const others = [...deviceForms].filter(([key]) => !builtinForms.has(key));
  deviceForms.clear();
  for (const [key, def] of builtinForms) deviceForms.set(key, def);
  for (const [key, def] of others) deviceForms.set(key, def);
  changed();
}

/** A lazily loaded screen's module, with the case forms there before it renders. */
export const withCaseForms = <T>(screen: Promise<T>): Promise<T> =>
  Promise.all([screen, ensureCaseForms()]).then(([m]) => m);
