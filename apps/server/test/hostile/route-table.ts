import type { FastifyInstance, HTTPMethods } from 'fastify';

/**
 * Every route of a built app as `METHOD /path`, read from Fastify's own route tree
 * (`printRoutes()`, the radix tree: each line's segment continues its parent's). buildApp gives no
 * chance to add an `onRoute` hook before the routes are registered, so the tree is parsed, and each
 * parsed route is checked with `hasRoute`, so a parsing mistake fails loudly instead of fuzzing
 * nothing. HEAD routes Fastify adds for each GET are listed too.
 */
export function listRoutes(app: FastifyInstance): string[] {
  const tree = app.printRoutes();
  const stack: string[] = [];
  const out: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│├└─\s]*?)(?:[├└]── )(.*)$/u.exec(line);
    if (!m) continue;
    const level = [...m[1]!].length / 4;
    const [, segment, methods] = /^(.*?)(?: \(([A-Z, ]+)\))?$/.exec(m[2]!)!;
    stack.length = level;
    stack.push(segment!);
    if (!methods) continue;
    const path = stack.join('');
    for (const method of methods.split(', ')) {
      if (!app.hasRoute({ method: method as HTTPMethods, url: path }))
        throw new Error(
          `route-table: parsed ${method} ${path} from printRoutes(), but the app has no such route`,
        );
      out.push(`${method} ${path}`);
    }
  }
  if (out.length === 0) throw new Error(`route-table: no route parsed from\n${tree}`);
  return [...new Set(out)].sort();
}
