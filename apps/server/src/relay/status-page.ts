import type { FastifyRequest } from 'fastify';
import type { MissionStatus, RelayStatus } from './relay.ts';
import { WORDS, language } from './status-words.ts';

/**
 * The relay's status page (decision 197): server-rendered, no script (the CSP allows none inline),
 * readable on a 360-pixel phone, in English, Arabic, French, Spanish or Russian as the browser asks (status-words.ts). It does not reload itself
 * (a timed refresh fails WCAG 2.2.1, axe's `meta-refresh`): it says when it was made. Everything shown is counts, times and headquarters' words: never a record's content.
 */

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Escaped, with break opportunities after `_ : , / -` so a record id or a code such as
 * TERN_RELAY_AUTHOR_REFUSED wraps on a 360-pixel phone (the page has no style sheet to do it).
 */
const breakable = (s: string): string => esc(s).replace(/([_:,/-])/g, '$1<wbr>');

type Words = (typeof WORDS)[keyof typeof WORDS];

/** The files of a mission (decisions 229–230): counts, then the files that could not move and why. */
function filesOf(f: MissionStatus['files'], w: Words, when: (iso: string | null) => string): string {
  if (!f) return '';
  const errors =
    f.errors.length === 0
      ? esc(w.none)
      : `<p>${esc(w.refusedCount(f.errors.length, f.errorsTotal))}</p><ul>${f.errors
          .map(
            (e) =>
              `<li><span dir="ltr">${breakable(e.record)}</span>: ${esc(w.tries(e.attempts))}; ${esc(w.nextTry)} ${when(e.nextAt)}. <span dir="ltr">${breakable(e.reason)}</span></li>`,
          )
          .join('')}</ul>`;
  return `<h3>${esc(w.files)}</h3><p>${esc(w.filesAtRelay)}</p>
<dl><dt>${esc(w.filesUp)}</dt><dd>${f.up}</dd><dt>${esc(w.filesDown)}</dt><dd>${f.down}</dd>
<dt>${esc(w.filesOnTablets)}</dt><dd>${f.onTablets}</dd><dt>${esc(w.filesUnseen)}</dt><dd>${f.unseen}</dd>
<dt>${esc(w.filesErrors)}</dt><dd>${errors}</dd></dl>`;
}

export function statusPage(s: RelayStatus | null, refusal: string | null, req: FastifyRequest): string {
  const lang = language(String(req.headers['accept-language'] ?? ''));
  const w = WORDS[lang];
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  const when = (iso: string | null) =>
    iso ? `<time datetime="${esc(iso)}">${esc(iso.replace('T', ' ').slice(0, 19))} UTC</time>` : esc(w.never);
  const count = (n: number | null) => (n === null ? esc(w.unknown) : String(n));
  const filesPart = (f: MissionStatus['files']) => filesOf(f, w, when);
  const body = !s
    ? `<p role="alert">${esc(refusal ?? '')}</p><p>${esc(w.login)}</p>`
    : `<dl>
<dt>${esc(w.asOf)}</dt><dd>${when(new Date().toISOString())}</dd>
<dt>${esc(w.upstream)}</dt><dd dir="ltr">${esc(s.upstream)}</dd>
<dt>${esc(w.lastContact)}</dt><dd>${when(s.lastContact)}</dd>
<dt>${esc(w.lastComplete)}</dt><dd>${when(s.lastComplete)}</dd>
<dt>${esc(w.accounts)}</dt><dd>${s.accountsMirrored}</dd>
</dl>
${s.error ? `<p role="alert"><strong>${esc(w.problem)}:</strong> <span dir="ltr">${breakable(s.error)}</span> (${when(s.errorAt)})</p>` : `<p>${esc(w.ok)}</p>`}
${s.missions
  .map(
    (m) => `<section><h2>${esc(w.mission)} <span dir="ltr">${esc(m.mission)}</span></h2>
<dl><dt>${esc(w.up)}</dt><dd>${count(m.pendingUp)}</dd><dt>${esc(w.down)}</dt><dd>${count(m.pendingDown)}</dd>
<dt>${esc(w.refused)}</dt><dd>${
      m.refused.length === 0
        ? esc(w.none)
        : `<p>${esc(w.refusedCount(m.refused.length, m.refusedTotal))}</p><ul>${m.refused
            .map(
              (r) =>
                `<li><span dir="ltr">${breakable(r.id)}</span>: ${esc(w.tries(r.attempts))}; ${esc(w.nextTry)} ${when(r.nextAt)}.` +
                (r.code === 'TERN_RELAY_AUTHOR_REFUSED' ? ` ${esc(w.authorHint)}` : '') +
                ` <span dir="ltr">${breakable(r.reason)}</span></li>`,
            )
            .join('')}</ul>`
    }</dd></dl>${filesPart(m.files)}</section>`,
  )
  .join('\n')}`;
  return `<!doctype html>
<html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(w.title)}</title></head>
<body><main><h1>${esc(w.title)}</h1>
${body}
</main></body></html>`;
}
