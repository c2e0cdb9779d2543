/**
 * electron-builder's update manifest (latest.yml), read and written by HQ
 * itself. HQ never serves the uploaded text: it serves what it parsed and
 * checked, so a key HQ did not verify (an absolute file URL pointing
 * elsewhere, electron-updater's own stagingPercentage fighting HQ's rollout)
 * can never reach a store. The reader knows the flat shape electron-builder
 * writes (scalars, and `files` as a list of maps) and refuses anything it
 * cannot read rather than guess.
 */
export interface ManifestFile {
  /** A plain file name beside the manifest (HQ checks it). */
  url: string;
  sha512: string;
  size: number;
  blockMapSize?: number;
}

export interface Manifest {
  version: string;
  files: ManifestFile[];
  path: string;
  sha512: string;
  releaseDate: string;
}

export type ManifestProblem =
  | { reason: 'unreadable'; line: number }
  | { reason: 'missing'; key: string }
  | { reason: 'badVersion'; value: string }
  | { reason: 'badFileName'; value: string }
  | { reason: 'badChecksum'; value: string }
  | { reason: 'badSize'; value: string }
  | { reason: 'duplicateFile'; value: string }
  | { reason: 'pathNotInFiles'; value: string };

export class ManifestError extends Error {
  constructor(readonly problem: ManifestProblem) {
    super(`latest.yml: ${problem.reason}`);
    this.name = 'ManifestError';
  }
}

/** Semantic versions without build metadata: they name a directory and are compared by the updater (semver). */
export const VERSION_RE =
  /^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;
/** A file name HQ stores and serves: no directories, no leading dot, no shell or URL specials. */
export const FILE_NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._ -]{0,199}$/;
/** The feed file names electron-updater asks for: latest.yml, latest-linux.yml, latest-mac.yml, latest-linux-arm64.yml. */
export const CHANNEL_FILE_RE = /^latest(?:-[a-z0-9]+){0,2}\.yml$/;
const SHA512_B64_RE = /^[A-Za-z0-9+/]{86}==$/;

export function isSafeFileName(name: string): boolean {
  return FILE_NAME_RE.test(name) && !name.includes('..') && !name.endsWith(' ') && !name.endsWith('.');
}

function scalar(raw: string, line: number): string {
  const text = raw.trim();
  if (text.startsWith("'")) {
    if (!text.endsWith("'") || text.length < 2) throw new ManifestError({ reason: 'unreadable', line });
    return text.slice(1, -1).replace(/''/g, "'");
  }
  if (text.startsWith('"')) {
    if (!text.endsWith('"') || text.length < 2 || /\\/.test(text)) {
      throw new ManifestError({ reason: 'unreadable', line });
    }
    return text.slice(1, -1);
  }
  // A comment after a plain value.
  return text.replace(/\s+#.*$/, '');
}

const KEY_VALUE = /^([A-Za-z][A-Za-z0-9]*):(?:\s+(.*))?$/;

/** The text as key/value pairs: top-level scalars, `files` items, and nested blocks of other keys skipped. */
function readLines(text: string): { top: Map<string, string>; files: Map<string, string>[] } {
  const top = new Map<string, string>();
  const files: Map<string, string>[] = [];
  let block: 'files' | 'skip' | null = null;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, i) => {
    const n = i + 1;
    if (/^\s*(#.*)?$/.test(line) || line === '---') return;
    if (!/^\s/.test(line)) {
      const m = KEY_VALUE.exec(line);
      if (!m) throw new ManifestError({ reason: 'unreadable', line: n });
      const value = m[2]?.trim() ?? '';
      if (m[1] === 'files') {
        if (value !== '') throw new ManifestError({ reason: 'unreadable', line: n });
        block = 'files';
      } else if (value === '' || value === '|' || value === '>' || /^[|>][-+]?$/.test(value)) {
        // Release notes and other nested values: not needed to update, not served.
        block = 'skip';
      } else {
        block = null;
        top.set(m[1]!, scalar(value, n));
      }
      return;
    }
    if (block === 'skip') return;
    if (block !== 'files') throw new ManifestError({ reason: 'unreadable', line: n });
    const item = /^\s+-\s+(.*)$/.exec(line);
    const body = item ? item[1]! : line.trim();
    if (item) files.push(new Map());
    const current = files[files.length - 1];
    const m = KEY_VALUE.exec(body);
    if (!current || !m) throw new ManifestError({ reason: 'unreadable', line: n });
    current.set(m[1]!, scalar(m[2] ?? '', n));
  });
  return { top, files };
}

function size(value: string | undefined, key: string): number {
  if (value === undefined) throw new ManifestError({ reason: 'missing', key });
  if (!/^\d{1,13}$/.test(value)) throw new ManifestError({ reason: 'badSize', value });
  return Number(value);
}

function checksum(value: string | undefined, key: string): string {
  if (value === undefined) throw new ManifestError({ reason: 'missing', key });
  if (!SHA512_B64_RE.test(value)) throw new ManifestError({ reason: 'badChecksum', value: value.slice(0, 100) });
  return value;
}

function fileName(value: string | undefined, key: string): string {
  if (value === undefined) throw new ManifestError({ reason: 'missing', key });
  if (!isSafeFileName(value)) throw new ManifestError({ reason: 'badFileName', value: value.slice(0, 100) });
  return value;
}

export function parseManifest(text: string): Manifest {
  const { top, files: items } = readLines(text);
  const version = top.get('version');
  if (version === undefined) throw new ManifestError({ reason: 'missing', key: 'version' });
  if (!VERSION_RE.test(version)) throw new ManifestError({ reason: 'badVersion', value: version.slice(0, 60) });
  if (items.length === 0) throw new ManifestError({ reason: 'missing', key: 'files' });
  const files = items.map((f, i): ManifestFile => {
    const out: ManifestFile = {
      url: fileName(f.get('url'), `files[${i}].url`),
      sha512: checksum(f.get('sha512'), `files[${i}].sha512`),
      size: size(f.get('size'), `files[${i}].size`),
    };
    if (f.has('blockMapSize')) out.blockMapSize = size(f.get('blockMapSize'), `files[${i}].blockMapSize`);
    return out;
  });
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.url)) throw new ManifestError({ reason: 'duplicateFile', value: f.url });
    seen.add(f.url);
  }
  const path = fileName(top.get('path') ?? files[0]!.url, 'path');
  const main = files.find((f) => f.url === path);
  if (!main) throw new ManifestError({ reason: 'pathNotInFiles', value: path });
  const sha512 = checksum(top.get('sha512') ?? main.sha512, 'sha512');
  if (sha512 !== main.sha512) throw new ManifestError({ reason: 'badChecksum', value: sha512.slice(0, 100) });
  return { version, files, path, sha512, releaseDate: top.get('releaseDate') ?? '' };
}

const quoted = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * The manifest a store reads, with each file's URL under `prefix` (the
 * version's folder): electron-updater finds the previous version's blockmap
 * by replacing the version in the new file's URL, so the folder must carry it.
 */
export function writeManifest(m: Manifest, prefix: string): string {
  const lines = [`version: ${quoted(m.version)}`, 'files:'];
  for (const f of m.files) {
    lines.push(`  - url: ${quoted(prefix + f.url)}`, `    sha512: ${quoted(f.sha512)}`, `    size: ${f.size}`);
    if (f.blockMapSize !== undefined) lines.push(`    blockMapSize: ${f.blockMapSize}`);
  }
  lines.push(`path: ${quoted(prefix + m.path)}`, `sha512: ${quoted(m.sha512)}`);
  if (m.releaseDate) lines.push(`releaseDate: ${quoted(m.releaseDate)}`);
  return lines.join('\n') + '\n';
}
