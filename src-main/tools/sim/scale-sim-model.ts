/** What a simulated scale "weighs": the load, its zero and tare, and the display flags. */
import type { ScaleReading, Weight } from '../../../src-shared/devices';
import { subtract } from '../../devices/scale/weight-math';

export type ActionResult = 'ok' | 'motion' | 'overload' | 'underload';

const ZERO_KG: Weight = { amount: 0, decimals: 3, unit: 'kg' };

export class ScaleModel {
  load: Weight = ZERO_KG;
  zeroPoint: Weight = ZERO_KG;
  tare: Weight = ZERO_KG;
  net = false;
  motion = false;
  overload = false;
  underload = false;

  gross(): Weight {
    return subtract(this.load, this.zeroPoint) ?? this.load;
  }

  /** The number on the display: net when a tare is active. */
  shown(): Weight {
    const g = this.gross();
    return this.net ? (subtract(g, this.tare) ?? g) : g;
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
