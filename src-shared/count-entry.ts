/**
 * Count entry by keyboard with mixed units: "2 箱 + 3.5 kg", "2箱3.5kg",
 * "12 瓶", "1.5" (the base unit). Pure and exact (BigInt, never floats), so the
 * screen can check a line as it is typed and the server parses it the same way.
 */

export type BaseUnit = 'g' | 'ml' | 'pc';

export interface EntryUnit {
  unit: string;
  /** Thousandths of the base unit in one of this unit (1 箱 = 10 kg is 10_000_000). */
  factor: number;
}

export type EntryError =
  | { code: 'empty' }
  | { code: 'negative' }
  | { code: 'syntax'; text: string }
  | { code: 'unit'; unit: string; known: string[] }
  | { code: 'tooLarge' };

export type EntryResult = { ok: true; qty: number } | { ok: false; error: EntryError };

/** Larger than any real count of one item on one shelf (same bar as the ledger: 100 t, 100,000 l, 100 million pieces). */
export const MAX_ENTRY_QTY = 100_000_000_000;

/** Metric units every item understands, by base unit (thousandths of the base unit per unit). */
const BUILT_IN: Record<BaseUnit, Record<string, number>> = {
  g: { g: 1000, 克: 1000, kg: 1_000_000, 千克: 1_000_000, 公斤: 1_000_000, 斤: 500_000, 两: 50_000 },
  ml: { ml: 1000, 毫升: 1000, l: 1_000_000, 升: 1_000_000 },
  pc: { pc: 1000, pcs: 1000, 个: 1000 },
};

/** Full-width digits and signs (Chinese IME) to ASCII; spaces and an ideographic space dropped. */
function normalize(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19\uFF0B\uFF0D\uFF0E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '');
}

const norm = (u: string) => u.toLowerCase();

/** The units an item can be counted in, item units first (they may override a built-in name). */
export function entryUnits(baseUnit: BaseUnit, itemUnits: readonly EntryUnit[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const u of itemUnits) if (u.factor > 0) map.set(norm(u.unit), u.factor);
  for (const [u, f] of Object.entries(BUILT_IN[baseUnit])) if (!map.has(u)) map.set(u, f);
  return map;
}

/** A number with at most three decimals as thousandths, in BigInt. */
function milli(num: string): bigint {
  const [whole, frac = ''] = num.split('.');
  return BigInt(whole!) * 1000n + BigInt((frac + '000').slice(0, 3));
}

const TERM = /^\+?(\d+(?:\.\d+)?)([^\d+.,，]*)/;

export function parseCountEntry(text: string, baseUnit: BaseUnit, itemUnits: readonly EntryUnit[]): EntryResult {
  let rest = normalize(text);
  if (!rest) return { ok: false, error: { code: 'empty' } };
  if (/[-−]/.test(rest)) return { ok: false, error: { code: 'negative' } };
  const units = entryUnits(baseUnit, itemUnits);
  let total = 0n;
  while (rest) {
    const m = TERM.exec(rest);
    // More than three decimals is finer than the ledger keeps: refuse rather than round silently.
    if (!m || (m[1]!.split('.')[1]?.length ?? 0) > 3) return { ok: false, error: { code: 'syntax', text } };
    const unit = m[2]!;
    const factor = unit === '' ? 1000 : units.get(norm(unit));
    if (factor === undefined) return { ok: false, error: { code: 'unit', unit, known: [...new Set(units.keys())] } };
    // thousandths of the unit x (thousandths of base per unit) / 1000, rounded half up (counts are never negative).
    total += (milli(m[1]!) * BigInt(factor) + 500n) / 1000n;
    if (total > BigInt(MAX_ENTRY_QTY)) return { ok: false, error: { code: 'tooLarge' } };
    rest = rest.slice(m[0].length);
  }
  return { ok: true, qty: Number(total) };
}
