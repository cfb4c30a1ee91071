/**
 * A refusal of Tern's HTTP API, on the device or in a Node client: the HTTP status (0 when the server
 * was not reached), the catalogue's stable code (errors/catalogue.ts, docs/errors.md), the server's
 * message (what and why) and its optional `details` (e.g. an XLSForm's problems with sheet and row).
 * The server's TernError extends it, so one class travels from the throw to the screen.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
