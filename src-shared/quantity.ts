/**
 * Exact quantities and money as integers, parsed from and formatted to decimal
 * text without ever going through a binary float.
 * - quantity: thousandths of the item's base unit (QTY_SCALE),
 * - money: ten-thousandths of the currency (MONEY_SCALE).
 */
export const QTY_SCALE = 1000;
export const MONEY_SCALE = 10_000;

const DECIMAL = /^\s*([+-])?(\d{1,15})(?:[.,](\d*))?\s*$/;

/** "12.5" -> 12500 at scale 1000. Returns null for anything that is not a plain decimal or has too many decimals. */
export function parseScaled(text: string, scale: number): number | null {
  const m = DECIMAL.exec(
    text.replace(/[\s\u3000]/g, '').replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)),
  );
  if (!m) return null;
  const digits = String(scale).length - 1;
  const frac = (m[3] ?? '').replace(/0+$/, '');
  if (frac.length > digits) return null;
  const value = Number(m[2]) * scale + Number((frac + '0'.repeat(digits)).slice(0, digits) || '0');
  if (!Number.isSafeInteger(value)) return null;
  return m[1] === '-' ? -value : value;
}

/** 12500 at scale 1000 -> "12.5"; trailing zeros dropped, at least `minDecimals` kept. */
export function formatScaled(value: number, scale: number, minDecimals = 0): string {
  const digits = String(scale).length - 1;
  const neg = value < 0;
  const abs = Math.abs(value);
  const whole = Math.floor(abs / scale);
  let frac = String(abs % scale)
    .padStart(digits, '0')
    .replace(/0+$/, '');
  if (frac.length < minDecimals) frac = frac.padEnd(minDecimals, '0');
  return `${neg ? '-' : ''}${whole}${frac ? '.' + frac : ''}`;
}

export const formatQty = (milli: number) => formatScaled(milli, QTY_SCALE);
/** Money with two decimals for display (values keep four internally). */
export function formatMoney(value4: number): string {
  const cents = roundDiv(value4, 100);
  return formatScaled(cents, 100, 2);
}

/** Integer division rounded half away from zero (the rounding rule of all costing). */
export function roundDiv(a: number, b: number): number {
  const q = Math.trunc(a / b);
  const r = a - q * b;
  if (Math.abs(r) * 2 >= Math.abs(b)) return q + (Math.sign(a) * Math.sign(b) || 1);
  return q;
}
