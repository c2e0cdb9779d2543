import { describe, expect, it } from 'vitest';
import { bigSheet } from '../../../tests/helpers/xlsx-forge';
import { SheetRefusal } from './limits';
import { readSheetInWorker } from './run';

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof SheetRefusal ? { reason: e.reason, params: e.params } : e),
  );

describe('reading in a worker', () => {
  it('returns the rows read in the worker thread', async () => {
    const rows = await readSheetInWorker('xlsx', bigSheet(3, 2, ['code', 'qty']));
    expect(rows).toEqual([
      ['code', 'qty'],
      ['T2-1', '4'],
      ['T3-1', '6'],
    ]);
    expect(await readSheetInWorker('csv', Buffer.from('a,b\r\n1,2\r\n'))).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('terminates a read that passes its time limit, and one that passes its heap limit', async () => {
    const big = bigSheet(20_000, 10);
    expect(await refusal(readSheetInWorker('xlsx', big, { timeoutMs: 30 }))).toEqual({
      reason: 'timeout',
      params: { seconds: 1 },
    });
    expect(await refusal(readSheetInWorker('xlsx', big, { maxHeapMb: 8, timeoutMs: 20_000 }))).toEqual({
      reason: 'outOfMemory',
      params: { mb: 8 },
    });
    // and the next read works: nothing was left behind
    expect(await readSheetInWorker('csv', Buffer.from('x\n'))).toEqual([['x']]);
  });

  it('reads at most two files at once, queues a few, and tells the rest to retry', async () => {
    const file = bigSheet(2000, 5);
    const results = await Promise.all(Array.from({ length: 10 }, () => refusal(readSheetInWorker('xlsx', file))));
    expect(results.filter((r) => r === null)).toHaveLength(8);
    expect(results.filter((r) => r !== null)).toEqual([
      { reason: 'busy', params: {} },
      { reason: 'busy', params: {} },
    ]);
  });
});
