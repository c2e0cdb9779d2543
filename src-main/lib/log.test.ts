import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/helpers/backend';
import { createLogger } from './log';

describe('rotating log', () => {
  it('writes JSON lines and rotates by size, keeping the configured number of files', () => {
    const dir = tempDir('bo-log-');
    const log = createLogger({ dir, maxBytes: 2000, keep: 2 });
    for (let i = 0; i < 100; i++) log.info(`line ${i}`, { i });
    log.error('boom', new Error('kaput'));
    const current = readFileSync(join(dir, 'app.log'), 'utf8').trim().split('\n');
    const last = JSON.parse(current[current.length - 1]!) as { level: string; msg: string; data: { stack: string } };
    expect(last).toMatchObject({ level: 'error', msg: 'boom' });
    expect(last.data.stack).toContain('kaput');
    expect(existsSync(join(dir, 'app.1.log'))).toBe(true);
    expect(existsSync(join(dir, 'app.2.log'))).toBe(true);
    expect(existsSync(join(dir, 'app.3.log'))).toBe(false);
    expect(readFileSync(join(dir, 'app.1.log'), 'utf8').length).toBeLessThanOrEqual(2000);
  });
});
