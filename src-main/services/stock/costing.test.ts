import { describe, expect, it } from 'vitest';
import { applyMove, emptyCost, moveValue, outboundValue, type CostState } from './costing';
import { mulDiv } from './money-math';

const KG = 1_000_000; // thousandths of a gram
const YUAN = 10_000;

function run(moves: [kind: 'receipt' | 'issue' | 'count_adjust', qty: number, value?: number][]): {
  state: CostState;
  values: number[];
} {
  const s = emptyCost();
  const values: number[] = [];
  for (const [kind, q, v] of moves) {
    const qty = kind === 'issue' ? -q : q;
    const value = moveValue(s, { kind, qty, value: v ?? 0, fixedValue: false });
    applyMove(s, qty, value);
    values.push(value);
  }
  return { state: s, values };
}

describe('moving weighted average (hand-computed)', () => {
  it('averages two receipts and issues at the average', () => {
    // 10 kg at ¥80/kg = ¥800; 5 kg at ¥92/kg = ¥460 -> 15 kg, ¥1260, ¥84/kg
    // issue 6 kg -> 6 * 1260 / 15 = ¥504; left 9 kg, ¥756 (still ¥84/kg)
    const { state, values } = run([
      ['receipt', 10 * KG, 800 * YUAN],
      ['receipt', 5 * KG, 460 * YUAN],
      ['issue', 6 * KG],
    ]);
    expect(values).toEqual([800 * YUAN, 460 * YUAN, -504 * YUAN]);
    expect(state).toMatchObject({ qty: 9 * KG, value: 756 * YUAN });
  });

  it('rounds each issue half away from zero and leaves no residue when the last unit goes', () => {
    // 3 pieces for ¥10.0000 -> avg 3.33333...; issue 1 -> 33333.33 -> 33333; issue 1 -> 66667*1/2 = 33333.5 -> 33334; last -> 33333
    const { state, values } = run([
      ['receipt', 3000, 10 * YUAN],
      ['issue', 1000],
      ['issue', 1000],
      ['issue', 1000],
    ]);
    expect(values.slice(1)).toEqual([-33333, -33334, -33333]);
    expect(values.reduce((a, b) => a + b, 0)).toBe(0);
    expect(state).toEqual({ qty: 0, value: 0, lastQty: 1000, lastValue: 33333 });
  });

  it('values a count gain at the current average and a loss like an issue', () => {
    const { values } = run([
      ['receipt', 4 * KG, 100 * YUAN], // ¥25/kg
      ['count_adjust', 1 * KG],
      ['count_adjust', -2 * KG],
    ]);
    expect(values).toEqual([100 * YUAN, 25 * YUAN, -50 * YUAN]);
  });

  it('prices stock below zero at the last positive average; the refilling receipt settles the difference', () => {
    const s = emptyCost();
    applyMove(s, 2000, 20 * YUAN); // 2 pc at ¥10
    const out = -outboundValue(s, 3000); // all of it plus 1 pc below zero at ¥10
    expect(out).toBe(-30 * YUAN);
    applyMove(s, -3000, out);
    expect(s).toMatchObject({ qty: -1000, value: -10 * YUAN });
    // 5 pc arrive at ¥12: 4 pc remain worth ¥60 - ¥10 = ¥50 (the ¥2 the missing piece really cost is absorbed)
    applyMove(s, 5000, 60 * YUAN);
    expect(s).toMatchObject({ qty: 4000, value: 50 * YUAN });
  });

  it('multiplies exactly beyond 2^53', () => {
    expect(mulDiv(90_000_000_000, 9_000_000_000, 3)).toBe(270_000_000_000_000_000_000);
    expect(mulDiv(-7, 1, 2)).toBe(-4);
    expect(mulDiv(7, 1, 2)).toBe(4);
  });
});
