import { describe, expect, it } from 'vitest';
import { readRelayConfig } from './relay-config.ts';

const full = {
  TERN_UPSTREAM: 'https://hq.example.org/',
  TERN_RELAY_USER: 'relay-office',
  TERN_RELAY_PASSWORD: 'a long relay password',
};

describe('relay mode from the environment', () => {
  it('is off without TERN_UPSTREAM', () => {
    expect(readRelayConfig({}, ['demo'])).toBeNull();
    expect(readRelayConfig({ TERN_UPSTREAM: '  ' }, ['demo'])).toBeNull();
  });

  it('reads a full configuration, with the defaults', () => {
    const c = readRelayConfig(full, ['demo', 'north'])!;
    expect(c).toMatchObject({
      upstream: 'https://hq.example.org',
      username: 'relay-office',
      missions: ['demo', 'north'],
      intervalMs: 30_000,
      requestTimeoutMs: 120_000,
      refusedRetryMs: 60_000,
    });
    expect(readRelayConfig({ ...full, TERN_RELAY_RETRY_S: '5' }, ['demo'])!.refusedRetryMs).toBe(5000);
    // Files per pass (decision 230): 8 MB unless set; fractions allowed for a very thin link.
    expect(readRelayConfig(full, ['demo'])!.filesBudgetBytes).toBe(8 * 1024 * 1024);
    expect(readRelayConfig({ ...full, TERN_RELAY_FILES_MB: '0.5' }, ['demo'])!.filesBudgetBytes).toBe(
      512 * 1024,
    );
  });

  it.each([
    [{ ...full, TERN_UPSTREAM: 'hq.example.org' }, ['demo'], /TERN_UPSTREAM must be headquarters' URL/],
    [{ ...full, TERN_UPSTREAM: 'ftp://hq.example.org' }, ['demo'], /must be an http\(s\) URL/],
    [{ ...full, TERN_UPSTREAM: 'https://u:p@hq.example.org' }, ['demo'], /must not carry credentials/],
    [{ ...full, TERN_RELAY_PASSWORD: '' }, ['demo'], /needs TERN_RELAY_USER and TERN_RELAY_PASSWORD/],
    [{ TERN_UPSTREAM: full.TERN_UPSTREAM }, ['demo'], /needs TERN_RELAY_USER and TERN_RELAY_PASSWORD/],
    [full, [], /needs TERN_MISSIONS/],
    [{ ...full, TERN_RELAY_INTERVAL_S: '0' }, ['demo'], /TERN_RELAY_INTERVAL_S must be a positive number/],
    [{ ...full, TERN_RELAY_TIMEOUT_S: 'soon' }, ['demo'], /TERN_RELAY_TIMEOUT_S must be a positive number/],
    [{ ...full, TERN_RELAY_RETRY_S: '-1' }, ['demo'], /TERN_RELAY_RETRY_S must be a positive number/],
    [
      { ...full, TERN_RELAY_FILES_MB: 'lots' },
      ['demo'],
      /TERN_RELAY_FILES_MB must be a positive number of megabytes/,
    ],
  ])('refuses a half-set or wrong configuration in words (%#)', (env, missions, words) => {
    expect(() => readRelayConfig(env, missions)).toThrow(words);
  });

  it('never puts the password in an error message', () => {
    const env = { ...full, TERN_UPSTREAM: 'https://relay-office:secret-in-url@hq' };
    expect(() => readRelayConfig(env, ['demo'])).toThrow(/must not carry credentials/);
    expect(() => readRelayConfig(env, ['demo'])).not.toThrow(/secret-in-url/);
  });
});
