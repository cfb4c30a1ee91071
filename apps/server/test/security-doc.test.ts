import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../src/auth/permissions.ts';
import type { Action } from '../src/auth/authorize.ts';
import { ROLES } from '../src/auth/roles.ts';

describe('docs/security.md', () => {
  it('shows the permission table exactly as the code has it', () => {
    const doc = readFileSync(new URL('../../../docs/security.md', import.meta.url), 'utf8');
    const rows = new Map<string, string[]>();
    for (const line of doc.split('\n')) {
      const m = /^\| `([a-z.]+)`\s*\|(.*)\|\s*$/.exec(line);
      if (m && m[1]! in PERMISSIONS)
        rows.set(
          m[1]!,
          m[2]!.split('|').map((c) => c.trim()),
        );
    }
    for (const action of Object.keys(PERMISSIONS) as Action[]) {
      expect(rows.get(action), action).toEqual(ROLES.map((r) => PERMISSIONS[action][r]));
    }
  });
});
