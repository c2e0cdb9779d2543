import { describe, expect, it } from 'vitest';
import { DEFAULT_EQUIPMENT_TEMPLATE, DEFAULT_RECEIVING_TEMPLATE, receivingBarcode, weightToGrams } from './defaults';
import { SAMPLE_EQUIPMENT, SAMPLE_RECEIVING } from './samples';
import { LabelDataError, resolveLabel, snapTsplText, textWidthDots, type ResolvedText } from './layout';
import { LabelTemplateSchema, type LabelTemplate } from './template';

const texts = (els: { kind: string }[]) => els.filter((e): e is ResolvedText => e.kind === 'text').map((e) => e.text);

describe('label layout', () => {
  it('the default templates are valid', () => {
    expect(LabelTemplateSchema.safeParse(DEFAULT_RECEIVING_TEMPLATE).success).toBe(true);
    expect(LabelTemplateSchema.safeParse(DEFAULT_EQUIPMENT_TEMPLATE).success).toBe(true);
    const bad = { ...DEFAULT_RECEIVING_TEMPLATE, elements: [{ type: 'text', x: 1, y: 1, size: 2 }] };
    expect(LabelTemplateSchema.safeParse(bad).success).toBe(false);
    const outside = { ...DEFAULT_RECEIVING_TEMPLATE, elements: [{ type: 'text', x: 60, y: 1, size: 2, literal: 'x' }] };
    expect(LabelTemplateSchema.safeParse(outside).success).toBe(false);
  });

  it('builds the receiving barcode from the data', () => {
    expect(SAMPLE_RECEIVING.barcode).toBe('(01)06901234567892(3103)001234(13)251127(17)251204(10)LOT42');
    expect(receivingBarcode({ receivedDate: '2025-11-27' })).toBe('(13)251127');
    expect(weightToGrams({ amount: 1234, decimals: 3, unit: 'kg' })).toBe(1234);
    expect(weightToGrams({ amount: 15, decimals: 1, unit: 'g' })).toBeNull();
  });

  it('resolves the receiving label in dots at 203 dpi (8 dots/mm)', () => {
    const l = resolveLabel(DEFAULT_RECEIVING_TEMPLATE, SAMPLE_RECEIVING, { textCells: 'tspl' });
    expect([l.width, l.height]).toEqual([400, 240]);
    expect(l.warnings).toEqual([]);
    expect(texts(l.elements)).toEqual([
      '鸡胸肉',
      'Chicken breast',
      '净重 1.234 kg',
      '单价￥25.90/kg',
      '批号 LOT42',
      '总价￥31.96',
      '收货 2025-11-27',
      '到期 2025-12-04',
      // The GS1 human-readable text is wider than the label: split at an AI, lines balanced.
      '(01)06901234567892(3103)001234',
      '(13)251127(17)251204(10)LOT42',
    ]);
    const name = l.elements[0]!;
    // x 1.5 mm -> 12 dots, y 1.25 mm -> 10 dots, 3 mm -> 24 dots; 3 CJK characters -> 72 dots wide.
    expect(name).toMatchObject({ kind: 'text', x: 12, y: 10, height: 24, bold: true, width: 72 });
    const bc = l.elements.find((e) => e.kind === 'code128');
    // 1 dot per module; start C, FNC1, 22 pairs, code B, 5 chars = 30 codewords, + check: 31 * 11 + 13 = 354.
    expect(bc).toMatchObject({ x: 12, y: 120, height: 64, module: 1, gs1: true, width: 354 });
  });

  it("prints prices in the store's currency: its symbol for {currency}, its decimals", () => {
    const price = (currency: string) =>
      texts(resolveLabel(DEFAULT_RECEIVING_TEMPLATE, { ...SAMPLE_RECEIVING, currency }).elements).filter((t) =>
        /^(单价|总价)/.test(t),
      );
    // The yuan prints full-width: the narrow ¥ is not in the printers' GBK fonts.
    expect(price('CNY')).toEqual(['单价￥25.90/kg', '总价￥31.96']);
    expect(price('USD')).toEqual(['单价US$25.90/kg', '总价US$31.96']);
    expect(price('JPY')).toEqual(['单价JP¥26/kg', '总价JP¥32']);
    expect(price('KWD')).toEqual(['单价KWD25.900/kg', '总价KWD31.961']);
  });

  it('leaves out empty fields and uses the fallback field', () => {
    const data = {
      ...SAMPLE_RECEIVING,
      netWeight: undefined,
      qtyText: '12 个',
      unitPrice: undefined,
      totalPrice: undefined,
    };
    const l = resolveLabel(DEFAULT_RECEIVING_TEMPLATE, data);
    const t = texts(l.elements);
    expect(t).toContain('净重 12 个');
    expect(t.some((s) => s.startsWith('单价') || s.startsWith('总价'))).toBe(false);
  });

  it('cuts text that is too wide and says so', () => {
    const l = resolveLabel(DEFAULT_RECEIVING_TEMPLATE, {
      ...SAMPLE_RECEIVING,
      nameZh: '特级散养走地鸡鸡胸肉真空包装冷冻产品',
    });
    const name = l.elements[0] as ResolvedText;
    expect(name.width).toBeLessThanOrEqual(47 * 8);
    expect(name.text).toBe('特级散养走地鸡鸡胸肉真空包装冷冻产品'.slice(0, 15));
    expect(l.warnings[0]).toMatch(/cut/);
  });

  it('refuses bad barcode data when printing, warns in a preview', () => {
    const data = { ...SAMPLE_RECEIVING, barcode: '(01)06901234567893' };
    expect(() => resolveLabel(DEFAULT_RECEIVING_TEMPLATE, data)).toThrow(LabelDataError);
    expect(() => resolveLabel(DEFAULT_RECEIVING_TEMPLATE, data)).toThrow(/check digit should be 2/);
    const preview = resolveLabel(DEFAULT_RECEIVING_TEMPLATE, data, { strict: false });
    expect(preview.elements.some((e) => e.kind === 'code128')).toBe(false);
    expect(preview.warnings.join()).toMatch(/gs1-128 barcode from barcode/);
  });

  it('resolves the equipment QR label', () => {
    const l = resolveLabel(DEFAULT_EQUIPMENT_TEMPLATE, SAMPLE_EQUIPMENT, { textCells: 'tspl' });
    expect(l.warnings).toEqual([]);
    expect(l.elements[0]).toEqual({ kind: 'qr', x: 20, y: 20, cell: 5, ecc: 'M', data: SAMPLE_EQUIPMENT.barcode });
    expect(texts(l.elements)).toEqual(['冷柜 3号', 'Freezer 3', 'EQ-0042', '上海一店', '扫码报修 Scan to report']);
  });

  it('EAN-13 and Code 128 elements at 300 dpi', () => {
    const t: LabelTemplate = {
      widthMm: 60,
      heightMm: 40,
      gapMm: 3,
      dpi: 300,
      elements: [
        { type: 'barcode', x: 2, y: 2, heightMm: 10, symbology: 'ean13', field: 'gtin', humanReadable: true },
        { type: 'barcode', x: 2, y: 20, heightMm: 8, symbology: 'code128', field: 'itemCode', humanReadable: false },
      ],
    };
    const l = resolveLabel(t, { ...SAMPLE_RECEIVING, gtin: '690123456789' });
    expect([l.width, l.height]).toEqual([720, 480]);
    // 0.25 mm at 12 dots/mm = 3 dots per module; EAN-13 is 95 modules; 12 digits get their check digit.
    expect(l.elements[0]).toMatchObject({
      kind: 'ean13',
      x: 24,
      y: 24,
      height: 120,
      module: 3,
      digits: '6901234567892',
      width: 285,
    });
    expect(l.elements[1]).toMatchObject({ kind: 'text', text: '6901234567892', height: 24 });
    expect(l.elements[2]).toMatchObject({ kind: 'code128', gs1: false, text: 'M-0042' });
  });

  it('snaps text heights to TSPL font cells', () => {
    expect(snapTsplText(24)).toEqual({ font: 'TSS24.BF2', mul: 1, height: 24 });
    expect(snapTsplText(16)).toEqual({ font: 'TSS16.BF2', mul: 1, height: 16 });
    expect(snapTsplText(20)).toEqual({ font: 'TSS16.BF2', mul: 1, height: 16 });
    expect(snapTsplText(36)).toEqual({ font: 'TSS16.BF2', mul: 2, height: 32 });
    expect(snapTsplText(48)).toEqual({ font: 'TSS24.BF2', mul: 2, height: 48 });
    expect(textWidthDots('鸡A', 24)).toBe(36);
  });
});
