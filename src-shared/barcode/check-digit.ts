/**
 * GS1 mod-10 check digit, shared by EAN-8, UPC-A, EAN-13, GTIN-14 and SSCC:
 * weights 3,1,3,1,... from the rightmost data digit; check = (10 - sum mod 10) mod 10.
 */

const DIGITS = /^\d+$/;

/** Check digit for `data` (the digits without their check digit). Throws on non-digits. */
export function gs1CheckDigit(data: string): number {
  if (!DIGITS.test(data)) throw new Error(`check digit needs digits only, got "${data}"`);
  let sum = 0;
  for (let i = data.length - 1, w = 3; i >= 0; i--, w = w === 3 ? 1 : 3) sum += (data.charCodeAt(i) - 48) * w;
  return (10 - (sum % 10)) % 10;
}

/** `data` followed by its check digit. */
export function withCheckDigit(data: string): string {
  return data + String(gs1CheckDigit(data));
}

/** True when `code` (digits, check digit last) carries a correct check digit. */
export function hasValidCheckDigit(code: string): boolean {
  if (code.length < 2 || !DIGITS.test(code)) return false;
  return gs1CheckDigit(code.slice(0, -1)) === code.charCodeAt(code.length - 1) - 48;
}

/** The check digit `code` should end with (for error messages), or null for non-digit input. */
export function expectedCheckDigit(code: string): number | null {
  if (code.length < 2 || !DIGITS.test(code)) return null;
  return gs1CheckDigit(code.slice(0, -1));
}

/**
 * A GTIN of 8, 12, 13 or 14 digits padded to GTIN-14 (the form AI 01 carries),
 * or null when it is not such a GTIN or its check digit is wrong.
 */
export function toGtin14(gtin: string): string | null {
  if (![8, 12, 13, 14].includes(gtin.length) || !hasValidCheckDigit(gtin)) return null;
  return gtin.padStart(14, '0');
}

/**
 * The forms a GTIN-14 may be stored under in the item master: itself, and the
 * EAN-13 / UPC-A / EAN-8 it pads (a GS1 label carries `06901234567892` for the
 * EAN-13 `6901234567892` printed on the pack).
 */
export function gtinLookupForms(gtin14: string): string[] {
  const forms = [gtin14];
  if (gtin14.startsWith('0')) forms.push(gtin14.slice(1));
  if (gtin14.startsWith('00')) forms.push(gtin14.slice(2));
  if (gtin14.startsWith('000000')) forms.push(gtin14.slice(6));
  return forms;
}
