import { describe, expect, it } from 'vitest';
import { estimateSync } from './sync-estimate.ts';

const p = (pushedDocs: number, toPush: number, pushedBytes = 0, pulledDocs = 0) => ({
  pushedDocs,
  toPush,
  pushedBytes,
  pulledDocs,
  rejected: 0,
  requests: 1,
  phase: 'idle' as const,
  sendingDocs: 0,
  sendingBytes: 0,
  receivingDocs: 0,
  receivedBytes: 0,
  storingDocs: 0,
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
      receivedBytes: 0,
      phase: 'idle',
      sending: 0,
      sendingBytes: 0,
      storing: 0,
      storingOf: 0,
      secondsLeft: 12,
    });
  });
  it('counts the records of an answer still arriving with those already stored', () => {
    const streaming = {
      ...p(2, 0, 1500, 300),
      phase: 'receive' as const,
      receivingDocs: 207,
      receivedBytes: 480_000,
    };
    // The answer has begun, so the server holds the two records sent.
    expect(estimateSync(streaming, 3000)).toMatchObject({
      sent: 2,
      total: 2,
      received: 507,
      receivedBytes: 480_000,
      phase: 'receive',
    });
  });
  it('counts a batch in flight as sent only once its answer begins', () => {
    const sending = { ...p(0, 2), phase: 'send' as const, sendingDocs: 2, sendingBytes: 800 };
    expect(estimateSync(sending, 500)).toMatchObject({ sent: 0, total: 2, sending: 2, sendingBytes: 800 });
    expect(
      estimateSync({ ...sending, phase: 'store', receivingDocs: 10, storingDocs: 4 }, 900),
    ).toMatchObject({
      sent: 2,
      total: 2,
      bytesSent: 800,
      storing: 4,
      storingOf: 10,
    });
  });
  it('says nothing is left once everything is sent', () => {
    expect(estimateSync(p(40, 0, 1000), 9000).secondsLeft).toBe(0);
  });
});
