import type { stockMethods } from '../../../src-shared/api/methods/stock';
import { reverseMove } from '../../services/stock/post';
import { movesPage, onHand } from '../../services/stock/queries';
import type { HandlersFor } from '../handler-types';

export const stockHandlers: HandlersFor<typeof stockMethods> = {
  'stock.onHand': { run: onHand },
  'stock.reverse': { run: (ctx, i) => reverseMove(ctx, i.seq, i.note) },
  'stock.moves': { run: movesPage },
};
