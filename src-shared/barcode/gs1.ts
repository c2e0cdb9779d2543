/**
 * GS1 element strings (the data of GS1-128, GS1 DataMatrix/QR, DataBar):
 * building them from receiving data, and reading them back from whatever a
 * scanner types (GS separators, a configured stand-in for GS, `]C1`-style
 * symbology identifiers, or the human-readable `(01)...(10)...` form).
 */
import type { Weight } from '../devices';
import { expectedCheckDigit, hasValidCheckDigit, toGtin14 } from './check-digit';
import { FNC1 } from './code128';

export interface Gs1Element {
  ai: string;
  value: string;
}

export type Gs1ProblemCode =
  | 'empty'
  | 'not_gs1'
  | 'syntax'
  | 'unknown_ai'
  | 'bad_length'
  | 'too_long'
  | 'not_numeric'
  | 'bad_char'
  | 'bad_check_digit'
  | 'bad_date'
  | 'duplicate_ai'
  | 'bad_value';

/** What is wrong, in words (English, for logs and tooltips) and as data (for translated messages). */
export interface Gs1Problem {
  code: Gs1ProblemCode;
  message: string;
  ai?: string;
  value?: string;
  expected?: string;
}

export class Gs1Error extends Error {
  constructor(readonly problem: Gs1Problem) {
    super(problem.message);
    this.name = 'Gs1Error';
  }
}

interface AiSpec {
  title: string;
  numeric: boolean;
  /** Exact length for predefined-length AIs, maximum length otherwise. */
  length: number;
  fixed: boolean;
  date?: boolean;
  check?: boolean;
  /** Implied decimals, the last digit of 310n / 392n. */
  decimals?: number;
}

/**
 * AIs whose length is predefined by their first two digits (GS1 General
 * Specifications, table of predefined-length AI prefixes): no FNC1 follows them. Every other AI is
 * followed by FNC1 unless it is last.
 */
const PREDEFINED = new Set([
  '00',
  '01',
  '02',
  '03',
  '04',
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '20',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '41',
]);

const FIXED_SPECS: Record<string, AiSpec> = {
  '00': { title: 'SSCC', numeric: true, length: 18, fixed: true, check: true },
  '01': { title: 'GTIN', numeric: true, length: 14, fixed: true, check: true },
  '02': { title: 'content GTIN', numeric: true, length: 14, fixed: true, check: true },
  '10': { title: 'batch/lot', numeric: false, length: 20, fixed: false },
  '11': { title: 'production date', numeric: true, length: 6, fixed: true, date: true },
  '12': { title: 'due date', numeric: true, length: 6, fixed: true, date: true },
  '13': { title: 'packaging date', numeric: true, length: 6, fixed: true, date: true },
  '15': { title: 'best before date', numeric: true, length: 6, fixed: true, date: true },
  '16': { title: 'sell by date', numeric: true, length: 6, fixed: true, date: true },
  '17': { title: 'expiry date', numeric: true, length: 6, fixed: true, date: true },
  '21': { title: 'serial number', numeric: false, length: 20, fixed: false },
  '30': { title: 'variable count', numeric: true, length: 8, fixed: false },
  '37': { title: 'count of trade items', numeric: true, length: 8, fixed: false },
};

/** The specification of an AI this module knows, or undefined. */
function aiSpec(ai: string): AiSpec | undefined {
  const known = FIXED_SPECS[ai];
  if (known) return known;
  if (/^310[0-5]$/.test(ai)) {
    return { title: 'net weight (kg)', numeric: true, length: 6, fixed: true, decimals: Number(ai[3]) };
  }
  if (/^392\d$/.test(ai)) {
    return { title: 'amount payable', numeric: true, length: 15, fixed: false, decimals: Number(ai[3]) };
  }
  return undefined;
}

/** True when an AI needs no FNC1 after it (its length is predefined). */
export function isPredefinedLength(ai: string): boolean {
  return PREDEFINED.has(ai.slice(0, 2));
}

/** GS1 character set 82 (the `an` fields: lot, serial). */
const CSET82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]*$/;

export interface Gs1Options {
  /** The year YYMMDD dates are interpreted around (GS1 rule: -49..+50 years). Defaults to this year. */
  referenceYear?: number;
}

function problem(code: Gs1ProblemCode, message: string, extra: Partial<Gs1Problem> = {}): Gs1Problem {
  return { code, message, ...extra };
}

/** YYMMDD -> YYYY-MM-DD with the GS1 century rule; DD=00 means the last day of the month. Null if invalid. */
export function gs1DateToIso(yymmdd: string, referenceYear?: number): string | null {
  const m = /^(\d\d)(\d\d)(\d\d)$/.exec(yymmdd);
  if (!m) return null;
  const ref = referenceYear ?? new Date().getFullYear();
  const refCentury = Math.floor(ref / 100) * 100;
  const yy = Number(m[1]);
  const diff = yy - (ref % 100);
  const year = refCentury + yy + (diff >= 51 ? -100 : diff <= -50 ? 100 : 0);
  const month = Number(m[2]);
  let day = Number(m[3]);
  if (month < 1 || month > 12) return null;
  const last = daysInMonth(year, month);
  if (day === 0) day = last;
  if (day > last) return null;
  return `${String(year).padStart(4, '0')}-${m[2]}-${String(day).padStart(2, '0')}`;
}

/** YYYY-MM-DD -> YYMMDD, or null when it is not a real date. */
export function isoToGs1Date(iso: string): string | null {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(iso);
  if (!m) return null;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(Number(m[1]), month)) return null;
  return m[1]!.slice(2) + m[2] + m[3];
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Why one element is invalid, or null. */
export function elementProblem(el: Gs1Element, opts: Gs1Options = {}): Gs1Problem | null {
  const { ai, value } = el;
  const spec = aiSpec(ai);
  const name = spec ? `(${ai}) ${spec.title}` : `(${ai})`;
  if (!spec) return problem('unknown_ai', `unknown or unsupported AI (${ai})`, { ai });
  if (value.length === 0) return problem('bad_length', `${name} is empty`, { ai, value });
  if (spec.numeric && !/^\d+$/.test(value)) {
    return problem('not_numeric', `${name} must be digits only, got "${value}"`, { ai, value });
  }
  if (spec.fixed && value.length !== spec.length) {
    return problem('bad_length', `${name} needs ${spec.length} digits, got ${value.length} ("${value}")`, {
      ai,
      value,
      expected: String(spec.length),
    });
  }
  if (!spec.fixed && value.length > spec.length) {
    return problem('too_long', `${name} is ${value.length} characters long, at most ${spec.length} allowed`, {
      ai,
      value,
      expected: String(spec.length),
    });
  }
  if (!spec.numeric && !CSET82.test(value)) {
    const bad = [...value].find((c) => !CSET82.test(c)) ?? '';
    return problem('bad_char', `${name} contains "${bad}", which GS1 does not allow`, { ai, value });
  }
  if (spec.check && !hasValidCheckDigit(value)) {
    const exp = String(expectedCheckDigit(value));
    return problem('bad_check_digit', `${name} ${value}: check digit should be ${exp}, not ${value.slice(-1)}`, {
      ai,
      value,
      expected: exp,
    });
  }
  if (spec.date && gs1DateToIso(value, opts.referenceYear) === null) {
    return problem('bad_date', `${name} "${value}" is not a valid YYMMDD date`, { ai, value });
  }
  return null;
}

export interface Gs1Input {
  /** GTIN-8/12/13/14 with its check digit; carried as GTIN-14 in (01). */
  gtin?: string;
  /** Net weight in whole grams, carried as (3103) kg with 3 decimals (max 999.999 kg). */
  netWeightGrams?: number;
  /** YYYY-MM-DD dates. */
  productionDate?: string;
  packDate?: string;
  bestBefore?: string;
  expiry?: string;
  lot?: string;
  serial?: string;
}

export interface Gs1Encoded {
  elements: Gs1Element[];
  /** Human-readable form: `(01)06901234567892(3103)001234(10)LOT42`. */
  hri: string;
  /** The symbol's data: leading FNC1, FNC1 after variable-length AIs (FNC1 = the FNC1 constant of code128.ts). */
  data: string;
}

/**
 * Builds the element string for a receiving label: fixed-length AIs first,
 * variable-length ones (lot, serial) last so at most one separator is needed.
 * Throws Gs1Error naming the bad field.
 */
export function encodeGs1(input: Gs1Input): Gs1Encoded {
  const els: Gs1Element[] = [];
  if (input.gtin !== undefined) {
    const g = toGtin14(input.gtin);
    if (!g) {
      const exp = expectedCheckDigit(input.gtin);
      throw new Gs1Error(
        /^\d{8}$|^\d{12,14}$/.test(input.gtin) && exp !== null
          ? problem('bad_check_digit', `GTIN ${input.gtin}: check digit should be ${exp}`, {
              ai: '01',
              value: input.gtin,
              expected: String(exp),
            })
          : problem('bad_length', `GTIN "${input.gtin}" must be 8, 12, 13 or 14 digits`, {
              ai: '01',
              value: input.gtin,
            }),
      );
    }
    els.push({ ai: '01', value: g });
  }
  if (input.netWeightGrams !== undefined) {
    const w = input.netWeightGrams;
    if (!Number.isSafeInteger(w) || w < 0 || w > 999_999) {
      throw new Gs1Error(
        problem('bad_value', `net weight ${w} g must be whole grams from 0 to 999999`, {
          ai: '3103',
          value: String(w),
        }),
      );
    }
    els.push({ ai: '3103', value: String(w).padStart(6, '0') });
  }
  const dates: [keyof Gs1Input, string][] = [
    ['productionDate', '11'],
    ['packDate', '13'],
    ['bestBefore', '15'],
    ['expiry', '17'],
  ];
  for (const [key, ai] of dates) {
    const iso = input[key];
    if (iso === undefined) continue;
    const d = isoToGs1Date(String(iso));
    if (!d) throw new Gs1Error(problem('bad_date', `${key} "${iso}" is not a valid YYYY-MM-DD date`, { ai }));
    els.push({ ai, value: d });
  }
  if (input.lot !== undefined) els.push({ ai: '10', value: input.lot });
  if (input.serial !== undefined) els.push({ ai: '21', value: input.serial });
  return encodeGs1Elements(els);
}

/** Validates elements (in the given order) and builds both forms. Throws Gs1Error. */
export function encodeGs1Elements(elements: readonly Gs1Element[], opts: Gs1Options = {}): Gs1Encoded {
  if (elements.length === 0) throw new Gs1Error(problem('empty', 'no GS1 elements'));
  const seen = new Set<string>();
  for (const el of elements) {
    const p = elementProblem(el, opts);
    if (p) throw new Gs1Error(p);
    if (seen.has(el.ai)) throw new Gs1Error(problem('duplicate_ai', `AI (${el.ai}) appears twice`, { ai: el.ai }));
    seen.add(el.ai);
  }
  const els = elements.map((e) => ({ ...e }));
  return { elements: els, hri: gs1Hri(els), data: gs1Raw(els, FNC1) };
}

/** `(01)...(10)...` */
export function gs1Hri(elements: readonly Gs1Element[]): string {
  return elements.map((e) => `(${e.ai})${e.value}`).join('');
}

/**
 * The element string with `fnc1` as the separator: leading (as in the symbol)
 * unless `leading` is false, and after each variable-length AI that is not last.
 * `gs1Raw(els, '\x1d', false)` is what a scanner sends without symbology id.
 */
export function gs1Raw(elements: readonly Gs1Element[], fnc1: string, leading = true): string {
  let s = leading ? fnc1 : '';
  elements.forEach((e, k) => {
    s += e.ai + e.value;
    if (!isPredefinedLength(e.ai) && k < elements.length - 1) s += fnc1;
  });
  return s;
}

export interface Gs1Fields {
  elements: Gs1Element[];
  /** Canonical human-readable form. */
  hri: string;
  gtin?: string;
  sscc?: string;
  content?: string;
  lot?: string;
  serial?: string;
  /** YYYY-MM-DD (a DD=00 date is the month's last day). */
  productionDate?: string;
  dueDate?: string;
  packDate?: string;
  bestBefore?: string;
  sellBy?: string;
  expiry?: string;
  /** From (310n): exactly as encoded. */
  netWeight?: Weight;
  /** The same in grams (rounded half up only for 3104/3105, which carry fractions of a gram). */
  netWeightGrams?: number;
  count?: number;
  /** From (392n): amount with n implied decimals. */
  amountPayable?: { amount: number; decimals: number };
}

export type Gs1ParseResult = { ok: true; value: Gs1Fields } | { ok: false; error: Gs1Problem };

export interface Gs1ParseOptions extends Gs1Options {
  /** A character the scanner sends instead of GS (keyboard-wedge scanners often cannot type 0x1D). */
  separator?: string;
}

/** Symbology identifiers (ISO/IEC 15424) that announce GS1 data. */
const GS1_SYMBOLOGY_IDS = [']C1', ']e0', ']d2', ']Q3', ']J1'];

/**
 * Reads GS1 data as a scanner delivers it: `]C1` + raw with GS, raw with a
 * configured separator, or the `(AI)value` human-readable form. Stops at the
 * first problem and says what it is.
 */
export function parseGs1(text: string, opts: Gs1ParseOptions = {}): Gs1ParseResult {
  let s = text.replace(/[\r\n]+$/, '');
  if (s.trim() === '') return { ok: false, error: problem('empty', 'nothing was scanned') };
  if (s.startsWith(']')) {
    const id = s.slice(0, 3);
    if (!GS1_SYMBOLOGY_IDS.includes(id)) {
      return { ok: false, error: problem('not_gs1', `symbology ${id} does not carry GS1 data`) };
    }
    s = s.slice(3);
  }
  const parsed = s.trimStart().startsWith('(') ? splitHri(s.trim()) : splitRaw(s, opts.separator);
  if (!parsed.ok) return parsed;
  const seen = new Map<string, string>();
  for (const el of parsed.value) {
    const p = elementProblem(el, opts);
    if (p) return { ok: false, error: p };
    if (seen.has(el.ai)) {
      return { ok: false, error: problem('duplicate_ai', `AI (${el.ai}) appears twice`, { ai: el.ai }) };
    }
    seen.set(el.ai, el.value);
  }
  return { ok: true, value: toFields(parsed.value, opts) };
}

type SplitResult = { ok: true; value: Gs1Element[] } | { ok: false; error: Gs1Problem };

function splitHri(s: string): SplitResult {
  const re = /\((\d{2,4})\)([^]*?)(?=\(\d{2,4}\)|$)/y;
  const out: Gs1Element[] = [];
  let m: RegExpExecArray | null;
  while (re.lastIndex < s.length && (m = re.exec(s))) out.push({ ai: m[1]!, value: m[2]! });
  if (re.lastIndex !== s.length || out.length === 0) {
    return { ok: false, error: problem('syntax', `"${s}" is not in the (AI)value form`) };
  }
  return { ok: true, value: out };
}

function splitRaw(s: string, separator?: string): SplitResult {
  const isSep = (c: string | undefined) =>
    c === '\u001d' || (separator !== undefined && separator !== '' && c === separator);
  const out: Gs1Element[] = [];
  let i = 0;
  while (i < s.length) {
    if (isSep(s[i])) {
      i++;
      continue;
    }
    let ai: string | undefined;
    for (const len of [2, 3, 4]) {
      const cand = s.slice(i, i + len);
      if (cand.length === len && /^\d+$/.test(cand) && aiSpec(cand)) {
        ai = cand;
        break;
      }
    }
    if (!ai) {
      const shown = s.slice(i, i + 4);
      return { ok: false, error: problem('unknown_ai', `unknown or unsupported AI at "${shown}"`, { ai: shown }) };
    }
    const spec = aiSpec(ai)!;
    i += ai.length;
    if (spec.fixed) {
      let value = s.slice(i, i + spec.length);
      const sepAt = [...value].findIndex((c) => isSep(c));
      if (sepAt >= 0) value = value.slice(0, sepAt);
      if (value.length !== spec.length) {
        return {
          ok: false,
          error: problem(
            'bad_length',
            `(${ai}) ${spec.title} needs ${spec.length} digits, got ${value.length} ("${value}")`,
            { ai, value, expected: String(spec.length) },
          ),
        };
      }
      out.push({ ai, value });
      i += spec.length;
    } else {
      let j = i;
      while (j < s.length && !isSep(s[j])) j++;
      const value = s.slice(i, j);
      if (value.length > spec.length) {
        return {
          ok: false,
          error: problem(
            'too_long',
            `(${ai}) ${spec.title} is ${value.length} characters long, at most ${spec.length} allowed (a missing separator?)`,
            { ai, value, expected: String(spec.length) },
          ),
        };
      }
      out.push({ ai, value });
      i = j;
    }
  }
  if (out.length === 0) return { ok: false, error: problem('empty', 'no GS1 elements') };
  return { ok: true, value: out };
}

const DATE_FIELDS: Record<string, keyof Gs1Fields> = {
  '11': 'productionDate',
  '12': 'dueDate',
  '13': 'packDate',
  '15': 'bestBefore',
  '16': 'sellBy',
  '17': 'expiry',
};

function toFields(elements: Gs1Element[], opts: Gs1Options): Gs1Fields {
  const f: Gs1Fields = { elements, hri: gs1Hri(elements) };
  for (const { ai, value } of elements) {
    const dateKey = DATE_FIELDS[ai];
    if (dateKey) (f as unknown as Record<string, string>)[dateKey] = gs1DateToIso(value, opts.referenceYear)!;
    else if (ai === '01') f.gtin = value;
    else if (ai === '00') f.sscc = value;
    else if (ai === '02') f.content = value;
    else if (ai === '10') f.lot = value;
    else if (ai === '21') f.serial = value;
    else if (ai === '30' || ai === '37') f.count = Number(value);
    else if (ai.startsWith('310')) {
      const decimals = Number(ai[3]);
      const amount = Number(value);
      f.netWeight = { amount, decimals, unit: 'kg' };
      // grams = amount * 1000 / 10^decimals, exact for decimals <= 3.
      f.netWeightGrams = decimals <= 3 ? amount * 10 ** (3 - decimals) : Math.round(amount / 10 ** (decimals - 3));
    } else if (ai.startsWith('392')) f.amountPayable = { amount: Number(value), decimals: Number(ai[3]) };
  }
  return f;
}
