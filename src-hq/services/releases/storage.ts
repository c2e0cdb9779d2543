import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Readable } from 'node:stream';
import { isSafeFileName, parseManifest, VERSION_RE, type Manifest } from './manifest';

/** A blockmap is small (about 1/1000 of its installer); anything much larger is not one. */
export const MAX_BLOCKMAP_BYTES = 16 * 1024 * 1024;
/** The largest installer HQ takes. */
export const MAX_RELEASE_FILE_BYTES = 2 * 1024 * 1024 * 1024;
/** A staged upload nobody published or discarded is swept after this long. */
export const STAGE_TTL_MS = 6 * 3600_000;
const STAGE_RE = /^[0-9a-f-]{36}$/;

/** Why a file was refused: every variant names the file. */
export type FileProblem =
  | { reason: 'unknownFile'; file: string }
  | { reason: 'size'; file: string; expected: number; actual: number }
  /** More bytes arrived than latest.yml declares: cut off there. */
  | { reason: 'sizeOver'; file: string; expected: number }
  | { reason: 'tooLarge'; file: string; limit: number }
  | { reason: 'checksum'; file: string; expected: string; actual: string }
  | { reason: 'notBlockmap'; file: string }
  | { reason: 'missing'; file: string }
  | { reason: 'timeout'; file: string }
  | { reason: 'aborted'; file: string };

export class FileRefusal extends Error {
  constructor(readonly problem: FileProblem) {
    super(`release file refused: ${problem.reason} ${problem.file}`);
    this.name = 'FileRefusal';
  }
}

export interface StageInfo {
  id: string;
  channelFile: string;
  manifest: Manifest;
  createdAt: number;
}

export interface StoredFile {
  name: string;
  size: number;
  sha512: string;
}

/**
 * Release files on HQ's disk: `<dir>/<version>/` for published releases,
 * `<dir>/.staging/<id>/` while an upload is in progress. A release directory
 * appears with one rename once every file is checked, so a reader never sees
 * a half-written release, and a refused upload is removed whole.
 */
export class ReleaseStorage {
  constructor(readonly dir: string) {}

  private stageDir(id: string): string {
    if (!STAGE_RE.test(id)) throw new FileRefusal({ reason: 'missing', file: id.slice(0, 40) });
    return join(this.dir, '.staging', id);
  }

  releaseDir(version: string): string {
    return join(this.dir, version);
  }

  async createStage(channelFile: string, manifestText: string, now: number): Promise<StageInfo> {
    const manifest = parseManifest(manifestText);
    const id = randomUUID();
    const dir = this.stageDir(id);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, '.stage.json'), JSON.stringify({ channelFile, createdAt: now }));
    await writeFile(join(dir, '.manifest.yml'), manifestText);
    return { id, channelFile, manifest, createdAt: now };
  }

  async readStage(id: string, now: number): Promise<StageInfo | null> {
    const dir = this.stageDir(id);
    try {
      const meta = JSON.parse(await readFile(join(dir, '.stage.json'), 'utf8')) as {
        channelFile: string;
        createdAt: number;
      };
      if (meta.createdAt + STAGE_TTL_MS < now) return null;
      const manifest = parseManifest(await readFile(join(dir, '.manifest.yml'), 'utf8'));
      return { id, channelFile: meta.channelFile, manifest, createdAt: meta.createdAt };
    } catch {
      return null;
    }
  }

  async discardStage(id: string): Promise<void> {
    await rm(this.stageDir(id), { recursive: true, force: true });
  }

  /** What latest.yml says of `name`: a declared file's size and checksum, or a blockmap beside one (unchecked by the manifest). */
  static expectation(m: Manifest, name: string): { size: number; sha512: string } | 'blockmap' | null {
    const declared = m.files.find((f) => f.url === name);
    if (declared) return { size: declared.size, sha512: declared.sha512 };
    if (name.endsWith('.blockmap') && m.files.some((f) => `${f.url}.blockmap` === name)) return 'blockmap';
    return null;
  }

  /**
   * Streams one file into the stage, hashing as it goes. Refused (and the
   * stage removed: the release as a whole is refused) when the name is not in
   * latest.yml, when more bytes arrive than it declares, or when size or
   * checksum differ at the end; cut off when the body stalls.
   */
  async receive(
    stage: StageInfo,
    name: string,
    body: Readable,
    opts: { declaredLength: number | null; idleMs: number; totalMs: number },
  ): Promise<StoredFile> {
    const expected = isSafeFileName(name) ? ReleaseStorage.expectation(stage.manifest, name) : null;
    try {
      if (!expected) throw new FileRefusal({ reason: 'unknownFile', file: name.slice(0, 200) });
      const limit = expected === 'blockmap' ? MAX_BLOCKMAP_BYTES : expected.size;
      if (opts.declaredLength !== null && opts.declaredLength > limit) {
        throw expected === 'blockmap'
          ? new FileRefusal({ reason: 'tooLarge', file: name, limit })
          : new FileRefusal({ reason: 'sizeOver', file: name, expected: expected.size });
      }
      const dir = this.stageDir(stage.id);
      const part = join(dir, `${name}.part`);
      const { size, sha512 } = await streamToFile(body, part, name, limit, expected, opts);
      if (expected !== 'blockmap') {
        if (size !== expected.size)
          throw new FileRefusal({ reason: 'size', file: name, expected: expected.size, actual: size });
        if (sha512 !== expected.sha512) {
          throw new FileRefusal({ reason: 'checksum', file: name, expected: expected.sha512, actual: sha512 });
        }
      } else if (!isBlockmap(await readFile(part))) {
        throw new FileRefusal({ reason: 'notBlockmap', file: name });
      }
      await rename(part, join(dir, name));
      return { name, size, sha512 };
    } catch (err) {
      await this.discardStage(stage.id);
      throw err;
    }
  }

  /**
   * Every declared file present and still what latest.yml says (hashed again
   * from disk), blockmaps counted; the staged files, listed.
   */
  async verifyStage(stage: StageInfo): Promise<StoredFile[]> {
    const dir = this.stageDir(stage.id);
    const names = new Set(await readdir(dir));
    const out: StoredFile[] = [];
    for (const f of stage.manifest.files) {
      if (!names.has(f.url)) throw new FileRefusal({ reason: 'missing', file: f.url });
      const { size, sha512 } = await hashFile(join(dir, f.url));
      if (size !== f.size) throw new FileRefusal({ reason: 'size', file: f.url, expected: f.size, actual: size });
      if (sha512 !== f.sha512)
        throw new FileRefusal({ reason: 'checksum', file: f.url, expected: f.sha512, actual: sha512 });
      out.push({ name: f.url, size, sha512 });
      if (names.has(`${f.url}.blockmap`)) {
        out.push({ name: `${f.url}.blockmap`, ...(await hashFile(join(dir, `${f.url}.blockmap`))) });
      }
    }
    return out;
  }

  /** Moves a verified stage into place as `<version>/` (a leftover directory of an unrecorded attempt is replaced). */
  async publishStage(stage: StageInfo): Promise<void> {
    const target = this.releaseDir(stage.manifest.version);
    await rm(target, { recursive: true, force: true });
    await rename(this.stageDir(stage.id), target);
    await rm(join(target, '.stage.json'), { force: true });
  }

  /** Stages older than STAGE_TTL_MS (an upload abandoned in a closed browser). */
  async sweepStages(now: number): Promise<number> {
    const root = join(this.dir, '.staging');
    let removed = 0;
    for (const id of await readdir(root).catch(() => [] as string[])) {
      const info = await stat(join(root, id)).catch(() => null);
      if (info && info.mtimeMs + STAGE_TTL_MS < now) {
        await rm(join(root, id), { recursive: true, force: true });
        removed++;
      }
    }
    return removed;
  }

  /**
   * Removes release directories whose version is not in `listed` (a removed
   * release). Staging is left to sweepStages; only names that look like a
   * version are touched, so nothing else in the directory is at risk.
   */
  async removeUnlisted(listed: ReadonlySet<string>): Promise<number> {
    let removed = 0;
    for (const name of await readdir(this.dir).catch(() => [] as string[])) {
      if (!VERSION_RE.test(name) || listed.has(name)) continue;
      await rm(join(this.dir, name), { recursive: true, force: true });
      removed++;
    }
    return removed;
  }

  /** A published file's path, or null (the name is checked again: it comes from a URL). */
  filePath(version: string, name: string): string | null {
    if (!isSafeFileName(name) || name.startsWith('.')) return null;
    return join(this.releaseDir(version), name);
  }
}

function isBlockmap(bytes: Buffer): boolean {
  try {
    const data = JSON.parse(gunzipSync(bytes).toString('utf8')) as { files?: unknown };
    return Array.isArray(data.files);
  } catch {
    return false;
  }
}

async function hashFile(path: string): Promise<{ size: number; sha512: string }> {
  const hash = createHash('sha512');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size, sha512: hash.digest('base64') };
}

function streamToFile(
  body: Readable,
  path: string,
  name: string,
  limit: number,
  expected: { size: number } | 'blockmap',
  opts: { idleMs: number; totalMs: number },
): Promise<{ size: number; sha512: string }> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(path);
    const hash = createHash('sha512');
    let size = 0;
    let done = false;
    const finish = (err: FileRefusal | null) => {
      if (done) return;
      done = true;
      clearTimeout(total);
      clearTimeout(idle);
      body.off('data', onData);
      if (err) {
        body.resume();
        out.destroy();
        reject(err);
      } else out.end(() => resolve({ size, sha512: hash.digest('base64') }));
    };
    const total = setTimeout(() => finish(new FileRefusal({ reason: 'timeout', file: name })), opts.totalMs);
    let idle = setTimeout(() => finish(new FileRefusal({ reason: 'timeout', file: name })), opts.idleMs);
    const onData = (chunk: Buffer) => {
      clearTimeout(idle);
      idle = setTimeout(() => finish(new FileRefusal({ reason: 'timeout', file: name })), opts.idleMs);
      size += chunk.length;
      if (size > limit) {
        return finish(
          expected === 'blockmap'
            ? new FileRefusal({ reason: 'tooLarge', file: name, limit })
            : new FileRefusal({ reason: 'sizeOver', file: name, expected: expected.size }),
        );
      }
      hash.update(chunk);
      // Backpressure: a fast client never piles the installer up in HQ's memory.
      if (!out.write(chunk)) {
        body.pause();
        out.once('drain', () => body.resume());
      }
    };
    body.on('data', onData);
    body.once('end', () => finish(null));
    body.once('aborted', () => finish(new FileRefusal({ reason: 'aborted', file: name })));
    body.once('error', () => finish(new FileRefusal({ reason: 'aborted', file: name })));
    out.once('error', (e) => {
      if (done) return;
      done = true;
      clearTimeout(total);
      clearTimeout(idle);
      reject(e);
    });
  });
}
