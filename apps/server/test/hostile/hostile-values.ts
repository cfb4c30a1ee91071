import fc from 'fast-check';
import { DOC_LIMITS } from '../../src/ingest/limits.ts';

/**
 * Hostile values, and the JSON text they become. Deep values are never built as objects: 10,000 levels
 * overflow JSON.stringify itself (and the test's own stack), so a `Deep` marker stands in the value tree
 * and `toJsonText` splices an iteratively built string in its place. fast-check prints markers through
 * `fc.toStringMethod`, so a shrunk counterexample reads `Deep(6000,object)`, not 12 KB of braces.
 */
export class Deep {
  constructor(
    readonly depth: number,
    readonly kind: 'object' | 'array',
  ) {}
  [fc.toStringMethod](): string {
    return `Deep(${this.depth},${this.kind})`;
  }
  text(): string {
    return this.kind === 'object'
      ? '{"a":'.repeat(this.depth) + '1' + '}'.repeat(this.depth)
      : '['.repeat(this.depth) + '1' + ']'.repeat(this.depth);
  }
}

/** An array of `length` small items, also spliced as text (fast to build and to print). */
export class HugeArray {
  constructor(
    readonly length: number,
    readonly item: 'zero' | 'string' | 'object',
  ) {}
  [fc.toStringMethod](): string {
    return `HugeArray(${this.length},${this.item})`;
  }
  text(): string {
    const one = this.item === 'zero' ? '0' : this.item === 'string' ? '"xxxxxxxx"' : '{"k":"v"}';
    return '[' + Array.from({ length: this.length }, () => one).join(',') + ']';
  }
}

type Marker = Deep | HugeArray;

/** A plain JSON object (fast-check also makes null-prototype ones); class instances are not. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Deepest value built as a real object (hashing and JSON.stringify recurse; past this they overflow). */
export const REALIZE_MAX_DEPTH = 1_000;

/** The real value of a marker where it can be built safely; deeper markers stay markers (sent as text). */
export function realize(v: unknown): unknown {
  if (v instanceof HugeArray) return JSON.parse(v.text()) as unknown;
  if (!(v instanceof Deep) || v.depth > REALIZE_MAX_DEPTH) return v;
  let out: unknown = 1;
  for (let i = 0; i < v.depth; i++) out = v.kind === 'object' ? { a: out } : [out];
  return out;
}
const isMarker = (v: unknown): v is Marker => v instanceof Deep || v instanceof HugeArray;

/** Whether a value tree holds a marker (walked with an explicit stack: realized values can be deep). */
function holdsMarker(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const stack: object[] = [value];
  const visit = (x: unknown) => {
    if (x !== null && typeof x === 'object') stack.push(x);
  };
  while (stack.length) {
    const v = stack.pop()!;
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) visit(v[i]);
    else if (isMarker(v)) return true;
    else for (const k in v) visit((v as Record<string, unknown>)[k]);
  }
  return false;
}

/**
 * JSON text of a value tree that may hold markers (each spliced as text). A tree without markers is
 * stringified without the replacer: calling it for each of a realized huge array's items made this a
 * tenth of the volume run's time (decision 223).
 */
export function toJsonText(value: unknown): string {
  if (!holdsMarker(value)) return JSON.stringify(value) ?? 'null';
  const spliced: string[] = [];
  const json = JSON.stringify(value, (_k, v: unknown) => {
    if (!isMarker(v)) return v;
    spliced.push(v.text());
    return `\u0000MARK${spliced.length - 1}\u0000`;
  });
  if (json === undefined) return 'null';
  return json.replace(/"\\u0000MARK(\d+)\\u0000"/g, (_m, i: string) => spliced[Number(i)]!);
}

/** Depths that matter: a little deep, around engine and parser limits, and the ~10,000 of the brief. */
export const deepArb: fc.Arbitrary<Deep> = fc
  .tuple(
    fc.oneof(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 200, max: 10_000 })),
    fc.constantFrom<'object' | 'array'>('object', 'array'),
  )
  .map(([d, k]) => new Deep(d, k));

/**
 * Array lengths around the door's limit (DOC_LIMITS.width, 10,000 items): mostly lengths it accepts
 * (over 1,000, so bigger than any real form's), the first length it refuses, and a few far over it.
 * Uniform up to 50,000 as before, four in five were refused at the first check, and building,
 * hashing and sending them was most of the volume run's time (decision 223).
 */
export const hugeLengthArb: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.integer({ min: 1_001, max: DOC_LIMITS.width }), weight: 6 },
  { arbitrary: fc.constant(DOC_LIMITS.width + 1), weight: 1 },
  { arbitrary: fc.integer({ min: DOC_LIMITS.width + 2, max: 5 * DOC_LIMITS.width }), weight: 1 },
);

export const hugeArrayArb: fc.Arbitrary<HugeArray> = fc
  .tuple(hugeLengthArb, fc.constantFrom<'zero' | 'string' | 'object'>('zero', 'string', 'object'))
  .map(([n, i]) => new HugeArray(n, i));

/** A value of the wrong type for whatever field it replaces. */
export const wrongTypeArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 20 }),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.constant('__proto__'),
);

/** Reserved CouchDB fields Tern documents must not carry (and some it must refuse to trust). */
export const underscoreFieldArb: fc.Arbitrary<[string, unknown]> = fc.oneof(
  fc.constant<[string, unknown]>([
    '_attachments',
    { 'a.txt': { content_type: 'text/plain', data: 'aGVsbG8=' } },
  ]),
  fc.tuple(fc.constant('_attachments'), wrongTypeArb),
  fc.tuple(fc.constant('_attachments'), fc.constant({ 'a.txt': { stub: true, digest: 'md5-x', length: 5 } })),
  fc.tuple(
    fc.constantFrom('_foo', '_purged', '_conflicts', '_deleted_conflicts', '_revs_info', '_local_seq'),
    wrongTypeArb,
  ),
  fc.constant<[string, unknown]>(['_conflicts', ['1-abc', '2-def']]),
  fc.constant<[string, unknown]>(['_purged', true]),
);

export const hostileValueArb: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: deepArb, weight: 3 },
  { arbitrary: hugeArrayArb, weight: 1 },
  { arbitrary: wrongTypeArb, weight: 3 },
);

/**
 * Replace one node of a value (chosen by `at`, preorder) with `hostile`, or add a key to an object.
 * Pure: returns a new tree. Used to mutate schema-valid bodies one place at a time.
 */
export function replaceAt(value: unknown, at: number, hostile: unknown, addKey?: string): unknown {
  let i = 0;
  const walk = (v: unknown): unknown => {
    if (i++ === at) return hostile;
    if (Array.isArray(v)) return v.map(walk);
    // Plain objects only: markers and DocRef-like class instances are leaves (replaced whole or kept).
    if (isPlainObject(v)) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x);
      return out;
    }
    return v;
  };
  const replaced = walk(value);
  if (at < i || addKey === undefined) return replaced;
  // `at` was past the last node: add a key at the top instead (a field the schema does not know).
  return isPlainObject(replaced) ? { ...replaced, [addKey]: hostile } : replaced;
}

/** A schema-shaped value mutated at one place with a hostile value or an unknown/reserved key. */
export function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(
      valid,
      hostileValueArb,
      fc.nat({ max: 30 }),
      fc.constantFrom('extra', '_foo', '_attachments', '__proto__'),
    )
    .map(([v, h, at, key]) => replaceAt(v, at, h, key));
}
