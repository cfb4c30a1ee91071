import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appleTouchIcon, manifest } from './manifest.ts';

const publicDir = fileURLToPath(new URL('../../public/', import.meta.url));

/** Width and height from a PNG's IHDR chunk; throws when the file is not a PNG. */
function pngSize(file: string): string {
  const bytes = readFileSync(publicDir + file.replace(/^\//, ''));
  const signature = bytes.subarray(0, 8).toString('hex');
  if (signature !== '89504e470d0a1a0a') throw new Error(`${file} is not a PNG`);
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

describe('the web app manifest', () => {
  it('names PNG icons of 192 and 512 px and a maskable one, as installable PWAs need', () => {
    const png = manifest.icons.filter((i) => i.type === 'image/png');
    expect(png.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(png.some((i) => 'purpose' in i && i.purpose === 'maskable')).toBe(true);
    expect(manifest.description.length).toBeGreaterThan(20);
  });

  it('every PNG icon exists with the size it claims', () => {
    for (const icon of [...manifest.icons.filter((i) => i.type === 'image/png'), appleTouchIcon]) {
      expect(pngSize(icon.src), icon.src).toBe(icon.sizes);
    }
  });

  it('index.html links the apple-touch-icon and a description', () => {
    const html = readFileSync(fileURLToPath(new URL('../../index.html', import.meta.url)), 'utf8');
    expect(html).toContain(`<link rel="apple-touch-icon" href="${appleTouchIcon.src}"`);
    expect(html).toMatch(/<meta name="description" content="[^"]{20,}"/);
  });
});
