/**
 * Scale latency for `npm run bench`: the time from the simulator writing a frame with a
 * new weight into a socat pty to the driver emitting the state that shows it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScaleProtocol } from '../../src-shared/devices';
import { ScaleDriver } from '../devices/scale/driver';
import { ScaleSimulator } from './sim/scale-sim';

export interface ScaleLatency {
  protocol: ScaleProtocol;
  samples: number;
  p50: number;
  p99: number;
  max: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** Each sample is a fresh weight (1 g more than the last): its first frame is timed to its first state. */
export async function benchScaleLatency(samples: number, protocol: ScaleProtocol = 'cas22'): Promise<ScaleLatency> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-scale-'));
  const link = join(dir, 'app');
  const sim = new ScaleSimulator({ protocol, link, intervalMs: 20 });
  const driver = new ScaleDriver({
    protocol,
    serial: { path: link, baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 },
    pollIntervalMs: 20,
  });
  const written = new Map<number, number>();
  const seen = new Map<number, number>();
  sim.on('frame', (r, t) => {
    if (r.kind === 'weight' && !written.has(r.weight.amount)) written.set(r.weight.amount, t);
  });
  driver.on('state', (s) => {
    const r = s.reading;
    if (r?.kind === 'weight' && !seen.has(r.weight.amount)) seen.set(r.weight.amount, performance.now());
  });
  const latencies: number[] = [];
  try {
    sim.setWeight({ amount: 0, decimals: 3, unit: 'kg' });
    await sim.start();
    driver.start();
    await waitFor(() => seen.has(0), 'the first reading');
    for (let i = 1; i <= samples; i++) {
      sim.setWeight({ amount: i, decimals: 3, unit: 'kg' });
      await waitFor(() => seen.has(i), `sample ${i}`);
      latencies.push(seen.get(i)! - written.get(i)!);
    }
  } finally {
    await driver.stop();
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const sorted = latencies.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    protocol,
    samples: sorted.length,
    p50: round(percentile(sorted, 50)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? NaN),
  };
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`scale bench: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1));
  }
}
