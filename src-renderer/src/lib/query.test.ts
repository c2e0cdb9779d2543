import { beforeEach, describe, expect, it, vi } from 'vitest';

/** Each call waits until the test answers it, so requests can be made to overlap a change. */
const pending: { method: string; resolve(v: unknown): void }[] = [];
vi.mock('./api', () => ({
  call: (method: string) => new Promise((resolve) => pending.push({ method, resolve })),
}));

const { clearQueries, invalidate, watchQuery } = await import('./query');
const flush = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  clearQueries();
  pending.length = 0;
});

describe('query cache', () => {
  it('asks again when made stale while a request is on its way, so an answer from before a change never sticks', async () => {
    const q = watchQuery('invoices.get', { id: 'a' }, () => undefined);
    expect(pending).toHaveLength(1);
    pending[0]!.resolve({ status: 'draft' });
    await flush();
    expect(q.read().data).toEqual({ status: 'draft' });

    // A refresh starts (another change), then the approval commits and is announced before it returns.
    invalidate(['invoices.get']);
    expect(pending).toHaveLength(2);
    invalidate(['invoices.get']);
    expect(pending).toHaveLength(2); // not two requests at once
    pending[1]!.resolve({ status: 'disputed' }); // read before the approval
    await flush();
    expect(pending).toHaveLength(3);
    pending[2]!.resolve({ status: 'approved' });
    await flush();
    expect(q.read().data).toEqual({ status: 'approved' });
    expect(pending).toHaveLength(3);
    q.stop();
  });

  it('drops stale queries nobody shows and refetches everything on "*"', async () => {
    const shown = watchQuery('invoices.get', { id: 'a' }, () => undefined);
    const hidden = watchQuery('po.get', { id: 'b' }, () => undefined);
    pending.splice(0).forEach((p) => p.resolve({ v: 1 }));
    await flush();
    hidden.stop();
    invalidate(['*']);
    expect(pending.map((p) => p.method)).toEqual(['invoices.get']);
    shown.stop();
  });
});
