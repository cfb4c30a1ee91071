import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError, MESSAGE_LANGUAGES, MESSAGES, loadErrorMessages } from '@tern/api';
import { CaseTransitionError } from '@tern/cases';
import { SyncHttpError } from '@tern/sync';
import { i18next } from './i18n.ts';
import { plainError } from './plain-error.ts';
import { plainSyncError } from '../sync/plain-error.ts';
import { plainOfficerError } from '../officer/api.ts';
import { plainApiError } from '../admin/api-errors.ts';

beforeAll(() => Promise.all(MESSAGE_LANGUAGES.map(loadErrorMessages)));

describe('errors in plain words', () => {
  it("reads a refusal's code in the UI language from the catalogue", () => {
    const e = new ApiError(409, 'TERN_CONFLICT_CHANGED', 'Leaves changed: 2-a, 2-b');
    expect(plainError(e, undefined, 'fr')).toBe(MESSAGES.fr.TERN_CONFLICT_CHANGED);
    expect(plainError(e, undefined, 'ar')).toBe(MESSAGES.ar.TERN_CONFLICT_CHANGED);
  });

  it("tells a code the catalogue does not know with the server's words and the code", () => {
    const code = 'TERN_' + 'FROM_A_NEWER_SERVER';
    expect(plainError(new ApiError(400, code, 'Why it was refused'), undefined, 'en')).toBe(
      `Why it was refused (${code})`,
    );
  });

  it("calls fetch's TypeError the network, and reads a package error by its code", () => {
    expect(plainError(new TypeError('Failed to fetch'), undefined, 'es')).toBe(MESSAGES.es.TERN_NETWORK);
    expect(
      plainError(new CaseTransitionError('A case cannot go from closed to assisted'), undefined, 'ru'),
    ).toBe(MESSAGES.ru.TERN_CASE_TRANSITION);
  });

  it('lets a screen say it better in its context', () => {
    const t = i18next.getFixedT('en', 'conflicts');
    expect(plainApiError(t, new ApiError(404, 'TERN_NOT_FOUND', 'No open conflict'))).toBe(
      t('errors.notFound'),
    );
    // The e2e test of the conflict screen looks for this sentence (the UI language is English here).
    expect(i18next.language).toBe('en');
    expect(plainApiError(t, new ApiError(409, 'TERN_CONFLICT_CHANGED', 'x'))).toBe(
      'Someone synced this record meanwhile: reload and decide again.',
    );
    const o = i18next.getFixedT('en', 'officer');
    expect(plainOfficerError(new ApiError(401, 'TERN_AUTH_EXPIRED', 'expired'), o)).toBe(o('error.session'));
  });

  it('keeps "nothing was lost" in every sync failure, with the catalogue words for a refusal', () => {
    const t = i18next.getFixedT('en', 'sync');
    const refused = plainSyncError(new SyncHttpError(400, 'TERN_BAD_CHECKPOINT', 'since: not ours'), t, 'en');
    expect(refused).toContain(MESSAGES.en.TERN_BAD_CHECKPOINT.replace(/\.$/, ''));
    expect(refused).toContain('(TERN_BAD_CHECKPOINT)');
    expect(refused).toMatch(/Nothing was lost/);
    expect(plainSyncError(new TypeError('Failed to fetch'), t, 'en')).toMatch(
      /Could not reach the server.*nothing was lost/,
    );
  });
});
