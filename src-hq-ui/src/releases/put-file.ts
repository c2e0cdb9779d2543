import { apiLocale } from '../../../src-renderer/src/lib/api-client';

export type PutResult = { ok: true } | { ok: false; message: string | null };

/**
 * PUT /upload/releases/<stageId>/<name>: the file's bytes as they are (an
 * installer can be hundreds of MB: no base64, no JSON). XMLHttpRequest
 * because fetch reports no upload progress. HQ answers a refusal in the
 * language on screen (X-Locale), naming the file and what differed; a
 * connection HQ cut short (it stops reading a file already known to be too
 * large) gives no answer, and the caller says so in its own words.
 */
export function putReleaseFile(
  stageId: string,
  file: Blob & { name: string },
  onProgress: (sent: number) => void,
): Promise<PutResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', `/upload/releases/${stageId}/${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('X-Locale', apiLocale());
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    // The last progress event may not come before HQ's answer: the whole body was sent.
    xhr.upload.onload = () => onProgress(file.size);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve({ ok: true });
      try {
        const body = JSON.parse(xhr.responseText) as { error?: { message?: string } };
        resolve({ ok: false, message: body.error?.message ?? null });
      } catch {
        resolve({ ok: false, message: null });
      }
    };
    xhr.onerror = () => resolve({ ok: false, message: null });
    xhr.send(file);
  });
}
