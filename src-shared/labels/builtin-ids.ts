/**
 * Fixed ids of the built-in label templates (defaults.ts holds their
 * definitions), so every store's are the same rows once HQ owns them and the
 * screens find the one they print with. A file of its own: the renderer needs
 * the ids without the templates' barcode code.
 */
export const RECEIVING_TEMPLATE_ID = '01930000-0000-7000-8000-00000000a001';
export const EQUIPMENT_TEMPLATE_ID = '01930000-0000-7000-8000-00000000a002';
