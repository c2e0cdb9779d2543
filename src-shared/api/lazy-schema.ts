/*
 * The machinery of lazy-zod.ts: a stand-in for a zod schema that records how
 * it was built and builds it on its first use.
 */

/** Methods of a schema that return another schema (so they can wait too). */
const CHAINED = new Set<string | symbol>([
  'and',
  'array',
  'default',
  'describe',
  'extend',
  'int',
  'max',
  'min',
  'nullable',
  'nullish',
  'omit',
  'optional',
  'or',
  'partial',
  'pick',
  'positive',
  'nonnegative',
  'refine',
  'regex',
  'strict',
  'superRefine',
  'trim',
]);

const BUILD = Symbol('lazy-zod.build');

interface Pending {
  [BUILD](): object;
}

const isPending = (v: unknown): v is Pending => typeof v === 'object' && v !== null && BUILD in v;

/** A builder's argument with every stand-in in it replaced by its real schema (shapes and lists, one level each). */
export function real(arg: unknown): unknown {
  if (isPending(arg)) return arg[BUILD]();
  if (Array.isArray(arg)) return arg.map(real);
  if (arg && typeof arg === 'object' && Object.getPrototypeOf(arg) === Object.prototype) {
    return Object.fromEntries(Object.entries(arg).map(([k, v]) => [k, real(v)]));
  }
  return arg;
}

let builtCount = 0;
/** How many schemas have been built so far (tests check that importing the contracts builds none). */
export const schemasBuilt = () => builtCount;

/** A stand-in for the schema `build` makes, built on its first real use. */
export function pending(build: () => object): object {
  let built: object | undefined;
  const schema = () => (built ??= (builtCount++, build()));
  return new Proxy(Object.create(null) as object, {
    get(_, key) {
      if (key === BUILD) return schema;
      if (CHAINED.has(key)) {
        return (...args: unknown[]) =>
          pending(() => (schema() as Record<PropertyKey, (...a: unknown[]) => object>)[key]!(...args.map(real)));
      }
      const target = schema();
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
    has: (_, key) => key === BUILD || Reflect.has(schema(), key),
    ownKeys: () => Reflect.ownKeys(schema()),
    getOwnPropertyDescriptor(_, key) {
      const d = Reflect.getOwnPropertyDescriptor(schema(), key);
      return d && { ...d, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
  });
}
