import { createInterface } from 'node:readline/promises';
import { pathToFileURL } from 'node:url';
import type { TernStore } from '@tern/store';
import { Accounts } from '../auth/accounts.ts';
import { PasswordShape, UsernameShape } from '../auth/roles.ts';

/**
 * Create an admin account directly in the system database. The only way to make the first admin on a
 * real server: no HTTP route creates an account without an admin or data officer session.
 */
export async function createAdmin(store: TernStore, username: string, password: string): Promise<void> {
  const name = UsernameShape.safeParse(username);
  if (!name.success) throw new Error(name.error.issues[0]!.message);
  const pass = PasswordShape.safeParse(password);
  if (!pass.success) throw new Error(pass.error.issues[0]!.message);
  await new Accounts(store.system(), Date.now).create(
    { username, password, role: 'admin', missions: [] },
    'cli:create-admin',
  );
}

// Usage (server stopped: LevelDB allows one process):
//   TERN_DATA_DIR=… node --import tsx apps/server/src/cli/create-admin.ts <username>
// The password is read from TERN_ADMIN_PASSWORD or, when unset, from the first line of standard input.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const username = process.argv[2];
  if (!username) {
    console.error('usage: create-admin.ts <username>  (password from TERN_ADMIN_PASSWORD or stdin)');
    process.exit(2);
  }
  let password = process.env.TERN_ADMIN_PASSWORD;
  if (!password) {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
    process.stderr.write('Password for the new admin: ');
    for await (const line of rl) {
      password = line;
      break;
    }
    rl.close();
  }
  const { readConfig } = await import('../config.ts');
  const { openStore } = await import('../open-store.ts');
  const store = openStore(readConfig());
  try {
    await createAdmin(store, username, password ?? '');
    console.log(`admin ${username} created`);
  } catch (e) {
    console.error(`create-admin: ${(e as Error).message}`);
    process.exitCode = 1;
  } finally {
    await store.close();
  }
}
