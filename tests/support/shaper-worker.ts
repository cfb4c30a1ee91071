import { startShaper } from './link-shaper.ts';
import type { LinkProfile, LinkShaper, ShaperOptions } from './link-shaper.ts';
import type { ShaperReport } from './shaper-process.ts';
import { serveCalls } from './worker-rpc.ts';

// The link shaper in a process of its own (started by startShaperProcess in shaper-process.ts).
let shaper: LinkShaper | null = null;

serveCalls({
  async start(targetPort: number, profile: LinkProfile, opts: Omit<ShaperOptions, 'targetPort' | 'profile'>) {
    if (shaper) throw new Error('this worker already runs a shaper');
    shaper = await startShaper(targetPort, profile, opts);
    return shaper.port;
  },
  report(): ShaperReport {
    if (!shaper) throw new Error('no shaper started');
    return { stats: shaper.snapshot(), requests: [...shaper.requests], failures: [...shaper.failures] };
  },
  async close() {
    await shaper?.close();
    shaper = null;
  },
});
