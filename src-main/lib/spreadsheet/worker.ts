import { parentPort, workerData } from 'node:worker_threads';
import type { SheetLimits } from './limits';
import { parseSheet, type SheetKind } from './parse';

/**
 * The spreadsheet reader's thread: one file per worker, then it exits. The
 * main thread gives it a heap limit and a time limit and terminates it past
 * either, so a hostile file costs this thread, never the server.
 */
const { kind, bytes, limits } = workerData as { kind: SheetKind; bytes: Uint8Array; limits: SheetLimits };
parentPort!.postMessage(parseSheet(kind, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), limits));
