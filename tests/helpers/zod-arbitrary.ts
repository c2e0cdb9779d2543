import fc from 'fast-check';

/**
 * fast-check values for a zod contract's input, read from the schema itself:
 * "near-valid" values (the right shapes, lengths and ranges, real ids and
 * days from the store) so calls get past validation into the services, and,
 * when `nasty` is on, any node may instead be one of the inputs that broke
 * things before (wrong types, non-days, huge strings, deep nesting, boundary
 * numbers, missing fields).
 */
export interface Pools {
  /** Ids of rows that exist, so lookups find something. */
  ids: string[];
  /** Schemas whose values come from a pool rather than from their checks (ids, days, instants). */
  known?: Map<unknown, fc.Arbitrary<unknown>>;
  /** Short strings that mean something here: codes, user names, categories. */
  words: string[];
  days: string[];
  instants: string[];
}

type Def = { type: string } & Record<string, unknown>;
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;

function deep(levels: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = i % 2 ? { a: v } : [v];
  return v;
}

/** The values that found the 500s of issue 9, and their relatives. */
export function nastyValue(pools: Pools): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom<unknown>(
      null,
      undefined,
      true,
      false,
      0,
      -1,
      1.5,
      -0,
      Number.MAX_SAFE_INTEGER,
      Number.MIN_SAFE_INTEGER,
      2 ** 53 + 2,
      1e308,
      -1e308,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      '',
      ' ',
      '\u0000',
      '2026-13-01',
      '9999-99-99',
      '2026-00-00',
      '0001-01-01',
      'garbage',
      '1',
      '-1',
      '1e999',
      '../../../etc/passwd',
      '%00%zz',
      '<script>alert(1)</script>',
      '\r\nSIZE 80 mm\r\n',
      '１２３４',
      '💥'.repeat(50),
      [],
      {},
      { __proto__: { admin: true } },
      { constructor: { prototype: { x: 1 } } },
    ),
    fc.constant('x'.repeat(100_000)),
    fc.constant(deep(60)),
    fc.constantFrom(...pools.ids),
    fc.string({ unit: 'binary', maxLength: 24 }),
    fc.integer(),
    fc.double(),
    fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  );
}

function checksOf(def: Def): Record<string, unknown>[] {
  return ((def.checks as { _zod: { def: Record<string, unknown> } }[] | undefined) ?? []).map((c) => c._zod.def);
}

function stringArb(def: Def, pools: Pools): fc.Arbitrary<string> {
  let min = 0;
  let max = 40;
  let pattern: RegExp | undefined;
  for (const c of checksOf(def)) {
    if (c.check === 'min_length') min = Number(c.minimum);
    if (c.check === 'max_length') max = Math.min(max, Number(c.maximum));
    if (c.check === 'length_equals') min = max = Number(c.length);
    if (c.check === 'string_format' && c.pattern instanceof RegExp) pattern = c.pattern;
  }
  const own: fc.Arbitrary<string>[] = [fc.string({ minLength: Math.min(min, max), maxLength: Math.max(min, max) })];
  if (pattern) {
    try {
      own.push(fc.stringMatching(pattern).filter((s) => s.length >= min && s.length <= Math.max(max, min)));
    } catch {
      /* a pattern fast-check cannot invert: the pools cover it */
    }
  }
  // Pool values that fit this field's length and pattern: the likeliest to get past validation.
  const fitting = [...pools.words, ...pools.ids, ...pools.days, ...pools.instants].filter(
    (w) => w.length >= min && w.length <= Math.max(min, max) && (!pattern || pattern.test(w)),
  );
  if (fitting.length === 0) return fc.oneof(...own);
  return fc.oneof({ weight: 2, arbitrary: fc.oneof(...own) }, { weight: 3, arbitrary: fc.constantFrom(...fitting) });
}

function numberArb(def: Def): fc.Arbitrary<number> {
  let min = -1_000_000;
  let max = 1_000_000;
  let int = false;
  for (const c of checksOf(def)) {
    if (c.check === 'number_format') int = String(c.format).includes('int');
    if (c.check === 'greater_than') min = Number(c.value) + (c.inclusive ? 0 : 1);
    if (c.check === 'less_than') max = Number(c.value) - (c.inclusive ? 0 : 1);
  }
  const lo = Math.max(min, -1e12);
  const hi = Math.min(max, 1e12);
  const edges = fc.constantFrom(...[min, max, 0, 1].filter((n) => Number.isFinite(n) && n >= min && n <= max));
  const inRange = int
    ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) })
    : fc.double({ min: lo, max: hi, noNaN: true });
  return fc.oneof({ weight: 3, arbitrary: inRange }, { weight: 1, arbitrary: edges });
}

/** Values for `schema`; `nasty` mixes in bad values at every node. */
export function arbitraryFor(schema: unknown, pools: Pools, nasty: boolean, depth = 0): fc.Arbitrary<unknown> {
  const near = nearValid(schema, pools, nasty, depth);
  if (!nasty) return near;
  return fc.oneof({ weight: 6, arbitrary: near }, { weight: 1, arbitrary: nastyValue(pools) });
}

function nearValid(schema: unknown, pools: Pools, nasty: boolean, depth: number): fc.Arbitrary<unknown> {
  if (depth > 12) return fc.constant(null);
  const known = pools.known?.get(schema);
  if (known) return known;
  const def = defOf(schema);
  const next = (s: unknown) => arbitraryFor(s, pools, nasty, depth + 1);
  switch (def.type) {
    case 'object': {
      const shape = Object.fromEntries(Object.entries(def.shape as object).map(([k, v]) => [k, next(v)]));
      // Usually every key (optional ones may still come out undefined), sometimes any subset.
      return fc.oneof(
        { weight: 4, arbitrary: fc.record(shape) },
        { weight: nasty ? 1 : 0, arbitrary: fc.record(shape, { requiredKeys: [] }) },
      );
    }
    case 'string':
      return stringArb(def, pools);
    case 'number':
      return numberArb(def);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'undefined':
      return fc.constant(undefined);
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'array': {
      let minLength = 0;
      let maxLength = 3;
      for (const c of checksOf(def)) {
        if (c.check === 'min_length') minLength = Math.min(Number(c.minimum), 3);
        if (c.check === 'max_length') maxLength = Math.min(Number(c.maximum), 3);
      }
      return fc.array(next(def.element), { minLength, maxLength: Math.max(minLength, maxLength) });
    }
    case 'tuple':
      return fc.tuple(...(def.items as unknown[]).map(next));
    case 'record':
      return fc.dictionary(
        fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...pools.words)),
        next(def.valueType),
        { maxKeys: 3 },
      );
    case 'optional':
      return fc.option(next(def.innerType), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(next(def.innerType), { nil: null, freq: 3 });
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return fc.option(next(def.innerType), { nil: undefined, freq: 4 });
    case 'pipe':
      return next(def.in);
    case 'lazy':
      return next((def.getter as () => unknown)());
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map(next));
    case 'intersection':
      return fc
        .tuple(next(def.left), next(def.right))
        .map(([a, b]) => (a && b && typeof a === 'object' && typeof b === 'object' ? { ...a, ...b } : a));
    case 'unknown':
    case 'any':
      return fc.jsonValue({ maxDepth: 3 });
    case 'bigint':
      return fc.bigInt();
    case 'date':
      return fc.date();
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}
