import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { HqApiClient } from './hq';

/** electron-builder's blockmap block size is content-defined; fixed blocks are enough for the differential downloader. */
const BLOCK = 16 * 1024;

export interface ReleaseFixture {
  version: string;
  channelFile: string;
  installerName: string;
  installer: Buffer;
  blockmap: Buffer;
  manifest: string;
}

/** The feed file electron-updater asks for on this machine (electron-updater's Provider.getChannelFilePrefix). */
export function channelFileHere(): string {
  if (process.platform === 'win32') return 'latest.yml';
  if (process.platform === 'darwin') return 'latest-mac.yml';
  return `latest-linux${process.arch === 'x64' ? '' : `-${process.arch}`}.yml`;
}

export const sha512 = (b: Buffer) => createHash('sha512').update(b).digest('base64');

/** Deterministic bytes: an "installer" whose later versions differ in a few blocks only. */
export function installerBytes(size: number, seed: number, changedBlocks: number[] = []): Buffer {
  const out = Buffer.alloc(size);
  let x = 0x2545f491;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  for (const b of changedBlocks) out.fill(seed & 0xff, b * BLOCK, Math.min(size, b * BLOCK + 100));
  return out;
}

function blockmapOf(bytes: Buffer): Buffer {
  const checksums: string[] = [];
  const sizes: number[] = [];
  for (let at = 0; at < bytes.length; at += BLOCK) {
    const chunk = bytes.subarray(at, at + BLOCK);
    checksums.push(createHash('sha256').update(chunk).digest('base64'));
    sizes.push(chunk.length);
  }
  return gzipSync(JSON.stringify({ version: '2', files: [{ name: 'file', offset: 0, checksums, sizes }] }));
}

/** A release as electron-builder lays it out for NSIS: installer, its .blockmap, and latest.yml. */
export function releaseFixture(version: string, installer: Buffer, channelFile = channelFileHere()): ReleaseFixture {
  const installerName = `Store-Backoffice-Setup-${version}.exe`;
  const hash = sha512(installer);
  const manifest = [
    `version: ${version}`,
    'files:',
    `  - url: ${installerName}`,
    `    sha512: ${hash}`,
    `    size: ${installer.length}`,
    `path: ${installerName}`,
    `sha512: ${hash}`,
    "releaseDate: '2026-03-01T08:00:00.000Z'",
    '',
  ].join('\n');
  return { version, channelFile, installerName, installer, blockmap: blockmapOf(installer), manifest };
}

export async function putFile(url: string, admin: HqApiClient, stageId: string, name: string, body: Buffer) {
  const res = await fetch(`${url}/upload/releases/${stageId}/${encodeURIComponent(name)}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/octet-stream', ...(admin.cookie ? { Cookie: admin.cookie } : {}) },
    body: new Uint8Array(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as { ok: boolean; error?: { code: string; message: string; fields: { path: string }[] } },
  };
}

/** Stage, upload every file, publish: what the Releases page does. */
export async function uploadRelease(url: string, admin: HqApiClient, r: ReleaseFixture, files?: [string, Buffer][]) {
  const stage = await admin.call<{ stageId: string }>('releases.stage', {
    channelFile: r.channelFile,
    manifest: r.manifest,
  });
  const sent = files ?? [
    [r.installerName, r.installer],
    [`${r.installerName}.blockmap`, r.blockmap],
  ];
  for (const [name, body] of sent) {
    const put = await putFile(url, admin, stage.stageId, name, body);
    if (!put.body.ok) return { stageId: stage.stageId, refused: put };
  }
  await admin.call('releases.publish', { stageId: stage.stageId });
  return { stageId: stage.stageId, refused: null };
}
