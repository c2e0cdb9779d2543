import type { countMethods } from '../../../src-shared/api/methods/counts';
import { listHeaders } from '../../services/counts/header';
import { getCount } from '../../services/counts/lines';
import { scopeOptions } from '../../services/counts/list';
import { cancelCount, postCount, previewCount } from '../../services/counts/post';
import { saveLine } from '../../services/counts/save-line';
import { startCount } from '../../services/counts/start';
import type { HandlersFor } from '../handler-types';

export const countHandlers: HandlersFor<typeof countMethods> = {
  'counts.list': { run: (ctx, i) => listHeaders(ctx.sqlite, i.status ?? null) },
  'counts.scopeOptions': { run: scopeOptions },
  'counts.start': { run: startCount },
  'counts.get': { run: (ctx, i) => getCount(ctx, i.id) },
  'counts.saveLine': { run: saveLine },
  'counts.preview': { run: (ctx, i) => previewCount(ctx, i.id, i.uncounted) },
  'counts.post': { run: (ctx, i) => postCount(ctx, i.id, i.uncounted) },
  'counts.cancel': { run: (ctx, i) => cancelCount(ctx, i.id) },
};
