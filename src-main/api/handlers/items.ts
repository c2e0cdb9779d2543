import type { itemMethods } from '../../../src-shared/api/methods/items';
import { createArea, listAreas, updateArea } from '../../services/items/areas';
import { createCategory, listCategories, updateCategory } from '../../services/items/categories';
import { exportItems } from '../../services/items/export';
import { importItems, readItemImport } from '../../services/items/import';
import { itemPage } from '../../services/items/item-page';
import { getItem, listItemsPacked } from '../../services/items/item-read';
import { createItem, updateItem } from '../../services/items/item-write';
import { prepared, type HandlersFor } from '../handler-types';

export const itemHandlers: HandlersFor<typeof itemMethods> = {
  'areas.list': { run: listAreas },
  'areas.create': { run: createArea },
  'areas.update': { run: updateArea },
  'categories.list': { run: listCategories },
  'categories.create': { run: createCategory },
  'categories.update': { run: updateCategory },
  'items.list': { run: listItemsPacked },
  'items.page': { run: itemPage },
  'items.get': { run: (ctx, i) => getItem(ctx, i.id) },
  'items.create': { run: createItem },
  'items.update': { run: updateItem },
  'items.export': { run: exportItems },
  // The file is read (asynchronous for XLSX) before the transaction that checks and writes every row.
  'items.import': prepared({ prepare: readItemImport, run: importItems }),
};
