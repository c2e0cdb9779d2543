import { z as zod } from 'zod';
import { pending, real } from './lazy-schema';

export * from 'zod';

/*
 * zod for the API contracts, building each schema on its first use rather
 * than when its module is imported. The contract map holds some 3,000 schema
 * objects, and zod constructs each one eagerly (its checks, its parser, its
 * shape): all of them cost the Node host ~60 ms before it could serve the
 * first screen (docs/benchmarks.md), although a cold start calls one method.
 *
 * `z.object(...)`, `z.string().max(40).nullish()` and the other builders used
 * by the contracts return a stand-in that records the call; the first time
 * anything else is asked of it (`safeParse`, `shape`, `_zod`, `instanceof`),
 * the real schema is built, once, from its arguments' real schemas, and
 * answers from then on. Contracts import it as `import * as z from '../lazy-zod'`:
 * everything else, types included, is zod's own. A builder not made lazy
 * below simply builds at once (correct, only not lazy).
 */

/** A `z.*` factory whose schema waits for its first use. */
function lazy<F extends (...args: never[]) => unknown>(factory: F): F {
  const make = factory as unknown as (...a: unknown[]) => object;
  return ((...args: unknown[]) => pending(() => make(...args.map(real)))) as unknown as F;
}

// The factories the contracts use; their types are zod's.
export const array = lazy(zod.array);
export const boolean = lazy(zod.boolean);
export const discriminatedUnion = lazy(zod.discriminatedUnion);
export const email = lazy(zod.email);
const enum_ = lazy(zod.enum);
export { enum_ as enum };
export const intersection = lazy(zod.intersection);
export const literal = lazy(zod.literal);
const null_ = lazy(zod.null);
export { null_ as null };
export const number = lazy(zod.number);
export const object = lazy(zod.object);
export const record = lazy(zod.record);
export const string = lazy(zod.string);
export const tuple = lazy(zod.tuple);
export const union = lazy(zod.union);
export const unknown = lazy(zod.unknown);
export const url = lazy(zod.url);
export const uuid = lazy(zod.uuid);
