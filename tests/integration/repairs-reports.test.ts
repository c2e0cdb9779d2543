import { afterEach, describe, expect, it } from 'vitest';
import { act, DAY, HOUR, openRepairsStore, report, T0, type RepairsFixture } from '../helpers/repairs';
import { postStock, seedStockFixture } from '../helpers/stock';

let f: RepairsFixture | undefined;
afterEach(() => {
  f?.t.close();
  f = undefined;
});

const PERIOD = { from: '2026-06-01', to: '2026-06-10' }; // 10 days = 14,400 min in Shanghai

/**
 * A hand-made history (T0 = 2026-06-01 10:00 Shanghai):
 * 1. cooler down at T0, running again 4 h later (REF-COOL-WARM, a gasket used);
 * 2. cooler down at T0+2d, running again 2 h later (REF-COOL-WARM again: a repeat);
 * 3. cooler fault at T0+3d without downtime (REF-BODY-SEAL);
 * 4. wok down at T0+5d, still down;
 * 5. a POS ticket cancelled (no failure).
 */
async function history(fx: RepairsFixture) {
  const stock = seedStockFixture(fx.t);
  await fx.as('boss');
  postStock(
    fx.t,
    [{ itemId: stock.items.cups, areaId: stock.areas.dry, kind: 'receipt', qty: 10_000, value: 20_000 }],
    {
      now: fx.clock.now,
    },
  );
  await fx.as('manager');
  const fix = async (at: number, equipment: string, faultCode: string, down: boolean, hours: number | null) => {
    await fx.at(at);
    const wo = await report(fx, { equipment, faultCode, down });
    await act(fx, wo.id, 'assign', { assignee: { userId: fx.users.tech } });
    if (faultCode === 'REF-COOL-WARM') {
      await fx.t.call('repairs.useParts', {
        id: wo.id,
        areaId: stock.areas.dry,
        lines: [{ itemId: stock.items.cups, qty: '1', unit: 'pc' }],
      });
    }
    if (hours !== null) {
      await fx.at(at + hours * HOUR);
      await act(fx, wo.id, 'resolve', {
        resolution: { text: `fixed ${faultCode}`, resolutionCode: 'replace_part', rootCauseCode: 'wear' },
      });
    }
    return wo;
  };
  const w1 = await fix(T0, fx.eq.cooler, 'REF-COOL-WARM', true, 4);
  const w2 = await fix(T0 + 2 * DAY, fx.eq.cooler, 'REF-COOL-WARM', true, 2);
  const w3 = await fix(T0 + 3 * DAY, fx.eq.cooler, 'REF-BODY-SEAL', false, 1);
  const w4 = await fix(T0 + 5 * DAY, fx.eq.wok, 'COOK-HEAT-NOHEAT', true, null);
  const w5 = await report(fx, { equipment: fx.eq.pos, faultCode: 'IT-DEV-BOOT', down: true });
  await act(fx, w5.id, 'cancel', { note: 'duplicate' });
  await fx.at(T0 + 12 * DAY);
  return { w1, w2, w3, w4, w5 };
}

describe('MTTR, MTBF and downtime', () => {
  it('match the hand-computed figures per equipment, per category and in total', async () => {
    f = await openRepairsStore();
    await history(f);
    const r = await f.t.call('repairReports.reliability', PERIOD);
    const by = Object.fromEntries(r.perEquipment.map((e) => [e.code, e]));
    // Cooler: 3 failures, 2 timed repairs (240 + 120 min), down 360 min of 14,400.
    expect(by['SH001-COOL-01']).toMatchObject({
      failures: 3,
      repairs: 2,
      mttrMinutes: 180,
      downtimeMinutes: 360,
      operatingMinutes: 14_400,
      mtbfMinutes: 4_680,
      availabilityBp: 9_750,
    });
    // Wok: down from 06-06 10:00 to the end of the period (06-11 00:00): 110 h = 6,600 min.
    expect(by['SH001-WOK-01']).toMatchObject({
      failures: 1,
      repairs: 0,
      mttrMinutes: null,
      downtimeMinutes: 6_600,
      mtbfMinutes: 7_800,
      availabilityBp: 5_417,
    });
    // POS: the cancelled ticket is no failure.
    expect(by['SH001-POS-01']).toMatchObject({
      failures: 0,
      downtimeMinutes: 0,
      mtbfMinutes: null,
      availabilityBp: 10_000,
    });
    expect(r.perCategory.find((c) => c.category === 'refrigeration')).toMatchObject({
      equipment: 1,
      mtbfMinutes: 4_680,
    });
    expect(r.total).toEqual({
      operatingMinutes: 43_200,
      downtimeMinutes: 6_960,
      failures: 4,
      repairs: 2,
      mttrMinutes: 180,
      mtbfMinutes: 9_060,
      availabilityBp: 8_389,
    });
    // One category only.
    const cooking = await f.t.call('repairReports.reliability', { ...PERIOD, category: 'cooking' });
    expect(cooking.perEquipment.map((e) => e.code)).toEqual(['SH001-WOK-01']);
    // The equipment card shows its last year.
    expect((await f.t.call('equipment.get', { id: f.eq.cooler })).reliability).toMatchObject({
      failures: 3,
      mttrMinutes: 180,
    });
  });
});

describe('the other maintenance reports', () => {
  it('list repeat failures, open work orders by age, SLA compliance, and export each as XLSX', async () => {
    f = await openRepairsStore();
    const { w1, w2 } = await history(f);
    const repeats = await f.t.call('repairReports.repeats', PERIOD);
    expect(repeats).toEqual([
      expect.objectContaining({
        code: 'SH001-COOL-01',
        faultCode: 'REF-COOL-WARM',
        faultNameEn: 'Not cold enough',
        failures: 2,
        repeats: 1,
        numbers: [w1.number, w2.number],
      }),
    ]);

    // Open = not closed or cancelled: the three cooler tickets (confirmed automatically by now) and the wok.
    const aging = await f.t.call('repairReports.aging', {});
    expect(aging.total).toBe(4);
    expect(aging.buckets.find((b) => b.bucket === '7d')).toEqual({
      bucket: '7d',
      urgent: 1,
      high: 0,
      normal: 0,
      low: 0,
      total: 1,
      active: 1,
    });
    expect(aging.buckets.find((b) => b.bucket === '30d')).toMatchObject({ urgent: 2, high: 1, total: 3, active: 0 });
    expect(aging.oldest?.number).toBe(w1.number);

    const sla = await f.t.call('repairReports.sla', PERIOD);
    // Every response came at once; the urgent wok (8 h) is still open and past its target.
    expect(sla.byPriority.find((b) => b.priority === 'urgent')).toMatchObject({
      workOrders: 3,
      responseMet: 3,
      resolutionMet: 2,
      resolutionMissed: 1,
      resolutionBp: 6_667,
    });
    expect(sla.breaches).toEqual([
      expect.objectContaining({ equipmentCode: 'SH001-WOK-01', clock: 'resolution', open: true }),
    ]);

    for (const report of ['reliability', 'sla', 'repeats', 'costs', 'aging'] as const) {
      const x = await f.t.call('repairReports.xlsx', { report, ...PERIOD });
      expect(x.base64.startsWith('UEsDB'), report).toBe(true); // a zip: an xlsx workbook
      expect(x.fileName).toMatch(/\.xlsx$/);
    }
    const zh = await f.t.call('repairReports.xlsx', { report: 'reliability', ...PERIOD }, { locale: 'zh-CN' });
    expect(zh.fileName).toBe('MTTR 与 MTBF-2026-06-01_2026-06-10.xlsx');
    await f.as('clerk');
    expect((await f.t.fail('repairReports.reliability', PERIOD)).code).toBe('FORBIDDEN');
  });

  it('tell how the same model and fault were fixed before', async () => {
    f = await openRepairsStore();
    await history(f);
    await f.as('manager');
    const twin = await f.t.call('equipment.save', {
      code: 'SH001-COOL-02',
      name: 'Second cooler',
      category: 'refrigeration',
      make: 'Haier',
      model: 'M-SH001-COOL-01',
      criticality: 'high',
    });
    const k = await f.t.call('repairs.knowledge', { equipmentId: twin.id, faultCode: 'REF-COOL-WARM' });
    expect(k.total).toBe(2);
    expect(k.resolutions).toEqual([{ code: 'replace_part', nameZh: '更换零件', nameEn: 'Part replaced', count: 2 }]);
    expect(k.rootCauses).toEqual([expect.objectContaining({ code: 'wear', count: 2 })]);
    expect(
      k.history.map((h) => [h.equipmentCode, h.sameEquipment, h.repairMinutes, h.parts.map((p) => p.itemCode)]),
    ).toEqual([
      ['SH001-COOL-01', false, 120, ['T-CUP']],
      ['SH001-COOL-01', false, 240, ['T-CUP']],
    ]);
    expect(k.history[0]!.cost).toBe(2_000);
    const own = await f.t.call('repairs.knowledge', { equipmentId: f.eq.cooler, faultCode: 'REF-BODY-SEAL' });
    expect(own.history).toEqual([expect.objectContaining({ sameEquipment: true, resolution: 'fixed REF-BODY-SEAL' })]);
    expect((await f.t.call('repairs.knowledge', { equipmentId: f.eq.pos, faultCode: 'IT-DEV-BOOT' })).total).toBe(0);
  });
});

describe('the equipment registry and its codes', () => {
  it('keeps codes unique across the chain, resolves labels, stores manuals and lists what a grid needs', async () => {
    f = await openRepairsStore();
    await f.as('manager');
    const prefix = await f.t.fail('equipment.save', { code: 'BJ002-COOL-01', name: 'x', category: 'refrigeration' });
    expect(prefix.fields).toEqual([
      {
        path: 'code',
        message:
          'Equipment codes of this store start with SH001- (e.g. SH001-COOL-01), so they stay unique across the chain.',
      },
    ]);
    expect(
      (await f.t.fail('equipment.save', { code: 'sh001-cool-01', name: 'x', category: 'refrigeration' })).code,
    ).toBe('CONFLICT');
    const cooler = (await f.t.call('equipment.registry', {})).find((e) => e.code === 'SH001-COOL-01')!;
    const renamed = await f.t.fail('equipment.save', { ...cooler, code: 'SH001-COOL-09' });
    expect(renamed.fields?.[0]?.path).toBe('code');
    expect(await f.t.call('equipment.qr', { id: f.eq.cooler })).toEqual({
      code: 'SH001-COOL-01',
      payload: 'EQ:SH001-COOL-01',
      name: 'Walk-in cooler',
      location: 'Kitchen',
      storeCode: 'SH-001',
    });
    const manual = await f.t.call('equipment.attach', {
      equipmentId: f.eq.cooler,
      file: { fileName: 'manual.pdf', dataBase64: Buffer.from('%PDF-1.7\nmanual').toString('base64') },
    });
    expect(manual).toMatchObject({ fileName: 'manual.pdf', mime: 'application/pdf' });
    const wo = await report(f, { equipment: f.eq.cooler, faultCode: 'REF-CTRL-DISP' });
    const row = (await f.t.call('equipment.registry', {})).find((e) => e.code === 'SH001-COOL-01')!;
    expect(row).toMatchObject({ openWorkOrders: 1, attachments: 1, underWarranty: true, lastFailureAt: wo.reportedAt });
    // Out of service: no new reports.
    await f.t.call('equipment.save', { ...row, active: false });
    const gone = await f.t.fail('repairs.report', {
      equipment: 'EQ:SH001-COOL-01',
      faultCode: 'REF-COOL-WARM',
      down: true,
    });
    expect(gone.message).toBe('SH001-COOL-01 is no longer in service. Ask a manager to reactivate it if it is back.');
    expect((await f.t.call('equipment.registry', {})).map((e) => e.code)).not.toContain('SH001-COOL-01');
    expect((await f.t.call('equipment.registry', { includeInactive: true })).length).toBe(3);
    // The foundation's list keeps working.
    expect((await f.t.call('equipment.list', {})).length).toBe(3);
  });

  it('lets admins keep the fault-code tree and the resolution codes', async () => {
    f = await openRepairsStore();
    await f.as('manager');
    expect(
      (
        await f.t.fail('faultCodes.save', {
          code: 'REF-COOL-FAN',
          category: 'refrigeration',
          parentCode: 'REF-COOL',
          nameZh: '风扇',
          nameEn: 'Fan',
        })
      ).code,
    ).toBe('FORBIDDEN');
    await f.as('boss');
    const added = await f.t.call('faultCodes.save', {
      code: 'REF-COOL-FAN',
      category: 'refrigeration',
      parentCode: 'REF-COOL',
      nameZh: '风扇不转',
      nameEn: 'Fan does not turn',
      sortOrder: 140,
    });
    expect(added).toMatchObject({ parentCode: 'REF-COOL', active: true, uses: 0 });
    const wrong = await f.t.fail('faultCodes.save', {
      code: 'X-1',
      category: 'cooking',
      parentCode: 'REF-COOL',
      nameZh: 'x',
      nameEn: 'x',
    });
    expect(wrong.fields?.[0]?.path).toBe('parentCode');
    const tree = await f.t.call('faultCodes.list', { category: 'refrigeration' });
    expect(tree.filter((c) => c.parentCode === 'REF-COOL').map((c) => c.code)).toEqual([
      'REF-COOL-WARM',
      'REF-COOL-ICE',
      'REF-COOL-CYCLE',
      'REF-COOL-FAN',
    ]);
    await f.t.call('faultCodes.setActive', { code: 'REF-COOL-FAN', active: false });
    expect(
      (await f.t.fail('repairs.report', { equipment: f.eq.cooler, faultCode: 'REF-COOL-FAN', down: false })).fields?.[0]
        ?.path,
    ).toBe('faultCode');
    // Resolution and root-cause codes live with the other reason codes (same admin screen), uses counted.
    const wo = await report(f, { equipment: f.eq.pos, faultCode: 'IT-DEV-BOOT' });
    await act(f, wo.id, 'assign', { assignee: { userId: f.users.tech } });
    await act(f, wo.id, 'resolve', {
      resolution: { text: 'Restarted', resolutionCode: 'reset', rootCauseCode: 'power' },
    });
    const reasons = await f.t.call('reasons.list', {});
    expect(reasons.kinds).toEqual(expect.arrayContaining(['repair_fix', 'repair_cause']));
    expect(reasons.rows.find((r) => r.kind === 'repair_fix' && r.code === 'reset')).toMatchObject({
      uses: 1,
      nameZh: '复位 / 重启',
    });
    const pickers = await f.t.call('repairs.pickers', {});
    expect(pickers.resolutionCodes.length).toBeGreaterThanOrEqual(9);
    expect(pickers.categories).toEqual(expect.arrayContaining(['refrigeration', 'cooking', 'it']));
    expect(pickers.settings).toMatchObject({ autoConfirmDays: 3, reopenDays: 14, slaWarnPercent: 80 });
  });

  it('ranks technicians by skill, availability and load, and vendors by coverage and contract', async () => {
    f = await openRepairsStore();
    await f.as('manager');
    await f.t.call('technicians.save', { userId: f.users.tech, categories: ['cooking'], hourlyRate: 0 });
    await f.t.call('technicians.save', {
      userId: f.users.tech2,
      categories: ['refrigeration'],
      awayUntil: '2026-06-03',
    });
    const cold = await f.t.call('vendors.save', {
      code: 'V-COLD',
      name: 'Cold Co.',
      categories: ['refrigeration'],
      contractEnd: '2026-05-31',
    });
    const fix = await f.t.call('vendors.save', {
      code: 'V-ALL',
      name: 'Fix-All',
      categories: ['refrigeration', 'cooking'],
    });
    await f.t.call('vendors.save', { code: 'V-IT', name: 'IT Co.', categories: ['it'] });
    const wo = await report(f, { equipment: f.eq.cooler, faultCode: 'REF-COOL-WARM', down: true });
    const s = await f.t.call('repairs.suggestAssignees', { id: wo.id });
    // tech2 is skilled but away until 06-03: 100; tech is available but not skilled: 50.
    expect(s.technicians.map((t) => [t.displayName, t.skilled, t.available, t.score])).toEqual([
      ['tech2', true, false, 100],
      ['tech', false, true, 50],
    ]);
    expect(s.vendors.map((v) => [v.code, v.contractActive])).toEqual([
      ['V-ALL', true],
      ['V-COLD', false],
    ]);
    expect(fix.contractActive).toBe(true);
    expect(cold.contractActive).toBe(false);
    await act(f, wo.id, 'assign', { assignee: { userId: f.users.tech } });
    expect((await f.t.call('technicians.list', {})).find((t) => t.userId === f!.users.tech)?.openLoad).toBe(1);
  });
});
