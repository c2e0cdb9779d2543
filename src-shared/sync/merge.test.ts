import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeHlc } from './hlc';
import { mergeStamped, type Stamped } from './merge';

const stamp = (wall: number, node: string) => encodeHlc({ wall, counter: 0, node });
const KEY = ['id'];

describe('per-field last writer wins', () => {
  it('takes a newer stamp and keeps an older one out, saying which', () => {
    const current: Stamped = { row: { id: 'w', priority: 'high', note: 'a' }, clocks: { priority: stamp(200, 'hq') } };
    const late = mergeStamped(
      current,
      { row: { id: 'w', priority: 'low' }, clocks: { priority: stamp(100, 's1') } },
      KEY,
    );
    expect(late.row.priority).toBe('high');
    expect(late.superseded).toEqual(['priority']);
    const newer = mergeStamped(
      current,
      { row: { id: 'w', priority: 'low' }, clocks: { priority: stamp(300, 's1') } },
      KEY,
    );
    expect(newer.row.priority).toBe('low');
    expect(newer.applied).toEqual(['priority']);
    expect(newer.clocks.priority).toBe(stamp(300, 's1'));
  });

  it('lets an unstamped value in only where no stamp holds the field', () => {
    const current: Stamped = { row: { id: 'w', priority: 'high', note: 'a' }, clocks: { priority: stamp(200, 'hq') } };
    const plain = mergeStamped(current, { row: { id: 'w', priority: 'low', note: 'b' }, clocks: {} }, KEY);
    expect(plain.row).toEqual({ id: 'w', priority: 'high', note: 'b' });
  });

  it('converges whatever order the edits arrive in', () => {
    const edit = fc.record({
      field: fc.constantFrom('priority', 'status', 'note'),
      value: fc.string({ maxLength: 3 }),
      wall: fc.integer({ min: 1, max: 50 }),
      node: fc.constantFrom('hq', 's1', 's2'),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), fc.nat(), (edits, seed) => {
        // Stamps are unique per (wall, node): drop repeats, as two edits of one node never share a stamp.
        const unique = [...new Map(edits.map((e) => [`${e.wall}-${e.node}`, e])).values()];
        const apply = (list: typeof unique) =>
          list.reduce<Stamped | null>(
            (cur, e) =>
              mergeStamped(
                cur,
                { row: { id: 'w', [e.field]: e.value }, clocks: { [e.field]: stamp(e.wall, e.node) } },
                KEY,
              ),
            null,
          );
        const shuffled = [...unique].sort((a, b) => ((a.wall * 31 + seed) % 7) - ((b.wall * 31 + seed) % 7));
        expect(apply(shuffled)).toMatchObject({ row: apply(unique)!.row, clocks: apply(unique)!.clocks });
      }),
    );
  });
});
