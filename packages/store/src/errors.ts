/** Error catalogue of @tern/store. Every code is listed in docs/errors.md. */
export class StoreError extends Error {
  constructor(
    readonly code: 'TERN_STORE_BAD_MISSION' | 'TERN_STORE_UNAVAILABLE',
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
