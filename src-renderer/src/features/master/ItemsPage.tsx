/** The item master moved to features/items (grid, dialogs, import/export); kept as a re-export for old imports. */
export { ItemsPage } from '../items/ItemsPage';
