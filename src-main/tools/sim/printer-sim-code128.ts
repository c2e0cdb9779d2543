/**
 * The simulator's own reading of Code 128 data as the printers receive it
 * (TSPL `128M` with !NNN codes, ZPL `^BC` with >x invocation codes) into the
 * symbol's values, as a printer's firmware does. Written separately from the
 * app's generators and barcode code on purpose: a test through the simulator
 * then checks them against an independent reader.
 */
import { CODE128_CODE_B, CODE128_CODE_C, CODE128_FNC1, CODE128_START_B, CODE128_START_C } from './sim-linear';

/** What a Code 128 symbol holds: its values (start first, no check value) and the data a scanner reads. */
export interface Code128Read {
  values: number[];
  /** FNC1 after the start reads as the GS1 flag; inside the data as GS (0x1D). */
  data: string;
  fnc1First: boolean;
}

type Token = { code: number } | { char: string };

function toSymbol(tokens: Token[]): Code128Read {
  const values: number[] = [];
  let data = '';
  let fnc1First = false;
  let set: 'B' | 'C' | null = null;
  let pendingDigit = '';
  for (const t of tokens) {
    if ('code' in t) {
      if (pendingDigit) throw new Error('odd number of digits in subset C');
      if (t.code === CODE128_START_B || t.code === CODE128_START_C) {
        if (set !== null) throw new Error('start code inside the data');
        set = t.code === CODE128_START_B ? 'B' : 'C';
      } else if (t.code === CODE128_FNC1) {
        if (values.length === 1) fnc1First = true;
        else data += '\u001d';
      } else if (t.code === CODE128_CODE_C && set === 'B') set = 'C';
      else if (t.code === CODE128_CODE_B && set === 'C') set = 'B';
      else throw new Error(`unsupported code ${t.code} in subset ${set ?? '(none)'}`);
      values.push(t.code);
      continue;
    }
    if (set === null) {
      set = 'B'; // printers default to subset B
      values.push(CODE128_START_B);
    }
    if (set === 'C') {
      if (!/\d/.test(t.char)) throw new Error(`"${t.char}" in subset C`);
      pendingDigit += t.char;
      if (pendingDigit.length === 2) {
        values.push(Number(pendingDigit));
        data += pendingDigit;
        pendingDigit = '';
      }
    } else {
      const c = t.char.charCodeAt(0);
      if (c < 32 || c > 127) throw new Error(`"${t.char}" is not in subset B`);
      values.push(c - 32);
      data += t.char;
    }
  }
  if (pendingDigit) throw new Error('odd number of digits in subset C');
  if (values.length < 2) throw new Error('no data');
  return { values, data, fnc1First };
}

/** TSPL 128M data: `!NNN` is code NNN, anything else a data character. */
export function readTspl128m(data: string): Code128Read {
  const tokens: Token[] = [];
  for (let i = 0; i < data.length; i++) {
    const m = /^!(\d{3})/.exec(data.slice(i));
    if (m) {
      tokens.push({ code: Number(m[1]) });
      i += 3;
    } else tokens.push({ char: data[i]! });
  }
  return toSymbol(tokens);
}

/** TSPL `128` (automatic) data: the printer picks the subsets; the simulator keeps to subset B. */
export function readTspl128Auto(data: string): Code128Read {
  return toSymbol([...data].map((char) => ({ char })));
}

const ZPL_CODES: Record<string, number> = {
  ';': CODE128_START_C,
  ':': CODE128_START_B,
  '5': CODE128_CODE_C,
  '6': CODE128_CODE_B,
  '8': CODE128_FNC1,
};

/** ZPL ^BC mode N data: `>;` `>:` starts, `>5` `>6` switches, `>8` FNC1, `><` a literal `>`. */
export function readZplCode128(data: string): Code128Read {
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
  return toSymbol(tokens);
}
