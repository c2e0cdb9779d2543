/**
 * Equipment codes are unique across the chain, so they carry the store code:
 * SH-001 -> SH001-COOL-01. A store registers only codes under its own prefix,
 * which lets stores add equipment offline without ever colliding.
 */
export function equipmentPrefix(storeCode: string): string {
  return storeCode.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
}
