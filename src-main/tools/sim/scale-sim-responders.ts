/** How a simulated polled scale answers its host (8217 letters, MT-SICS lines). */
import type { ScaleReading } from '../../../src-shared/devices';
import { bytes, mt8217Commands, mtSicsAck, SicsLines } from './scale-frames';
import type { ActionResult, ScaleModel } from './scale-sim-model';

export interface ResponderContext {
  readonly model: ScaleModel;
  /** Runs host requests one after another; counts a request arriving while another is being answered. */
  run(name: string, task: () => Promise<void>): void;
  sendReading(r?: ScaleReading): Promise<void>;
  send(bytes: Uint8Array): Promise<void>;
  sleep(ms: number): Promise<void>;
  /** False once unplugged: blocking waits give up. */
  active(): boolean;
  /** MT-SICS SIR: stream readings like a continuous scale. */
  setRepeat(on: boolean): void;
  /** How long a blocking command waits for a steady weight. */
  readonly blockMs: number;
}

export interface Responder {
  onBytes(chunk: Uint8Array): void;
}

/** 8217: W answers at once; T and C after ~150 ms, like the real scale. Z/T/C answer with the new reading. */
export function mt8217Responder(ctx: ResponderContext): Responder {
  return {
    onBytes(chunk) {
      for (const cmd of mt8217Commands(chunk)) {
        ctx.run(cmd, async () => {
          if (cmd === 'zero') ctx.model.zero();
          if (cmd === 'tare' || cmd === 'clearTare') {
            await ctx.sleep(150);
            if (cmd === 'tare') ctx.model.doTare();
            else ctx.model.clearTare();
          }
          await ctx.sendReading();
        });
      }
    },
  };
}

async function waitSteady(ctx: ResponderContext): Promise<boolean> {
  const until = Date.now() + ctx.blockMs;
  while (ctx.model.motion && ctx.active() && Date.now() < until) await ctx.sleep(20);
  return !ctx.model.motion;
}

const ACK_CODE: Record<ActionResult, string> = { ok: 'A', motion: 'I', overload: '+', underload: '-' };

export function mtSicsResponder(ctx: ResponderContext): Responder {
  const reader = new SicsLines();
  const m = ctx.model;
  return {
    onBytes(chunk) {
      for (const words of reader.push(chunk)) {
        const cmd = words[0]!.toUpperCase();
        if (cmd !== 'SIR') ctx.setRepeat(false);
        ctx.run(cmd, async () => {
          switch (cmd) {
            case 'SI':
              return ctx.sendReading();
            case 'S':
              if (!(await waitSteady(ctx))) return ctx.send(bytes('S I\r\n'));
              return ctx.sendReading();
            case 'SIR':
              return ctx.setRepeat(true);
            case 'Z':
            case 'ZI': {
              if (cmd === 'Z' && !m.overload && !m.underload) await waitSteady(ctx);
              return ctx.send(mtSicsAck('zero', ACK_CODE[m.zero()]));
            }
            case 'T':
            case 'TI': {
              if (cmd === 'T' && !m.overload && !m.underload) await waitSteady(ctx);
              const r = m.doTare();
              return ctx.send(mtSicsAck('tare', r === 'ok' ? 'S' : ACK_CODE[r], m.tare));
            }
            case 'TAC':
              m.clearTare();
              return ctx.send(mtSicsAck('clearTare', 'A'));
            case '@':
              return ctx.send(bytes('I4 A "SIM0001"\r\n'));
            default:
              return ctx.send(bytes('ES\r\n'));
          }
        });
      }
    },
  };
}

export const silentResponder: Responder = { onBytes: () => undefined };
