import { describe, expect, it } from 'vitest';
import { z as zod } from 'zod';
import { schemasBuilt } from './lazy-schema';
import * as z from './lazy-zod';

describe('contract schemas built on first use', () => {
  it('builds none when the contract map is imported, and only its own at a method’s first call', async () => {
    const before = schemasBuilt();
    const { api } = await import('./index');
    expect(Object.keys(api).length).toBeGreaterThan(100);
    expect(schemasBuilt()).toBe(before);
    expect(api['session.current'].input.safeParse({}).success).toBe(true);
    const one = schemasBuilt() - before;
    expect(one).toBeGreaterThan(0);
    expect(one).toBeLessThan(20);
    // The same schema answers again without being built again.
    api['session.current'].input.safeParse({});
    expect(schemasBuilt() - before).toBe(one);
  });

  it('parses, refuses and describes exactly as zod does', () => {
    const shapes = (k: typeof zod | typeof z) => {
      const Line = k.object({ code: k.string().trim().min(1).max(8), qty: k.number().int().positive() });
      return k
        .object({
          kind: k.enum(['a', 'b']),
          lines: k.array(Line).max(2),
          note: k.string().max(5).nullish(),
          tag: k.union([k.literal('x'), k.null()]).default(null),
        })
        .extend({ extra: k.record(k.string(), k.unknown()).optional() })
        .refine((v) => v.kind === 'a' || v.lines.length > 0, { message: 'b needs lines', path: ['lines'] });
    };
    const lazy = shapes(z);
    const eager = shapes(zod);
    const inputs = [
      { kind: 'a', lines: [{ code: ' AB ', qty: 2 }] },
      { kind: 'b', lines: [] },
      { kind: 'c', lines: [{ code: '', qty: 1.5 }], note: 'too long' },
      { kind: 'a', lines: [], tag: 'x', extra: { any: 1 } },
      null,
    ];
    for (const input of inputs) {
      const a = lazy.safeParse(input);
      const b = eager.safeParse(input);
      expect(a.success).toBe(b.success);
      expect(a.data).toEqual(b.data);
      expect(a.error?.issues).toEqual(b.error?.issues);
    }
    expect(lazy).toBeInstanceOf(zod.ZodType);
    const obj = z.object({ a: z.string() });
    expect(obj).toBeInstanceOf(zod.ZodObject);
    expect(Object.keys(obj.shape)).toEqual(['a']);
    expect(obj.omit({ a: true }).parse({ a: 'x' })).toEqual({});
  });
});
