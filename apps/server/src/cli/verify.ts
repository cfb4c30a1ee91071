import { pathToFileURL } from 'node:url';
import { describe, verifyBackup } from '../backup/verify-backup.ts';

// Usage: npm run verify-backup -- <backup folder>. Exit 0 when sound, 1 with every problem listed.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const folder = process.argv[2];
  if (!folder) {
    console.error('usage: verify.ts <backup folder>');
    process.exit(2);
  }
  const v = await verifyBackup(folder);
  if (v.ok) {
    const docs = v.manifest.databases.reduce((n, d) => n + d.docs, 0);
    console.log(
      `verify: sound: ${v.manifest.databases.length} databases, ${docs} documents, made ${v.manifest.createdAt}`,
    );
  } else {
    console.error(`verify: the backup in ${folder} is damaged:`);
    for (const p of v.problems) console.error(`  ${describe(p)}`);
    process.exitCode = 1;
  }
}
