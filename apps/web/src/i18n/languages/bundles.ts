/** `{ '../locales/fr/cases.json': {...} }` → `{ cases: {...} }`. */
export function bundlesOf(
  modules: Record<string, Record<string, unknown>>,
): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [path, json] of Object.entries(modules)) {
    const m = /\/([\w-]+)\.json$/.exec(path);
    if (m) out[m[1]!] = json;
  }
  return out;
}
