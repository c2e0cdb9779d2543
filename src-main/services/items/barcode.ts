/** GS1 check digit of the digits before it (EAN-8, UPC-A, EAN-13 all use the same 3-1 weights from the right). */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const d = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? d * 3 : d;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * A 13-digit barcode is an EAN-13 and must carry a right check digit: a typo
 * found here is a scan that would never match at the receiving desk. Other
 * lengths are store-made codes and are taken as they are.
 */
export function barcodeCheckOk(code: string): boolean {
  if (!/^\d{13}$/.test(code)) return true;
  return gs1CheckDigit(code.slice(0, 12)) === Number(code[12]);
}

/** Completes a 12-digit body into an EAN-13 (the demo data makes its codes with it). */
export function ean13(body12: string): string {
  return body12 + String(gs1CheckDigit(body12));
}
