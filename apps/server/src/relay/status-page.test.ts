import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { RelayStatus } from './relay.ts';
import { statusPage } from './status-page.ts';

const req = (lang: string) => ({ headers: { 'accept-language': lang } }) as unknown as FastifyRequest;

const status = (refused: RelayStatus['missions'][number]['refused'], total: number): RelayStatus => ({
  upstream: 'https://hq.example.org',
  relayAccount: 'relay-office',
  lastContact: '2026-12-03T07:00:00.000Z',
  lastComplete: '2026-12-03T07:00:00.000Z',
  error: null,
  errorAt: null,
  accountsMirrored: 4,
  missions: [
    {
      mission: 'demo',
      pendingUp: 0,
      pendingDown: null,
      pushedTotal: 3,
      pulledTotal: 0,
      refused,
      refusedTotal: total,
    },
  ],
});

const note = (id: string, reason: string, attempts: number) => ({
  id,
  rev: '1-abc',
  reason,
  code: /TERN_[A-Z_]+/.exec(reason)?.[0] ?? null,
  attempts,
  firstAt: '2026-12-03T06:00:00.000Z',
  lastAt: '2026-12-03T07:00:00.000Z',
  nextAt: '2026-12-03T07:02:00.000Z',
});

describe('the relay status page, refused records (decision 209)', () => {
  it('says in words how often each was refused, when it is tried next, and what fixes an author refusal', () => {
    const html = statusPage(
      status(
        [
          note('sub:A', 'the account "x" is disabled (TERN_RELAY_AUTHOR_REFUSED, field updatedBy)', 1),
          note('sub:B', 'answers invalid (TERN_DOC_INVALID)', 3),
        ],
        120,
      ),
      null,
      req('en'),
    );
    expect(html).toContain('the 2 most recent of 120');
    expect(html).toContain('refused once');
    expect(html).toContain('refused 3 times');
    expect(html).toContain('<time datetime="2026-12-03T07:02:00.000Z">');
    // The hint only for the refusal it fixes.
    expect(html.match(/An administrator at headquarters can fix the account/g)).toHaveLength(1);
  });

  it('escapes headquarters’ words and ids, and speaks Arabic when asked', () => {
    const html = statusPage(
      status([note('sub:<b>', '<script>alert(1)</script> (TERN_X)', 2)], 1),
      null,
      req('ar'),
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/<wbr>script&gt;');
    expect(html).toContain('sub:<wbr>&lt;b&gt;');
    expect(html).toContain('dir="rtl"');
    expect(html).toContain('رُفض 2 مرات');
    expect(html).toContain('المحاولة التالية');
  });

  it('says none when nothing was refused', () => {
    expect(statusPage(status([], 0), null, req('en'))).toMatch(
      /kept on this relay, sent again by itself\)<\/dt><dd>none/,
    );
  });
});
