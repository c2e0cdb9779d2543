import type { MethodOutput } from '../../../../src-shared/api';
import { call } from '../../lib/api';

/** 3 MB of file per call: well under the host's body limit once base64-encoded. */
const PIECE = 3 * 1024 * 1024;

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * Sends a backup file in pieces, in order (a store database is larger than
 * one request may be); returns the name it was filed under in the backups folder.
 */
export async function uploadBackup(file: File, onProgress: (percent: number) => void): Promise<string> {
  let uploadId: string | null = null;
  let offset = 0;
  for (;;) {
    const piece = new Uint8Array(await file.slice(offset, offset + PIECE).arrayBuffer());
    const last = offset + piece.length >= file.size;
    const out: MethodOutput<'system.restoreUpload'> = await call('system.restoreUpload', {
      uploadId,
      offset,
      base64: toBase64(piece),
      last,
    });
    uploadId = out.uploadId;
    offset = out.bytes;
    onProgress(file.size ? Math.round((offset / file.size) * 100) : 100);
    if (last) return out.backup!;
  }
}
