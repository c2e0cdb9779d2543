import type { stockMethods } from '../../../src-shared/api/methods/stock';
import { postMoves, reverseMove } from '../../services/stock/post';
import { movesPage, onHand } from '../../services/stock/queries';
import type { HandlersFor } from '../handler-types';

export const stockHandlers: HandlersFor<typeof stockMethods> = {
  'stock.onHand': { run: onHand },
  'stock.post': {
    run: (ctx, i) =>
      postMoves(
        ctx,
        i.moves.map((m) => ({
          ...m,
          occurredAt: m.occurredAt ? Date.parse(m.occurredAt) : undefined,
          kind: m.kind as never,
        })),
      ),
  },
  'stock.reverse': { run: (ctx, i) => reverseMove(ctx, i.seq, i.note) },
  'stock.moves': { run: movesPage },
};
