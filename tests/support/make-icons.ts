// Renders the app icon (apps/web/public/icon.svg) to the PNG icons that phones ask for: 192 and 512 px
// for the manifest, a maskable 512 px (the glyph inside the 80 % safe zone on a full-bleed background,
// so Android's round or squircle masks never cut it), and the 180 px apple-touch-icon.
// Run after changing icon.svg: `pnpm exec tsx tests/support/make-icons.ts`. The PNGs are committed.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './browser.ts';

const pub = fileURLToPath(new URL('../../apps/web/public/', import.meta.url));
const svg = readFileSync(join(pub, 'icon.svg'), 'utf8');
// The glyph without its rounded background, for the maskable icon.
const glyph = svg.replace(/<rect[^>]*\/>/, '');
const background = /fill="(#[0-9a-fA-F]{6})"/.exec(svg)?.[1] ?? '#0b4f6c';

const icons = [
  { file: 'icon-192.png', size: 192, html: img(svg, 1, 'transparent') },
  { file: 'icon-512.png', size: 512, html: img(svg, 1, 'transparent') },
  { file: 'icon-maskable-512.png', size: 512, html: img(glyph, 0.7, background) },
  { file: 'apple-touch-icon.png', size: 180, html: img(glyph, 0.8, background) },
];

function img(source: string, scale: number, bg: string): string {
  const uri = `data:image/svg+xml;base64,${Buffer.from(source).toString('base64')}`;
  return `<html><body style="margin:0;background:${bg};display:grid;place-items:center;height:100vh">
<img src="${uri}" style="width:${scale * 100}vw;height:${scale * 100}vh"></body></html>`;
}

const browser = await launchChromium();
try {
  for (const icon of icons) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    await page.setContent(icon.html);
    await page.locator('img').evaluate((el) => (el as HTMLImageElement).decode());
    const png = await page.screenshot({ omitBackground: icon.html.includes('transparent') });
    writeFileSync(join(pub, icon.file), new Uint8Array(png));
    console.log(`${icon.file} ${icon.size}×${icon.size} ${png.length} bytes`);
    await page.close();
  }
} finally {
  await browser.close();
}
