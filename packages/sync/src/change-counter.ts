/**
 * Counts the documents of a compact-sync response while its text is still arriving, so the device
 * can say "120 records received" during a long pull instead of nothing until the page is complete
 * (the server streams `{"results":[…],"changes":[doc,doc,…],…}`: pull-stream.ts, decision 041).
 *
 * A small state machine over the JSON text: it tracks the nesting depth, strings and escapes, and
 * the top-level key it is under; an object that closes back into the `changes` array is one
 * document. It validates nothing — the complete body is still parsed with `JSON.parse`, which
 * decides; a count over malformed text is only a progress figure, never trusted for anything else.
 * Cost: one pass over each chunk, no copies; text split at any point (inside a string, an escape or
 * a key) counts the same as the whole. It reads UTF-8 bytes as well as text: every character it looks
 * at is ASCII, and no byte of a multi-byte UTF-8 character is below 0x80, so the bytes as they arrive
 * count the same as their text (a split inside a character included), with no decoding per chunk
 * (decision 227).
 */
export class ChangeCounter {
  /** Documents complete so far in the `changes` array. */
  docs = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** The text of a top-level key being read (only at depth 1, only short keys are kept). */
  private key = '';
  private readingKey = false;
  private lastKey = '';
  /** At depth 1, after `{` or `,`: the next string is a key, not a value. */
  private expectKey = false;

  feed(chunk: string | Uint8Array): void {
    const bytes = typeof chunk === 'string' ? null : chunk;
    const text = typeof chunk === 'string' ? chunk : '';
    for (let i = 0; i < chunk.length; i++) {
      const c = bytes ? bytes[i]! : text.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 0x5c /* \ */) this.escaped = true;
        else if (c === 0x22 /* " */) {
          this.inString = false;
          if (this.readingKey) {
            this.readingKey = false;
            this.lastKey = this.key;
          }
        } else if (this.readingKey && this.key.length < 16) this.key += String.fromCharCode(c);
        continue;
      }
      switch (c) {
        case 0x22: // "
          this.inString = true;
          // A string directly in the top-level object, where a key is expected, names the value next.
          if (this.depth === 1 && this.expectKey) {
            this.readingKey = true;
            this.key = '';
          }
          break;
        case 0x3a: // :
          if (this.depth === 1) this.expectKey = false;
          break;
        case 0x2c: // ,
          if (this.depth === 1) this.expectKey = true;
          break;
        case 0x7b: // {
        case 0x5b: // [
          this.depth += 1;
          if (this.depth === 1) this.expectKey = c === 0x7b;
          break;
        case 0x7d: // }
        case 0x5d: // ]
          this.depth -= 1;
          if (c === 0x7d && this.depth === 2 && this.lastKey === 'changes') this.docs += 1;
          break;
      }
    }
  }
}
