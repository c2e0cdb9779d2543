/**
 *   npm run sim -- scale --protocol cas [--port /dev/ttyUSB0] [--link /tmp/backoffice-scale-app] [--interval 100]
 * Keys on a terminal: digits+Enter weight in g, +/- 100 g, m motion, o overload, n net,
 * u unplug/replug, g garbage, q quit. Without a terminal, one command per line:
 * `weight 1234`, `motion on`, `overload off`, `underload on`, `net on`, `unplug`, `replug`, `garbage [n]`, `quit`.
 */
import type { Readable, Writable } from 'node:stream';
import { SCALE_PROTOCOLS, formatWeight, type ScaleProtocol } from '../../../src-shared/devices';
import { ScaleSimulator } from './scale-sim';

const ALIASES: Record<string, ScaleProtocol> = {
  cas: 'cas22',
  ad: 'ad-continuous',
  'a&d': 'ad-continuous',
  8217: 'mt8217',
  sics: 'mt-sics',
  yaohua: 'yaohua-tf0',
  tf0: 'yaohua-tf0',
  reversed: 'yaohua-reversed',
};

export const DEFAULT_LINK = '/tmp/backoffice-scale-app';
const HELP =
  'keys: digits+Enter = weight in g, +/- = 100 g, m motion, o overload, n net, u unplug/replug, g garbage, q quit' +
  ' (or lines: weight 1234 | motion on | overload off | underload on | net on | unplug | replug | garbage | quit)';

export interface SimIo {
  stdin: Readable & { isTTY?: boolean; setRawMode?: (on: boolean) => unknown };
  stdout: Writable;
}

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

export function parseProtocol(text: string | undefined): ScaleProtocol {
  const t = (text ?? 'cas').toLowerCase();
  const p = ALIASES[t] ?? t;
  if (!(SCALE_PROTOCOLS as readonly string[]).includes(p))
    throw new Error(
      `unknown protocol ${text}: use one of ${SCALE_PROTOCOLS.join(', ')} (or cas, ad, 8217, sics, tf0, reversed)`,
    );
  return p as ScaleProtocol;
}

const grams = (g: number) => ({ amount: g, decimals: 3, unit: 'kg' as const });

export async function runScaleSim(
  argv: string[],
  io: SimIo = { stdin: process.stdin, stdout: process.stdout },
): Promise<void> {
  const args = argv[0] === 'scale' ? argv.slice(1) : argv;
  const protocol = parseProtocol(option(args, 'protocol'));
  const port = option(args, 'port');
  const link = option(args, 'link') ?? DEFAULT_LINK;
  const interval = Number(option(args, 'interval') ?? 100);
  if (!Number.isInteger(interval) || interval < 10) throw new Error('--interval needs whole milliseconds, at least 10');
  const sim = new ScaleSimulator({ protocol, ...(port ? { path: port } : { link }), intervalMs: interval });
  const say = (s: string): void => void io.stdout.write(s + '\n');
  let g = 0;
  sim.setWeight(grams(g));
  await sim.start();
  say(
    port
      ? `scale simulator (${protocol}) on ${port}`
      : `scale simulator (${protocol}): open ${link} in the app (baud rate and parity do not matter on this virtual cable)`,
  );
  say(HELP);

  let done: () => void = () => undefined;
  const finished = new Promise<void>((r) => (done = r));
  let quitting = false;
  const quit = async (): Promise<void> => {
    if (quitting) return;
    quitting = true;
    await sim.stop();
    say('bye');
    done();
  };
  const show = (): void => {
    const m = sim.model;
    const flags = [m.motion && 'motion', m.overload && 'overload', m.underload && 'underload', m.net && 'net']
      .filter(Boolean)
      .join(' ');
    say(`${formatWeight(m.shown())}${flags ? ` [${flags}]` : ''}${sim.isPlugged ? '' : ' (unplugged)'}`);
  };
  const setGrams = (n: number): void => {
    g = n;
    sim.setWeight(grams(g));
    show();
  };
  const togglePlug = async (): Promise<void> => {
    if (sim.isPlugged) await sim.unplug();
    else await sim.replug();
    show();
  };

  const onLine = async (line: string): Promise<void> => {
    const [cmd = '', arg] = line.trim().split(/\s+/);
    const on = arg !== 'off' && arg !== '0';
    switch (cmd.toLowerCase()) {
      case '':
        return;
      case 'weight':
      case 'w':
        if (arg && /^-?\d+$/.test(arg)) setGrams(Number(arg));
        else say('weight needs grams, e.g. weight 1234');
        return;
      case 'motion':
        sim.setMotion(on);
        return show();
      case 'overload':
        sim.setOverload(on);
        return show();
      case 'underload':
        sim.setUnderload(on);
        return show();
      case 'net':
        sim.setNet(on);
        return show();
      case 'unplug':
        await sim.unplug();
        return show();
      case 'replug':
        await sim.replug();
        return show();
      case 'garbage':
        await sim.sendGarbage(arg ? Number(arg) : 32);
        return;
      case 'status':
        return show();
      case 'quit':
      case 'exit':
        return quit();
      default:
        say(`unknown command ${cmd}; ${HELP}`);
    }
  };

  const stdin = io.stdin;
  if (stdin.isTTY && stdin.setRawMode) {
    stdin.setRawMode(true);
    let digits = '';
    stdin.on('data', (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch >= '0' && ch <= '9') {
          digits += ch;
          io.stdout.write(ch);
        } else if (ch === '\r' || ch === '\n') {
          io.stdout.write('\n');
          if (digits) setGrams(Number(digits));
          digits = '';
        } else if (ch === '\x7f' || ch === '\b') digits = digits.slice(0, -1);
        else if (ch === '+') setGrams(g + 100);
        else if (ch === '-') setGrams(g - 100);
        else if (ch === 'm') void onLine(`motion ${sim.model.motion ? 'off' : 'on'}`);
        else if (ch === 'o') void onLine(`overload ${sim.model.overload ? 'off' : 'on'}`);
        else if (ch === 'n') void onLine(`net ${sim.model.net ? 'off' : 'on'}`);
        else if (ch === 'u') void togglePlug();
        else if (ch === 'g') void onLine('garbage');
        else if (ch === 'q' || ch === '\x03') void quit();
      }
    });
  } else {
    let buf = '';
    let chain = Promise.resolve();
    stdin.on('data', (chunk: Buffer | string) => {
      buf += chunk.toString();
      const lines = buf.split(/\r?\n/);
      buf = lines.pop() ?? '';
      for (const l of lines) chain = chain.then(() => onLine(l)).catch((e: Error) => say(`error: ${e.message}`));
    });
    // A closed stdin (a background demo under nohup) is no reason to stop: SIGINT/SIGTERM or `quit` is.
    stdin.on('end', () => {
      chain = chain.then(() => {
        if (!quitting) say('stdin closed; running until quit, Ctrl-C or SIGTERM');
      });
    });
  }
  const onSignal = (): void => void quit();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  await finished;
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  if (stdin.isTTY && stdin.setRawMode) stdin.setRawMode(false);
  stdin.pause();
}
