import { describe, expect, it } from 'vitest';
import { estimateSync } from './sync-estimate.ts';

const p = (pushedDocs: number, toPush: number, pushedBytes = 0, pulledDocs = 0) => ({
  pushedDocs,
  toPush,
  pushedBytes,
  pulledDocs,
  rejected: 0,
  requests: 1,
});

describe('sync progress estimate', () => {
  it('has no time left to show before the first batch', () => {
    expect(estimateSync(p(0, 40), 2000)).toMatchObject({
      sent: 0,
      total: 40,
      secondsLeft: null,
      bytesLeft: null,
    });
  });
  it('applies the pace so far to what is left', () => {
    expect(estimateSync(p(10, 30, 20_000, 5), 4000)).toEqual({
      sent: 10,
      total: 40,
      bytesSent: 20_000,
      bytesLeft: 60_000,
      received: 5,
      secondsLeft: 12,
    });
  });
  it('says nothing is left once everything is sent', () => {
    expect(estimateSync(p(40, 0, 1000), 9000).secondsLeft).toBe(0);
  });
});
