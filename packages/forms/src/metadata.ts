import type { FormDefinition, FormNode } from './definition.ts';
import type { Answers } from './evaluate-form.ts';

export interface DeviceFacts {
  /** ISO date-time now. */
  now: string;
  /** The device's calendar date, YYYY-MM-DD. */
  today: string;
  deviceid?: string | undefined;
  username?: string | undefined;
}

/**
 * XLSForm metadata the device fills (ODK's meaning): `start`, `today`, `deviceid` and `username` when
 * the form is opened (kept when a record is opened again), `end` each time it is saved. Only metadata
 * outside repeats is filled, as in ODK.
 */
export function fillMetadata(
  form: FormDefinition,
  answers: Answers,
  moment: 'open' | 'save',
  facts: DeviceFacts,
): Answers {
  let out = answers;
  const set = (name: string, v: string | undefined): void => {
    if (v === undefined || v === '') return;
    if (out === answers) out = { ...answers };
    out[name] = v;
  };
  const walk = (nodes: readonly FormNode[]): void => {
    for (const n of nodes) {
      if (n.type === 'group') walk(n.children);
      if (n.type !== 'metadata') continue;
      if (moment === 'save') {
        if (n.kind === 'end') set(n.name, facts.now);
        continue;
      }
      if (answers[n.name] !== undefined) continue;
      if (n.kind === 'start') set(n.name, facts.now);
      else if (n.kind === 'today') set(n.name, facts.today);
      else if (n.kind === 'deviceid') set(n.name, facts.deviceid);
      else if (n.kind === 'username') set(n.name, facts.username);
    }
  };
  walk(form.children);
  return out;
}
