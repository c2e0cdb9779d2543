import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(msg: string, data?: unknown): void;
  info(msg: string, data?: unknown): void;
  warn(msg: string, data?: unknown): void;
  error(msg: string, data?: unknown): void;
  readonly file: string;
}

export interface LogOptions {
  dir: string;
  /** Rotate when the file passes this size. */
  maxBytes?: number;
  /** Rotated files kept: app.1.log (newest) .. app.N.log. */
  keep?: number;
  echo?: boolean;
  /** File name without `.log` (default `app`): a second log keeps noisy writers out of the main one. */
  name?: string;
}

/**
 * A synchronous, size-rotated JSON-lines log. Synchronous on purpose: the line
 * describing a crash must be on disk before the process dies.
 */
export function createLogger(opts: LogOptions): Logger {
  const maxBytes = opts.maxBytes ?? 5 * 1024 * 1024;
  const keep = opts.keep ?? 5;
  mkdirSync(opts.dir, { recursive: true });
  const name = opts.name ?? 'app';
  const file = join(opts.dir, `${name}.log`);
  let size = existsSync(file) ? statSync(file).size : 0;

  function rotate(): void {
    rmSync(join(opts.dir, `${name}.${keep}.log`), { force: true });
    for (let i = keep - 1; i >= 1; i--) {
      const from = join(opts.dir, `${name}.${i}.log`);
      if (existsSync(from)) renameSync(from, join(opts.dir, `${name}.${i + 1}.log`));
    }
    if (existsSync(file)) renameSync(file, join(opts.dir, `${name}.1.log`));
    size = 0;
  }

  function write(level: LogLevel, msg: string, data?: unknown): void {
    const entry: Record<string, unknown> = { t: new Date().toISOString(), level, msg };
    if (data !== undefined) entry.data = data instanceof Error ? { message: data.message, stack: data.stack } : data;
    const line = JSON.stringify(entry) + '\n';
    try {
      if (size + line.length > maxBytes) rotate();
      appendFileSync(file, line);
      size += Buffer.byteLength(line);
    } catch {
      // A full disk must not take the app down with it; stderr still has it.
      process.stderr.write(line);
      return;
    }
    if (opts.echo && (level === 'warn' || level === 'error')) process.stderr.write(`[${level}] ${msg}\n`);
  }

  return {
    file,
    debug: (m, d) => write('debug', m, d),
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
  };
}
