import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { RelayStatus } from './relay.ts';
import { statusPage } from './status-page.ts';
import { language } from './status-words.ts';

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
      files: null,
      filesUpTotal: 0,
      filesDownTotal: 0,
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
      status([note('sub:<b>', '<script>alert(1)</script> (TERN_DOC_INVALID)', 2)], 1),
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

  it('speaks French, Spanish and Russian when asked, left to right, with each language’s plurals', () => {
    const page = (lang: string, attempts: number) =>
      statusPage(status([note('sub:1', 'TERN_DOC_INVALID', attempts)], 1), null, req(lang));
    const fr = page('fr-FR,fr;q=0.9,en;q=0.5', 3);
    expect(fr).toContain('<html lang="fr" dir="ltr">');
    expect(fr).toContain('Relais de la mission');
    expect(fr).toContain('refusé 3 fois');
    expect(page('es-419', 1)).toContain('rechazado una vez');
    expect(page('es', 4)).toContain('rechazado 4 veces');
    const ru = page('ru', 2);
    expect(ru).toContain('<html lang="ru" dir="ltr">');
    expect(ru).toContain('Ретранслятор миссии');
    expect(ru).toContain('отклонено 2 раза');
    expect(page('ru', 5)).toContain('отклонено 5 раз');
    expect(page('ru', 21)).toContain('отклонено 21 раз;');
  });

  it('counts files waiting up and down, and says why a file could not move, in every language', () => {
    const withFiles = (): RelayStatus => {
      const s = status([], 0);
      s.missions[0]!.files = {
        up: 3,
        down: 7,
        onTablets: 2,
        unseen: 0,
        errors: [
          {
            digest: 'a'.repeat(64),
            record: 'sub:F1',
            reason: 'Headquarters refused file aaa (HTTP 413, TERN_ATTACHMENT_TOO_LARGE): <too big>',
            code: 'TERN_ATTACHMENT_TOO_LARGE',
            attempts: 2,
            nextAt: '2026-12-03T08:00:00.000Z',
          },
        ],
        errorsTotal: 1,
      };
      return s;
    };
    const en = statusPage(withFiles(), null, req('en'));
    expect(en).toMatch(/Files waiting to go to headquarters<\/dt><dd>3</);
    expect(en).toMatch(/Files waiting to come from headquarters<\/dt><dd>7</);
    expect(en).toMatch(/only on the tablets that took them<\/dt><dd>2</);
    expect(en).toContain('sub:<wbr>F1');
    expect(en).toContain('TERN_<wbr>ATTACHMENT_<wbr>TOO_<wbr>LARGE');
    expect(en).toContain('&lt;too big&gt;');
    expect(en).toContain('refused 2 times');
    // Every language has its own words for the files, none left in English.
    const words = new Set<string>();
    for (const lang of ['en', 'ar', 'fr', 'es', 'ru']) {
      const html = statusPage(withFiles(), null, req(lang));
      const heading = /<h3>([^<]+)<\/h3>/.exec(html)?.[1];
      expect(heading, lang).toBeTruthy();
      words.add(heading!);
    }
    expect(words.size).toBe(5);
    // Before the first look there is nothing to count: no files section.
    expect(statusPage(status([], 0), null, req('en'))).not.toContain('<h3>');
  });

  it('picks the language by q-value, skips ones it does not have, and falls back to English', () => {
    expect(language('de-DE, ru;q=0.8, fr;q=0.9')).toBe('fr');
    expect(language('ar;q=0.1, es')).toBe('es');
    expect(language('de, ja')).toBe('en');
    expect(language('fr;q=0, ru')).toBe('ru');
    expect(language('')).toBe('en');
    expect(language('__proto__, constructor')).toBe('en');
  });
});
