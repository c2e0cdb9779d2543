/** Test helpers for scale drivers (unit and pty tests); not used by the app. */
import type { ScaleReading, ScaleState } from '../../../src-shared/devices';
import type { ScaleDriver } from './driver';

/** Polls `check` until it returns a truthy value; never asserts a duration, only a generous ceiling. */
export async function until<T>(
  check: () => T | null | undefined | false,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Every state a driver emits, with helpers to wait for one that matches. */
export class StateLog {
  readonly states: ScaleState[] = [];

  constructor(driver: ScaleDriver) {
    driver.on('state', (s) => this.states.push(s));
  }

  /** Waits for a state after index `from` (default: any) matching `pred`; returns its index. */
  async waitFor(pred: (s: ScaleState) => boolean, what: string, from = 0, timeoutMs = 10_000): Promise<number> {
    return until(
      () => {
        for (let i = from; i < this.states.length; i++) if (pred(this.states[i]!)) return i + 1;
        return null;
      },
      what,
      timeoutMs,
    ).then((i) => i - 1);
  }

  get length(): number {
    return this.states.length;
  }

  readings(from = 0): ScaleReading[] {
    return this.states.slice(from).flatMap((s) => (s.reading ? [s.reading] : []));
  }
}

/** Matches an online state showing `amount` thousandths of a kg (the simulators' default resolution). */
export const isWeight =
  (amount: number, stable?: boolean, decimals = 3) =>
  (s: ScaleState): boolean =>
    s.status === 'online' &&
    s.reading?.kind === 'weight' &&
    s.reading.weight.amount === amount &&
    s.reading.weight.decimals === decimals &&
    (stable === undefined || s.reading.stable === stable);
