/**
 * Code 128 subset planning (B for text, C for digit pairs, FNC1 for GS1-128).
 * The printers are driven in their manual modes (TSPL `128M`, ZPL `^BC` mode N)
 * with this plan, and the preview draws the same codewords, so the bars on
 * screen and on the label are the same symbol and the layout knows its width.
 */

/** FNC1 inside data handed to the planner (a control character never valid as data here). */
export const FNC1 = '\u001d';

export type Code128Op =
  | { op: 'start'; set: 'B' | 'C' }
  | { op: 'switch'; set: 'B' | 'C' }
  | { op: 'fnc1' }
  | { op: 'text'; text: string }
  | { op: 'digits'; digits: string };

const START = { B: 104, C: 105 } as const;
const SWITCH = { B: 100, C: 99 } as const;
const FNC1_CW = 102;

/** Printable ASCII (subset B); control characters (subset A) are not supported. */
export function code128Problem(data: string): string | null {
  if (data.length === 0) return 'empty data';
  for (const ch of data) {
    if (ch === FNC1) continue;
    const c = ch.charCodeAt(0);
    if (c < 32 || c > 126) return `character "${ch}" (U+${c.toString(16).padStart(4, '0')}) cannot be encoded`;
  }
  return null;
}

function digitRun(data: string, i: number): number {
  let n = 0;
  while (i + n < data.length && data.charCodeAt(i + n) >= 48 && data.charCodeAt(i + n) <= 57) n++;
  return n;
}

/**
 * Subset plan for `data` (FNC1 marked by the FNC1 constant). Digit runs go to
 * subset C when that saves codewords: 4+ digits at the start or the end, 6+ in
 * the middle (each switch costs a codeword).
 */
export function planCode128(data: string): Code128Op[] {
  const problem = code128Problem(data);
  if (problem) throw new Error(`Code 128: ${problem}`);
  const ops: Code128Op[] = [];
  let set: 'B' | 'C' | null = null;
  const enter = (s: 'B' | 'C') => {
    if (set === s) return;
    ops.push(set === null ? { op: 'start', set: s } : { op: 'switch', set: s });
    set = s;
  };
  const pushText = (t: string) => {
    const last = ops[ops.length - 1];
    if (last?.op === 'text') last.text += t;
    else ops.push({ op: 'text', text: t });
  };
  let i = 0;
  while (i < data.length) {
    if (data[i] === FNC1) {
      // FNC1 is valid in every subset; at the very start, pick the subset for what follows first.
      if (set === null) {
        let j = i;
        while (data[j] === FNC1) j++;
        const r = digitRun(data, j);
        enter(r >= 4 || (r >= 2 && r % 2 === 0 && j + r === data.length) ? 'C' : 'B');
      }
      ops.push({ op: 'fnc1' });
      i++;
      continue;
    }
    const run = digitRun(data, i);
    const atStart = set === null;
    const toEnd = i + run === data.length;
    const useC = set === 'C' ? run >= 2 : run >= (atStart || toEnd ? 4 : 6) || (atStart && toEnd && run === 2);
    if (useC) {
      if (set !== 'C' && run % 2 === 1) {
        // An odd run: one digit in B first, the even rest in C.
        enter('B');
        pushText(data[i]!);
        i++;
      }
      enter('C');
      const pairs = Math.floor(digitRun(data, i) / 2) * 2;
      ops.push({ op: 'digits', digits: data.slice(i, i + pairs) });
      i += pairs;
      continue;
    }
    enter('B');
    pushText(data[i]!);
    i++;
  }
  return ops;
}

/** Codeword values from the start code to the last data codeword (no check, no stop). */
export function code128Codewords(ops: readonly Code128Op[]): number[] {
  const out: number[] = [];
  for (const o of ops) {
    if (o.op === 'start') out.push(START[o.set]);
    else if (o.op === 'switch') out.push(SWITCH[o.set]);
    else if (o.op === 'fnc1') out.push(FNC1_CW);
    else if (o.op === 'text') for (const ch of o.text) out.push(ch.charCodeAt(0) - 32);
    else for (let k = 0; k < o.digits.length; k += 2) out.push(Number(o.digits.slice(k, k + 2)));
  }
  return out;
}

/** Mod-103 check codeword. */
export function code128Check(codewords: readonly number[]): number {
  let sum = codewords[0] ?? 0;
  for (let k = 1; k < codewords.length; k++) sum += k * codewords[k]!;
  return sum % 103;
}

/** Width in modules including check and stop (quiet zones excluded). */
export function code128Modules(ops: readonly Code128Op[]): number {
  return (code128Codewords(ops).length + 1) * 11 + 13;
}

/** The data a plan encodes, FNC1 as the FNC1 constant (for round trips). */
export function code128Data(ops: readonly Code128Op[]): string {
  let s = '';
  for (const o of ops) {
    if (o.op === 'fnc1') s += FNC1;
    else if (o.op === 'text') s += o.text;
    else if (o.op === 'digits') s += o.digits;
  }
  return s;
}
