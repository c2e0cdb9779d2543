import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { api } from '../../../src-shared/api';
import { equipmentMethods } from '../../../src-shared/api/methods/equipment';
import { procurementMethods } from '../../../src-shared/api/methods/procurement';
import { receivingMethods } from '../../../src-shared/api/methods/receiving';
import { repairMethods } from '../../../src-shared/api/methods/repairs';
import { equipmentHandlers } from '../../../src-main/api/handlers/equipment';
import { receivingHandlers } from '../../../src-main/api/handlers/receiving';
import { importGraph, ROOT } from '../../helpers/import-graph';

/** Rooms named for what they hold: a domain's methods, handlers and services each in one place. */
const names = (map: object) => Object.keys(map);
const files = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(`${dir}/${e.name}`) : [`${dir}/${e.name}`],
  );

describe('the rooms of the house', () => {
  it('keeps receipts with receiving: contract, handlers and services', () => {
    const receipts = names(api).filter((m) => m.startsWith('receipts.') || m.startsWith('receiving.'));
    expect(receipts.length).toBeGreaterThan(10);
    expect(names(receivingMethods).sort()).toEqual(receipts.sort());
    expect(names(receivingHandlers).sort()).toEqual(receipts.sort());
    expect(names(procurementMethods).filter((m) => m.startsWith('receipts.'))).toEqual([]);
    expect(files('src-main/services/procurement').filter((f) => /receipt/.test(f))).toEqual([]);
    expect(files('src-main/services/receiving')).toEqual(
      expect.arrayContaining(['src-main/services/receiving/receipt-post.ts', 'src-main/services/receiving/scan.ts']),
    );
  });

  it('keeps every equipment method in one contract and one handler file', () => {
    const equipment = names(api).filter((m) => m.startsWith('equipment.'));
    expect(equipment).toContain('equipment.list');
    expect(names(equipmentMethods)).toEqual(expect.arrayContaining(equipment));
    expect(names(equipmentHandlers)).toEqual(names(equipmentMethods));
    expect(names(repairMethods).filter((m) => m in equipmentMethods)).toEqual([]);
    expect(existsSync(join(ROOT, 'src-main/services/master'))).toBe(false);
    expect(existsSync(join(ROOT, 'src-shared/api/methods/master.ts'))).toBe(false);
  });

  it('keeps the demo generators in services/demo and the equipment-code rule in repairs', () => {
    const graph = importGraph(['src-main']);
    const demo = [...graph.files.keys()].filter((f) => /store-simulation|demo-movements/.test(f));
    expect(demo.sort()).toEqual([
      'src-main/services/demo/demo-movements.ts',
      'src-main/services/demo/store-simulation.ts',
    ]);
    // The equipment-code rule is the product's, not a demo helper: repairs import nothing from the demo.
    const repairsIntoDemo = [...graph.files]
      .filter(
        ([f, deps]) => f.startsWith('src-main/services/repairs/') && deps.some((d) => d.includes('/services/demo/')),
      )
      .map(([f]) => f);
    expect(repairsIntoDemo).toEqual([]);
    expect(graph.files.get('src-main/services/demo/rows.ts')).toContain('src-main/services/repairs/equipment-code.ts');
  });

  it('writes each built-in label template id once, where both sides read it', () => {
    const literal = /01930000-0000-7000-8000-00000000a00\d/;
    const holders = ['src-main', 'src-renderer/src', 'src-shared']
      .flatMap(files)
      .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'))
      .filter((f) => literal.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(holders).toEqual(['src-shared/labels/builtin-ids.ts']);
  });
});
