import type ExcelJSModule from 'exceljs';

let loaded: Promise<typeof ExcelJSModule> | undefined;

/**
 * exceljs on first use: it is large, and importing it at start-up added
 * ~250 ms to every cold start of the host (docs/benchmarks.md).
 */
export function loadExcelJS(): Promise<typeof ExcelJSModule> {
  loaded ??= import('exceljs').then((m) => {
    const mod = m as unknown as { default?: typeof ExcelJSModule } & typeof ExcelJSModule;
    return mod.default ?? mod;
  });
  return loaded;
}
