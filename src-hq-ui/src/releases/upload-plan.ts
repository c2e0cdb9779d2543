import { ChannelFile } from '../../../src-shared/hq-api/methods/releases';
import type { MessageKey } from '../../../src-shared/i18n';

/** What the page knows of a chosen file: a browser File, or a plain object in tests. */
export interface Picked {
  name: string;
  size: number;
  /** Set when the file came from a chosen folder: `folder/sub/name`. */
  webkitRelativePath?: string;
}

export interface Problem {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/**
 * The files of a chosen folder that can belong to the release: those directly
 * in it. electron-builder's output folder also holds win-unpacked/ and the
 * like, whose files never go to HQ.
 */
export function topLevel<F extends Picked>(files: readonly F[]): F[] {
  return files.filter((f) => (f.webkitRelativePath ?? '').split('/').length <= 2);
}

/** The one feed file (latest.yml, latest-linux.yml, ...) among the chosen files. */
export function findManifest<F extends Picked>(files: readonly F[]): { manifest: F } | { problem: Problem } {
  const manifests = files.filter((f) => ChannelFile.safeParse(f.name).success);
  if (manifests.length === 0) return { problem: { key: 'hq.releases.upload.noManifest' } };
  if (manifests.length > 1) {
    return {
      problem: { key: 'hq.releases.upload.twoManifests', params: { files: manifests.map((f) => f.name).join(', ') } },
    };
  }
  return { manifest: manifests[0]! };
}

/**
 * What to send once HQ has read latest.yml: every file it names (refused
 * before anything is sent when one is missing) and each one's .blockmap when
 * chosen (stores then download only the blocks that changed). A chosen file
 * latest.yml does not name is a mistake when picked by hand (the wrong build's
 * installer), and simply left out when it came along with a folder.
 */
export function planUpload<F extends Picked>(
  declared: readonly { name: string }[],
  picked: readonly F[],
  manifest: F,
  fromFolder: boolean,
): { send: F[]; leftOut: number } | { problem: Problem } {
  const byName = new Map(picked.map((f) => [f.name, f]));
  const send: F[] = [];
  for (const d of declared) {
    const file = byName.get(d.name);
    if (!file) return { problem: { key: 'hq.releases.upload.missing', params: { file: d.name } } };
    send.push(file);
    const blockmap = byName.get(`${d.name}.blockmap`);
    if (blockmap) send.push(blockmap);
  }
  const rest = picked.filter((f) => f !== manifest && !send.includes(f));
  if (rest.length > 0 && !fromFolder) {
    return { problem: { key: 'hq.releases.upload.extra', params: { file: rest[0]!.name } } };
  }
  return { send, leftOut: rest.length };
}
