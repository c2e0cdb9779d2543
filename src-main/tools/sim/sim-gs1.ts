/**
 * The simulator's reading of GS1 element strings (what a scanner makes of a
 * GS1-128 symbol), from the AI table in shared/docs/devices.md and the GS1
 * General Specifications: fixed-length AIs need no separator, a
 * variable-length one ends at FNC1 (GS) or at the end of the data.
 */

/** Length of the data of fixed-length AIs; anything else here is variable, up to its maximum. */
const FIXED: [RegExp, number][] = [
  [/^00/, 18],
  [/^0[1-3]/, 14],
  [/^1[1-7]/, 6],
  [/^20/, 2],
  [/^31[0-6]\d/, 6],
  [/^32[0-9]\d/, 6],
];
const VARIABLE: [RegExp, number][] = [
  [/^10/, 20],
  [/^21/, 20],
  [/^22/, 20],
  [/^30/, 8],
  [/^37/, 8],
];

const GS = '\u001d';

/** `(AI)value` text of an element string (FNC1 already removed from its start), or why it is not one. */
export function readGs1(data: string): { ok: true; text: string } | { ok: false; why: string } {
  let text = '';
  let i = 0;
  while (i < data.length) {
    const rest = data.slice(i);
    const fixed = FIXED.find(([re]) => re.test(rest));
    const variable = VARIABLE.find(([re]) => re.test(rest));
    const aiLength = fixed ? (/^3[12]/.test(rest) ? 4 : 2) : variable ? 2 : 0;
    if (!aiLength) return { ok: false, why: `no known AI at "${rest.slice(0, 4)}"` };
    const ai = rest.slice(0, aiLength);
    if (fixed) {
      const value = rest.slice(aiLength, aiLength + fixed[1]);
      if (value.length !== fixed[1] || !/^\d+$/.test(value))
        return { ok: false, why: `(${ai}) needs ${fixed[1]} digits` };
      text += `(${ai})${value}`;
      i += aiLength + fixed[1];
      if (data[i] === GS) i++; // a separator after a fixed field is tolerated
    } else {
      const end = rest.indexOf(GS, aiLength);
      const value = rest.slice(aiLength, end < 0 ? undefined : end);
      if (value.length === 0 || value.length > variable![1]) return { ok: false, why: `(${ai}) has a bad length` };
      text += `(${ai})${value}`;
      i += aiLength + value.length + (end < 0 ? 0 : 1);
    }
  }
  return text ? { ok: true, text } : { ok: false, why: 'no data' };
}
