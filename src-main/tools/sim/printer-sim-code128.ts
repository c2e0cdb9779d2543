/**
 * The simulator's own reading of Code 128 data as the printers receive it
 * (TSPL `128M` with !NNN codes, ZPL `^BC` with >x invocation codes), back into
 * a subset plan. Written separately from the generators on purpose: a test
 * through the simulator then checks the generators against an independent
 * reader.
 */
import { type Code128Op } from '../../../src-shared/barcode/code128';

type Token = { code: number } | { char: string };

function toOps(tokens: Token[]): Code128Op[] {
  const ops: Code128Op[] = [];
  let set: 'B' | 'C' | null = null;
  let pendingDigit = '';
  const push = (op: Code128Op) => {
    const last = ops[ops.length - 1];
    if (op.op === 'text' && last?.op === 'text') last.text += op.text;
    else if (op.op === 'digits' && last?.op === 'digits') last.digits += op.digits;
    else ops.push(op);
  };
  for (const t of tokens) {
    if ('code' in t) {
      if (pendingDigit) throw new Error('odd number of digits in subset C');
      if (t.code === 104 || t.code === 105) {
        if (set !== null) throw new Error('start code inside the data');
        set = t.code === 104 ? 'B' : 'C';
        push({ op: 'start', set });
      } else if (t.code === 102) push({ op: 'fnc1' });
      else if (t.code === 99 && set === 'B') push({ op: 'switch', set: (set = 'C') });
      else if (t.code === 100 && set === 'C') push({ op: 'switch', set: (set = 'B') });
      else throw new Error(`unsupported code ${t.code} in subset ${set ?? '(none)'}`);
      continue;
    }
    if (set === null) push({ op: 'start', set: (set = 'B') }); // printers default to subset B
    if (set === 'C') {
      if (!/\d/.test(t.char)) throw new Error(`"${t.char}" in subset C`);
      pendingDigit += t.char;
      if (pendingDigit.length === 2) {
        push({ op: 'digits', digits: pendingDigit });
        pendingDigit = '';
      }
    } else push({ op: 'text', text: t.char });
  }
  if (pendingDigit) throw new Error('odd number of digits in subset C');
  return ops;
}

/** TSPL 128M data: `!NNN` is code NNN, anything else a data character. */
export function readTspl128m(data: string): Code128Op[] {
  const tokens: Token[] = [];
  for (let i = 0; i < data.length; i++) {
    const m = /^!(\d{3})/.exec(data.slice(i));
    if (m) {
      tokens.push({ code: Number(m[1]) });
      i += 3;
    } else tokens.push({ char: data[i]! });
  }
  return toOps(tokens);
}

const ZPL_CODES: Record<string, number> = { ';': 105, ':': 104, '5': 99, '6': 100, '8': 102 };

/** ZPL ^BC mode N data: `>;` `>:` starts, `>5` `>6` switches, `>8` FNC1, `><` a literal `>`. */
export function readZplCode128(data: string): Code128Op[] {
  const tokens: Token[] = [];
  for (let i = 0; i < data.length; i++) {
    const c = data[i]!;
    if (c !== '>') {
      tokens.push({ char: c });
      continue;
    }
    const n = data[++i];
    if (n === '<') tokens.push({ char: '>' });
    else if (n !== undefined && ZPL_CODES[n] !== undefined) tokens.push({ code: ZPL_CODES[n] });
    else throw new Error(`unsupported invocation code >${n ?? ''}`);
  }
  return toOps(tokens);
}
