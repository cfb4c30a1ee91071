/**
 * An image shrunk so its longer side is at most `maxPixels` (XLSForm `max-pixels`), in the browser:
 * decoded with createImageBitmap, drawn on a canvas, encoded again (PNG stays PNG, so a signature keeps
 * its transparency; anything else becomes JPEG). An image already small enough, or one the browser
 * cannot decode, is kept as it is.
 */
export async function fitImage(
  file: Blob,
  maxPixels: number | undefined,
): Promise<{ blob: Blob; resized: boolean; width?: number; height?: number }> {
  if (maxPixels === undefined || !file.type.startsWith('image/')) return { blob: file, resized: false };
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return { blob: file, resized: false };
  }
  try {
    const { width, height } = bitmap;
    const longer = Math.max(width, height);
    if (longer <= maxPixels) return { blob: file, resized: false, width, height };
    const scale = maxPixels / longer;
    const w = Math.max(1, Math.round(width * scale));
    const h = Math.max(1, Math.round(height * scale));
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext('2d');
    if (!ctx) return { blob: file, resized: false, width, height };
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, w, h);
    const type = file.type === 'image/png' ? 'image/png' : 'image/jpeg';
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, type, 0.9));
    return blob
      ? { blob, resized: true, width: w, height: h }
      : { blob: file, resized: false, width, height };
  } finally {
    bitmap.close();
  }
}

/** The file name after re-encoding: `IMG_1.HEIC` shrunk to JPEG is `IMG_1.jpg`. */
export function renamedFor(name: string, type: string): string {
  const ext = type === 'image/png' ? 'png' : type === 'image/jpeg' ? 'jpg' : null;
  if (!ext) return name;
  const stem = name.replace(/\.[^.]*$/, '');
  return `${stem || 'photo'}.${ext}`;
}
