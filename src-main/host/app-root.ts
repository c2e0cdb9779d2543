import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder: built code runs from out/main, sources (tests) from src-main/host. */
export function appRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '../..');
}

export function appVersion(root = appRoot()): string {
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
}
