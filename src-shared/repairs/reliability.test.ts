import { describe, expect, it } from 'vitest';
import { reliability, unionLength, type ReliabilityFailure } from './reliability';

const MIN = 60_000;
const H = 60 * MIN;
const D = 24 * H;
const P0 = Date.UTC(2026, 3, 1, 16); // the period: 30 days from here
const P1 = P0 + 30 * D;

const equipment = [
  { id: 'A', category: 'refrigeration', inServiceFrom: null },
  { id: 'B', category: 'refrigeration', inServiceFrom: P0 - 400 * D },
  { id: 'C', category: 'cooking', inServiceFrom: P0 + 10 * D },
];
const f = (id: string, at: number, down: boolean, downFor: number | null): ReliabilityFailure => ({
  equipmentId: id,
  reportedAt: at,
  down,
  downStart: down ? at : null,
  upAt: down && downFor !== null ? at + downFor : null,
});
const history: ReliabilityFailure[] = [
  f('A', P0 - 1 * D, true, 1 * D + 6 * H), // began before the period: 6 h of it inside, not a failure of the period
  f('A', P0 + 1 * D, true, 4 * H),
  f('A', P0 + 10 * D, true, 2 * H),
  f('A', P0 + 10 * D + 1 * H, true, 2 * H), // a second ticket for the same stop: 10d..10d+3h counted once
  f('A', P0 + 20 * D, false, null), // a failure without downtime
  f('C', P0 + 25 * D, true, null), // still down at the end of the period
  f('X', P0 + 2 * D, true, H), // equipment not asked for: ignored
];

describe('unionLength', () => {
  it('merges overlaps and clips to the window', () => {
    expect(
      unionLength(
        [
          [0, 10],
          [5, 15],
          [20, 30],
          [25, 26],
        ],
        0,
        100,
      ),
    ).toBe(25);
    expect(
      unionLength(
        [
          [-5, 5],
          [95, 200],
        ],
        0,
        100,
      ),
    ).toBe(10);
    expect(unionLength([], 0, 100)).toBe(0);
  });
});

describe('MTTR / MTBF on a hand-computed history', () => {
  it('computes each figure as defined', () => {
    const r = reliability(equipment, history, P0, P1, P1 + 5 * D);
    // A: failures 4 (1d, 10d, 10d+1h, 20d); repairs 4 h, 2 h, 2 h -> MTTR 160 min;
    // downtime 6 h + 4 h + 3 h = 13 h = 780 min; operating 30 d = 43,200 min;
    // MTBF (43,200 - 780) / 4 = 10,605 min; availability 42,420 / 43,200 = 98.19 %.
    expect(r.perEquipment.get('A')).toEqual({
      operatingMinutes: 43_200,
      downtimeMinutes: 780,
      failures: 4,
      repairs: 3,
      mttrMinutes: 160,
      mtbfMinutes: 10_605,
      availabilityBp: 9819,
    });
    expect(r.perEquipment.get('B')).toEqual({
      operatingMinutes: 43_200,
      downtimeMinutes: 0,
      failures: 0,
      repairs: 0,
      mttrMinutes: null,
      mtbfMinutes: null,
      availabilityBp: 10_000,
    });
    // C: in service from day 10 (20 d = 28,800 min), down from day 25 to the end (5 d = 7,200 min), not repaired.
    expect(r.perEquipment.get('C')).toEqual({
      operatingMinutes: 28_800,
      downtimeMinutes: 7_200,
      failures: 1,
      repairs: 0,
      mttrMinutes: null,
      mtbfMinutes: 21_600,
      availabilityBp: 7_500,
    });
    // Refrigeration = A + B: MTBF (86,400 - 780) / 4 = 21,405; availability 85,620 / 86,400 = 99.10 %.
    expect(r.perCategory.get('refrigeration')).toMatchObject({
      operatingMinutes: 86_400,
      downtimeMinutes: 780,
      failures: 4,
      mttrMinutes: 160,
      mtbfMinutes: 21_405,
      availabilityBp: 9_910,
    });
    expect(r.perCategory.get('cooking')).toEqual(r.perEquipment.get('C'));
    // All: (115,200 - 7,980) / 5 = 21,444.
    expect(r.total).toMatchObject({
      failures: 5,
      repairs: 3,
      mttrMinutes: 160,
      mtbfMinutes: 21_444,
      availabilityBp: 9_307,
    });
  });

  it('stops the period at now', () => {
    const r = reliability(equipment, history, P0, P1, P0 + 15 * D);
    // A: 3 failures so far, same 13 h down; operating 15 d = 21,600 min -> MTBF (21,600 - 780) / 3 = 6,940.
    expect(r.perEquipment.get('A')).toMatchObject({ failures: 3, downtimeMinutes: 780, mtbfMinutes: 6_940 });
    expect(r.perEquipment.get('C')).toMatchObject({ operatingMinutes: 7_200, failures: 0, downtimeMinutes: 0 });
  });
});
