import { ApiError, errorMessage } from '@tern/api';
import { i18next } from './i18n.ts';

/**
 * A failure in plain words, in the UI language: the catalogue's message for its code (@tern/api,
 * docs/errors.md); for a code the catalogue does not know (a newer server), the server's own message
 * with the code, so a refusal still says what and why; for an error without a code, its message.
 * A screen that has better words for a code in its context (the admin screen: "this conflict is no
 * longer open") gives them through `own`.
 */
export function plainError(
  e: unknown,
  own: (e: ApiError) => string | undefined = () => undefined,
  lang: string = i18next.language,
): string {
  const err = asApiError(e);
  const mine = own(err);
  if (mine !== undefined) return mine;
  if (!err.code) return err.message;
  return errorMessage(err.code, lang) ?? `${err.message} (${err.code})`;
}

/**
 * Anything thrown, as an ApiError: fetch's TypeError is the network; an error carrying a catalogue
 * code (CaseTransitionError, NoDeviceNumberError…) keeps it; any other keeps its words, code ''.
 */
export function asApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (e instanceof TypeError) return new ApiError(0, 'TERN_NETWORK', e.message);
  const code = (e as { code?: unknown } | null)?.code;
  return new ApiError(0, typeof code === 'string' ? code : '', e instanceof Error ? e.message : String(e));
}
