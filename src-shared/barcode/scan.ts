/**
 * What a scanned text is, so the receiving screen knows how to look the item
 * up: a plain EAN/UPC (by barcode), a variable-measure EAN-13 (by item
 * reference, with the weight or price it carries), GS1 data (by GTIN, with
 * weight, dates and lot), or some other code (an internal item code).
 */
import { expectedCheckDigit, gtinLookupForms, hasValidCheckDigit } from './check-digit';
import { parseGs1, type Gs1Fields, type Gs1Problem } from './gs1';
import { decodeVariable, matchLayout, type VariableDecoded, type VariableLayout } from './variable-measure';

export interface ScanConfig {
  /** The chain's variable-measure layouts (empty: every 13-digit code is a plain EAN-13). */
  variableLayouts?: readonly VariableLayout[];
  /** A character the scanner sends instead of GS in GS1 data. */
  gs1Separator?: string;
  /** See Gs1Options.referenceYear. */
  referenceYear?: number;
}

export type ScanInvalidCode = 'empty' | 'control_chars' | 'check_digit' | 'gs1';

export type ScanResult =
  | {
      kind: 'ean13' | 'ean8' | 'upc';
      code: string;
      /** Barcode forms to look up in the item master (the code itself first). */
      lookup: string[];
    }
  | ({ kind: 'variable'; code: string } & VariableDecoded)
  | {
      kind: 'gs1';
      gtin?: string;
      /** GTIN forms to look up (GTIN-14 and the EAN-13/UPC/EAN-8 it pads); empty without (01). */
      lookup: string[];
      fields: Gs1Fields;
    }
  | { kind: 'code'; code: string }
  | {
      kind: 'invalid';
      code: ScanInvalidCode;
      /** Plain words for the status line / log. */
      reason: string;
      /** The text as read (after trimming), so the screen can still try it as an internal code. */
      text: string;
      gs1?: Gs1Problem;
    };

/** Symbology identifiers that announce GS1 data; others are stripped and ignored. */
const GS1_IDS = new Set([']C1', ']e0', ']d2', ']Q3', ']J1']);

function invalid(code: ScanInvalidCode, reason: string, text: string, gs1?: Gs1Problem): ScanResult {
  return gs1 ? { kind: 'invalid', code, reason, text, gs1 } : { kind: 'invalid', code, reason, text };
}

/** Classifies one scan (one line from a keyboard-wedge or serial scanner). */
export function classifyScan(raw: string, config: ScanConfig = {}): ScanResult {
  // Full-width digits (an IME left on) to ASCII; surrounding whitespace and the scanner's Enter dropped.
  let text = raw
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/^[\s]+|[\s]+$/g, '');
  if (text === '') return invalid('empty', 'nothing was scanned', text);
  const gs1Opts = { separator: config.gs1Separator, referenceYear: config.referenceYear };

  let symbologyId: string | null = null;
  if (/^\][A-Za-z]\d/.test(text)) {
    symbologyId = text.slice(0, 3);
    if (!GS1_IDS.has(symbologyId)) text = text.slice(3);
  }
  const sep = config.gs1Separator;
  const looksGs1 =
    (symbologyId !== null && GS1_IDS.has(symbologyId)) ||
    text.includes('\u001d') ||
    /^\(\d{2,4}\)/.test(text) ||
    (sep !== undefined && sep !== '' && /^\d/.test(text) && text.includes(sep)) ||
    (/^01\d{14}/.test(text) && text.length > 16);
  if (looksGs1) {
    const r = parseGs1(text, gs1Opts);
    if (!r.ok) return invalid('gs1', `GS1 data: ${r.error.message}`, text, r.error);
    return r.value.gtin
      ? { kind: 'gs1', gtin: r.value.gtin, lookup: gtinLookupForms(r.value.gtin), fields: r.value }
      : { kind: 'gs1', lookup: [], fields: r.value };
  }
  if (/[\u0000-\u001f\u007f]/.test(text)) return invalid('control_chars', 'the scan contains control characters', text);

  if (/^\d+$/.test(text) && [8, 12, 13, 14].includes(text.length)) {
    if (!hasValidCheckDigit(text)) {
      const exp = expectedCheckDigit(text);
      return invalid(
        'check_digit',
        `wrong check digit: ${text} should end in ${exp}, not ${text.slice(-1)} (misread, or not a GTIN)`,
        text,
      );
    }
    if (text.length === 13) {
      const layouts = config.variableLayouts ?? [];
      if (matchLayout(layouts, text)) {
        const v = decodeVariable(layouts, text);
        if (v) return { kind: 'variable', code: text, ...v };
      }
      return { kind: 'ean13', code: text, lookup: [text, '0' + text] };
    }
    if (text.length === 8) return { kind: 'ean8', code: text, lookup: [text, text.padStart(14, '0')] };
    if (text.length === 12) return { kind: 'upc', code: text, lookup: [text, '0' + text, '00' + text] };
    // A bare GTIN-14 (ITF-14 on a case).
    return {
      kind: 'gs1',
      gtin: text,
      lookup: gtinLookupForms(text),
      fields: { elements: [{ ai: '01', value: text }], hri: `(01)${text}`, gtin: text },
    };
  }
  return { kind: 'code', code: text };
}
