import { describe, expect, it } from 'vitest';
import { hashSecret, verifySecret } from './passwords';

describe('scrypt secrets', () => {
  it('verifies the right secret only, with a fresh salt every time', () => {
    const a = hashSecret('2468');
    const b = hashSecret('2468');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(verifySecret('2468', a)).toBe(true);
    expect(verifySecret('2469', a)).toBe(false);
    expect(verifySecret('2468', 'garbage')).toBe(false);
  });

  it('treats full-width digits typed by a Chinese IME like ASCII digits', () => {
    expect(verifySecret('１２３４', hashSecret('1234'))).toBe(true);
  });
});
