/** What a simulated scale "weighs": the load, its zero and tare, and the display flags. */
import type { ScaleReading, Weight } from '../../../src-shared/devices';

export type ActionResult = 'ok' | 'motion' | 'overload' | 'underload';

const ZERO_KG: Weight = { amount: 0, decimals: 3, unit: 'kg' };

/** a - b in a's unit and the finer resolution (grams and kilograms mix; pounds only with pounds). */
function minus(a: Weight, b: Weight): Weight {
  const bAmount = b.amount;
  let bDecimals = b.decimals;
  if (b.unit !== a.unit) {
    if (b.unit === 'g' && a.unit === 'kg') bDecimals += 3;
    else if (b.unit === 'kg' && a.unit === 'g') bDecimals -= 3;
    else return a;
  }
  const d = Math.max(a.decimals, bDecimals, 0);
  const scale = (amount: number, from: number) => (from <= d ? amount * 10 ** (d - from) : amount / 10 ** (from - d));
  return { amount: scale(a.amount, a.decimals) - scale(bAmount, bDecimals), decimals: d, unit: a.unit };
}

export class ScaleModel {
  load: Weight = ZERO_KG;
  zeroPoint: Weight = ZERO_KG;
  tare: Weight = ZERO_KG;
  net = false;
  motion = false;
  overload = false;
  underload = false;

  gross(): Weight {
    return minus(this.load, this.zeroPoint);
  }

  /** The number on the display: net when a tare is active. */
  shown(): Weight {
    const g = this.gross();
    return this.net ? minus(g, this.tare) : g;
  }

  reading(): ScaleReading {
    if (this.overload) return { kind: 'overload' };
    if (this.underload) return { kind: 'underload' };
    return { kind: 'weight', weight: this.shown(), stable: !this.motion, net: this.net };
  }

  private blocked(): ActionResult | null {
    if (this.overload) return 'overload';
    if (this.underload) return 'underload';
    if (this.motion) return 'motion';
    return null;
  }

  zero(): ActionResult {
    const b = this.blocked();
    if (b) return b;
    this.zeroPoint = this.load;
    this.tare = { ...this.load, amount: 0 };
    this.net = false;
    return 'ok';
  }

  doTare(): ActionResult {
    const b = this.blocked();
    if (b) return b;
    this.tare = this.gross();
    this.net = true;
    return 'ok';
  }

  clearTare(): ActionResult {
    this.tare = { ...this.load, amount: 0 };
    this.net = false;
    return 'ok';
  }
}
