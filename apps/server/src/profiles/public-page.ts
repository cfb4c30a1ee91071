import { createHash } from 'node:crypto';
import { escapeHtml } from '@tern/profiles';
import type { ProfileBody } from '@tern/profiles';

export const PUBLIC_LANGUAGES = ['en', 'fr', 'es', 'ar', 'ru'] as const;
export type PublicLanguage = (typeof PUBLIC_LANGUAGES)[number];

/** The few words the public page adds around the report, in the five languages. */
const WORDS: Record<
  PublicLanguage,
  {
    downloads: string;
    csv: string;
    xlsx: string;
    editions: string;
    edition: string;
    published: string;
    languages: string;
  }
> = {
  en: {
    downloads: 'Download the figures, with their sources',
    csv: 'CSV',
    xlsx: 'Excel (XLSX)',
    editions: 'Published editions',
    edition: 'Edition',
    published: 'published',
    languages: 'Languages',
  },
  fr: {
    downloads: 'Télécharger les chiffres, avec leurs sources',
    csv: 'CSV',
    xlsx: 'Excel (XLSX)',
    editions: 'Éditions publiées',
    edition: 'Édition',
    published: 'publiée le',
    languages: 'Langues',
  },
  es: {
    downloads: 'Descargar las cifras, con sus fuentes',
    csv: 'CSV',
    xlsx: 'Excel (XLSX)',
    editions: 'Ediciones publicadas',
    edition: 'Edición',
    published: 'publicada el',
    languages: 'Idiomas',
  },
  ar: {
    downloads: 'تنزيل الأرقام مع مصادرها',
    csv: 'CSV',
    xlsx: 'Excel (XLSX)',
    editions: 'الطبعات المنشورة',
    edition: 'الطبعة',
    published: 'نُشرت في',
    languages: 'اللغات',
  },
  ru: {
    downloads: 'Скачать данные с источниками',
    csv: 'CSV',
    xlsx: 'Excel (XLSX)',
    editions: 'Опубликованные издания',
    edition: 'Издание',
    published: 'опубликовано',
    languages: 'Языки',
  },
};

const NATIVE: Record<PublicLanguage, string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ar: 'العربية',
  ru: 'Русский',
};

/**
 * The public profile page: the package's report of one published edition, with a block of links
 * (figures as CSV and XLSX, the other published editions, the five languages) put before `</body>`.
 * Only published editions reach here; every text is escaped.
 */
export function publicPage(
  report: string,
  o: { country: string; shown: ProfileBody; published: ProfileBody[]; lang: PublicLanguage },
): string {
  const w = WORDS[o.lang];
  const base = `/profiles/${o.country}`;
  const q = (edition: number, lang: string) => `?lang=${lang}&amp;edition=${edition}`;
  const n = o.shown.edition.number;
  const editions = o.published
    .map((p) => {
      const k = p.edition.number;
      const label = `${escapeHtml(w.edition)} ${k} (${escapeHtml(w.published)} ${escapeHtml((p.edition.publishedAt ?? '').slice(0, 10))})`;
      return k === n
        ? `<li aria-current="page">${label}</li>`
        : `<li><a href="${base}${q(k, o.lang)}">${label}</a></li>`;
    })
    .join('');
  const langs = PUBLIC_LANGUAGES.map(
    (l) => `<li><a href="${base}${q(n, l)}" lang="${l}" hreflang="${l}">${escapeHtml(NATIVE[l])}</a></li>`,
  ).join('');
  const nav = `<nav class="public-links" aria-label="${escapeHtml(w.editions)}">
<h2>${escapeHtml(w.downloads)}</h2><ul><li><a href="${base}/figures.csv?edition=${n}" download>${w.csv}</a></li><li><a href="${base}/figures.xlsx?edition=${n}" download>${w.xlsx}</a></li></ul>
<h2>${escapeHtml(w.editions)}</h2><ul>${editions}</ul>
<h2>${escapeHtml(w.languages)}</h2><ul>${langs}</ul>
</nav>`;
  return report.replace(/<\/body>/, `${nav}\n</body>`);
}

const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The page's Content-Security-Policy: no script at all, nothing loaded from anywhere, and only the
 * styles this very page carries, by hash (the `<style>` block and the chart's `style="…"` attributes,
 * CSP 3 `'unsafe-hashes'`). The app shell's policy (`style-src 'self'`) would leave the report unstyled.
 */
export function publicPagePolicy(html: string): string {
  const blocks = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => sha(m[1]!));
  const attrs = [...new Set([...html.matchAll(/ style="([^"]*)"/g)].map((m) => m[1]!))].map(sha);
  const styles = [...blocks, ...(attrs.length ? ["'unsafe-hashes'", ...attrs] : [])];
  return [
    "default-src 'none'",
    `style-src ${styles.join(' ') || "'none'"}`,
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
