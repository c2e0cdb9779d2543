import { describe, expect, it } from 'vitest';
import { receivingBarcode } from '../../../src-shared/labels/defaults';
import { SAMPLE_RECEIVING } from '../../../src-shared/labels/samples';
import { sampleLabelData } from './labels';

describe('the template editor preview', () => {
  it("shows the one sample receiving label, dated the store's day and priced in its currency", () => {
    const data = sampleLabelData('2026-03-01', 'USD');
    const { barcode: _b, ...sample } = SAMPLE_RECEIVING;
    expect(data).toMatchObject({ ...sample, receivedDate: '2026-03-01', expiryDate: '2026-03-01', currency: 'USD' });
    expect(data.barcode).toBe(receivingBarcode(data));
  });
});
