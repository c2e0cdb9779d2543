/**
 * The simulated printer's own Code 128 and EAN-13 symbols, from the symbology
 * standards (ISO/IEC 15417, ISO/IEC 15420) and shared/docs/devices.md: what a
 * printer's firmware draws from the data it was sent. Nothing here comes from
 * the app's barcode code, so the bars the simulator draws check it.
 */

/** Bar/space widths of Code 128 symbol values 0-105 (bars first), then STOP. */
const CODE128 = (
  '212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 ' +
  '221312 231212 112232 122132 122231 113222 123122 123221 223211 221132 ' +
  '221231 213212 223112 312131 311222 321122 321221 312212 322112 322211 ' +
  '212123 212321 232121 111323 131123 131321 112313 132113 132311 211313 ' +
  '231113 231311 112133 112331 132131 113123 113321 133121 313121 211331 ' +
  '231131 213113 213311 213131 311123 311321 331121 312113 312311 332111 ' +
  '314111 221411 431111 111224 111422 121124 121421 141122 141221 112214 ' +
  '112412 122114 122411 142112 142211 241211 221114 413111 241112 134111 ' +
  '111242 121142 121241 114212 124112 124211 411212 421112 421211 212141 ' +
  '214121 412121 111143 111341 131141 114113 114311 411113 411311 113141 ' +
  '114131 311141 411131 211412 211214 211232 2331112'
).split(' ');

export const CODE128_START_B = 104;
export const CODE128_START_C = 105;
export const CODE128_CODE_B = 100;
export const CODE128_CODE_C = 99;
export const CODE128_FNC1 = 102;

/** The symbol check value: start value plus each value times its position, mod 103. */
export function code128CheckValue(values: readonly number[]): number {
  return values.reduce((sum, v, i) => sum + v * Math.max(i, 1), 0) % 103;
}

/** Bar/space widths (in modules, bars first) of start + data `values`, the check symbol and STOP. */
export function code128Widths(values: readonly number[]): number[] {
  const all = [...values, code128CheckValue(values)];
  return [...all.map((v) => CODE128[v]!), CODE128[106]!].flatMap((p) => [...p].map(Number));
}

/** EAN-13 digit patterns, set A (L); set C (R) is its complement, set B (G) the reverse of C. */
const EAN_L = [
  '0001101',
  '0011001',
  '0010011',
  '0111101',
  '0100011',
  '0110001',
  '0101111',
  '0111011',
  '0110111',
  '0001011',
];
/** Which left-half digits use set B, by the first (implied) digit. */
const EAN_PARITY = ['AAAAAA', 'AABABB', 'AABBAB', 'AABBBA', 'ABAABB', 'ABBAAB', 'ABBBAA', 'ABABAB', 'ABABBA', 'ABBABA'];

const complement = (bits: string) => [...bits].map((b) => (b === '1' ? '0' : '1')).join('');

/** GS1 check digit: weights 3,1,3,... from the rightmost data digit. */
export function gs1CheckDigit(data: string): number {
  let sum = 0;
  [...data].reverse().forEach((d, i) => (sum += Number(d) * (i % 2 === 0 ? 3 : 1)));
  return (10 - (sum % 10)) % 10;
}

/** The 95 modules of an EAN-13 symbol (1 = bar) for 13 digits. */
export function ean13Modules(digits: string): string {
  if (!/^\d{13}$/.test(digits)) throw new Error(`EAN-13 needs 13 digits, not "${digits}"`);
  const parity = EAN_PARITY[Number(digits[0])]!;
  let m = '101';
  for (let i = 1; i <= 6; i++) {
    const a = EAN_L[Number(digits[i])]!;
    m += parity[i - 1] === 'A' ? a : [...complement(a)].reverse().join('');
  }
  m += '01010';
  for (let i = 7; i <= 12; i++) m += complement(EAN_L[Number(digits[i])]!);
  return m + '101';
}
