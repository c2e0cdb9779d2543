import { createRequire } from 'node:module';

const requireHere = createRequire(import.meta.url);

/**
 * A module loaded the first time it is used, synchronously. For native and
 * heavy packages only devices need (serialport ~35 ms, bwip-js ~80 ms,
 * resvg): a store without a scale or printer never pays for them, and the
 * app's cold start does not either.
 */
export function lazyRequire<T>(id: string): () => T {
  let mod: T | undefined;
  return () => (mod ??= requireHere(id) as T);
}
