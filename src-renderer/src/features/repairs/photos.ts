import { fileToBase64 } from '../../lib/download';

/** Longest edge a photo is sent with: enough to read a type plate, small enough for a slow shop Wi-Fi. */
export const MAX_EDGE = 1600;
/** PNG/JPEG files already this small and this size go as they are (no loss from re-encoding). */
const KEEP_BYTES = 1_500_000;
const JPEG_QUALITY = 0.85;

export interface PhotoDraft {
  key: string;
  fileName: string;
  dataBase64: string;
  /** For the thumbnail: a data URL of what will be sent. */
  url: string;
  bytes: number;
}

/** The picked file is not a picture the browser can read (a PDF, a HEIC the system cannot decode, ...). */
export class NotAnImageError extends Error {
  constructor(readonly fileName: string) {
    super(fileName);
  }
}

let seq = 0;

/**
 * Gets a picked photo ready for upload: PNG or JPEG, at most MAX_EDGE pixels
 * on its longest side. Phone photos (4000 px, 3-6 MB) are scaled down and
 * re-encoded as JPEG here, so the server's 2 MB limit is never the user's
 * problem; other image types the browser can read become JPEG too.
 */
export async function preparePhoto(file: File): Promise<PhotoDraft> {
  if (!file.type.startsWith('image/')) throw new NotAnImageError(file.name);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new NotAnImageError(file.name);
  }
  const key = `p${++seq}`;
  try {
    const scale = Math.min(1, MAX_EDGE / Math.max(bitmap.width, bitmap.height));
    const keep = scale === 1 && (file.type === 'image/png' || file.type === 'image/jpeg') && file.size <= KEEP_BYTES;
    if (keep) {
      const dataBase64 = await fileToBase64(file);
      return { key, fileName: file.name, dataBase64, url: `data:${file.type};base64,${dataBase64}`, bytes: file.size };
    }
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const g = canvas.getContext('2d');
    if (!g) throw new NotAnImageError(file.name);
    // JPEG has no transparency: a white background instead of black behind a transparent PNG.
    g.fillStyle = '#fff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((ok) => canvas.toBlob(ok, 'image/jpeg', JPEG_QUALITY));
    if (!blob) throw new NotAnImageError(file.name);
    const dataBase64 = await fileToBase64(blob);
    const fileName = `${file.name.replace(/\.[^./\\]*$/, '') || 'photo'}.jpg`;
    return { key, fileName, dataBase64, url: `data:image/jpeg;base64,${dataBase64}`, bytes: blob.size };
  } finally {
    bitmap.close();
  }
}

/** Photos for the API, two per call (the HTTP host's body limit). */
export function inPairs<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += 2) out.push(items.slice(i, i + 2));
  return out;
}
