import type { z } from 'zod';
import type { Api, MethodName, MethodOutput } from '../../src-shared/api';
import type { Ctx } from '../services/context';

export type ParsedInput<M extends MethodName> = z.output<Api[M]['input']>;

/** A read: runs outside any transaction and may wait (a file to build, a device to ask). */
export interface QueryHandler<M extends MethodName> {
  run(ctx: Ctx, input: ParsedInput<M>): MethodOutput<M> | Promise<MethodOutput<M>>;
}

/**
 * A write. Dispatch runs `run` inside one transaction with the call's audit
 * entry, so it is synchronous: a write cannot wait on anything that another
 * call could change meanwhile. Work that is slow or can fail goes around it:
 * - `prepare`, before the transaction: what must succeed before anything is
 *   recorded, and writes no row (reading an uploaded spreadsheet, copying and
 *   checking a backup, taking one). A refusal here leaves no trace.
 * - ctx.afterCommit(fn), after the commit: device work, reloads, anything
 *   that must never undo the write (a printer out of paper).
 */
export interface MutationHandler<M extends MethodName, P = undefined> {
  prepare?(ctx: Ctx, input: ParsedInput<M>): Promise<P>;
  run(ctx: Ctx, input: ParsedInput<M>, prepared: P): MethodOutput<M>;
}

type IsMutation<M extends MethodName> = Api[M]['kind'] extends 'mutation' ? true : false;

/**
 * What a method's handler must look like: a mutation's run returns its value
 * (a Promise there is a compile error), a query's may be asynchronous.
 */
export type HandlerDef<M extends MethodName> =
  IsMutation<M> extends true
    ? // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each handler names its own prepared value
      MutationHandler<M, any>
    : QueryHandler<M>;

/** A missing or mistyped handler is a compile error. */
export type HandlerMap = { [M in MethodName]: HandlerDef<M> };

/** The handlers of one domain's contracts: each domain file must cover its own methods. */
export type HandlersFor<C> = { [M in keyof C & MethodName]: HandlerDef<M> };

/** A mutation handler with work before its transaction, its prepared value typed from `prepare` to `run`. */
export function prepared<M extends MethodName, P>(h: MutationHandler<M, P>): MutationHandler<M, P> {
  return h;
}

/** The method names whose contracts are mutations (the audit test keeps a sample input for each). */
export type MutationName = { [M in MethodName]: IsMutation<M> extends true ? M : never }[MethodName];
