import type { z } from 'zod';
import type { Api, MethodName, MethodOutput } from '../../src-shared/api';
import type { Ctx } from '../services/context';

export type ParsedInput<M extends MethodName> = z.output<Api[M]['input']>;

export interface HandlerDef<M extends MethodName> {
  run(ctx: Ctx, input: ParsedInput<M>): MethodOutput<M> | Promise<MethodOutput<M>>;
  /**
   * 'auto' (default for mutations): dispatch wraps run() and its audit entry in
   * one transaction. 'manual': the handler manages its own transactions and
   * audit (sign-in must record a failed attempt although the call fails; an
   * online backup is asynchronous).
   */
  tx?: 'auto' | 'manual';
}

/** A missing or mistyped handler is a compile error. */
export type HandlerMap = { [M in MethodName]: HandlerDef<M> };

/** The handlers of one domain's contracts: each domain file must cover its own methods. */
export type HandlersFor<C> = { [M in keyof C & MethodName]: HandlerDef<M> };
