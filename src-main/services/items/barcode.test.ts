import { describe, expect, it } from 'vitest';
import { barcodeCheckOk, ean13 } from './barcode';

describe('EAN-13 check digit', () => {
  it('accepts real codes and rejects a changed digit', () => {
    expect(barcodeCheckOk('6901028075763')).toBe(true); // a real Chinese product code
    expect(barcodeCheckOk('4006381333931')).toBe(true);
    expect(barcodeCheckOk('4006381333932')).toBe(false);
    expect(ean13('690102807576')).toBe('6901028075763');
  });

  it('leaves store-made codes of other lengths alone', () => {
    expect(barcodeCheckOk('A-1001')).toBe(true);
    expect(barcodeCheckOk('12345678')).toBe(true);
  });
});
