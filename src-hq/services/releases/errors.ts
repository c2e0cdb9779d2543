import { HqApiError } from '../../api/errors';
import type { MessageKey } from '../../../src-shared/i18n';
import { ManifestError } from './manifest';
import { FileRefusal } from './storage';

/**
 * A refused manifest or file as the admin reads it: VALIDATION, a message
 * naming the file and what differed, and the field (the file) to point at.
 */
export function releaseRefusal(err: unknown): HqApiError | null {
  if (err instanceof ManifestError) {
    const p = err.problem;
    const key = `hq.releases.e.manifest.${p.reason}` as MessageKey;
    const params = { ...p } as Record<string, string | number>;
    return new HqApiError('VALIDATION', key, params, [{ path: 'manifest', key, params }]);
  }
  if (err instanceof FileRefusal) {
    const p = err.problem;
    const key = `hq.releases.e.file.${p.reason}` as MessageKey;
    const params = { ...p } as Record<string, string | number>;
    return new HqApiError('VALIDATION', key, params, [{ path: `files.${p.file}`, key, params }]);
  }
  return null;
}

export function rethrowRelease(err: unknown): never {
  throw releaseRefusal(err) ?? err;
}
