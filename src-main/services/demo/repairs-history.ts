import { addDays } from '../../../src-shared/time';
import { eq } from 'drizzle-orm';
import { itemCosts, meterReadings, pmPlans, type items, type workOrders } from '../../db/schema';
import { sql } from '../../db/sql';
import { uuidv7 } from '../../lib/ids';
import { AppError } from '../app-error';
import type { Ctx, SessionUser } from '../context';
import { autoConfirmDue } from '../repairs/auto-confirm';
import { parseChecklist, saveChecklist } from '../repairs/checklist';
import { FAULT_GROUPS } from '../repairs/codes-data';
import { dayOf, startOfDay, storeId } from '../repairs/common';
import { addInvoice, logLabour, useParts } from '../repairs/costs-write';
import { generatePmDue } from '../repairs/pm-generate';
import { applyTransition, createReport, type TransitionInput } from '../repairs/wo-write';
import { rng } from './store-simulation';
import { postMoves } from '../stock/post';
import {
  DEMO_PLANS,
  FAILURE_EVERY_DAYS,
  PARTS_FOR,
  RESOLUTIONS,
  STAGES,
  STEAM_HOURS_PER_DAY,
  type Stage,
} from './repairs-data';
import { equipmentPrefix } from '../repairs/equipment-code';
import type { DemoVariant } from './store-data';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const YUAN = 10_000;

/** The cleaning supplies the demo's preventive work uses up. */
const cleaningItems = sql<Pick<typeof items.$inferSelect, 'code' | 'id'> & { areaId: string | null }>(
  "SELECT code, id, storage_area_id AS areaId FROM items WHERE active = 1 AND code LIKE 'CLEAN-%'",
);
const firstActiveArea = sql<{ id: string }>(
  'SELECT id FROM storage_areas WHERE active = 1 ORDER BY sort_order, code LIMIT 1',
);
/** Preventive work orders assigned and due by a day, in number order. */
const preventiveDue = sql<Pick<typeof workOrders.$inferSelect, 'id' | 'checklist'> & { planId: string }, [day: string]>(
  `SELECT id, pm_plan_id AS planId, checklist FROM work_orders
   WHERE kind = 'preventive' AND status = 'assigned' AND pm_due_day <= ? ORDER BY number`,
);

export type DemoPeople = Record<'admin' | 'manager' | 'clerk1' | 'clerk2' | 'tech', SessionUser>;

export interface DemoEquipment {
  id: string;
  code: string;
  kind: string;
  category: string;
  criticality: string;
  vendorId: string | null;
}

/**
 * The demo year itself: preventive plans and their work day by day, and
 * repair tickets from report to close, each step through the real services
 * with the clock of that step (see seed-repairs.ts).
 */
export class RepairsHistory {
  private readonly r: () => number;
  private readonly itemIds: Map<string, { id: string; areaId: string | null }>;
  private readonly fallbackArea: string | null;

  constructor(
    private readonly ctx: Ctx,
    private readonly people: DemoPeople,
    private readonly eqs: DemoEquipment[],
    private readonly vendors: Map<string, string>,
    private readonly storeCode: string,
    private readonly variant: DemoVariant,
  ) {
    this.r = rng(20260601 + variant.seed);
    this.itemIds = new Map(cleaningItems.all(ctx.sqlite).map((i) => [i.code, { id: i.id, areaId: i.areaId }]));
    this.fallbackArea = firstActiveArea.get(ctx.sqlite)?.id ?? null;
  }

  private at(now: number, user: SessionUser | null): Ctx {
    // Times are whole milliseconds everywhere (HQ refuses a fractional one): the random hours above are not.
    return { ...this.ctx, now: Math.round(now), user };
  }

  /** One step in its own savepoint: a step the rules refuse (or that would empty the stock) is skipped, not fatal. */
  private step<T>(now: number, run: () => T): T | undefined {
    if (now > this.ctx.now) return undefined;
    try {
      return this.ctx.sqlite.transaction(run)();
    } catch (err) {
      if (err instanceof AppError) return undefined;
      throw err;
    }
  }

  private move(
    id: string,
    now: number,
    user: SessionUser,
    i: Omit<TransitionInput, 'id' | 'note'> & { note?: string },
  ): boolean {
    return this.step(now, () => applyTransition(this.at(now, user), { note: '', ...i, id })) !== undefined;
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)]!;
  }

  private parts(id: string, now: number, user: SessionUser, code: string, qty: number): void {
    const item = this.itemIds.get(code);
    const area = item?.areaId ?? this.fallbackArea;
    if (!item || !area) return;
    const pc = code === 'CLEAN-009';
    const lines = [{ itemId: item.id, qty: String(qty / 1000), unit: pc ? 'pc' : 'ml' }];
    const use = () => useParts(this.at(now, user), { id, areaId: area, lines });
    if (this.step(now, use) !== undefined) return;
    // The shelf was empty (the store's negative-stock rule refused it): like a technician, the demo
    // store buys a few of the part at its average cost (or a list price) and then uses one.
    const bought = qty * 6;
    const cost = this.ctx.db
      .select({ qty: itemCosts.qty, value: itemCosts.value })
      .from(itemCosts)
      .where(eq(itemCosts.itemId, item.id))
      .get();
    const value =
      cost && cost.qty > 0 ? Math.round((cost.value * bought) / cost.qty) : Math.round(bought * (pc ? 150 : 0.2));
    const at = now - MIN;
    this.step(at, () =>
      postMoves(this.at(at, user), [
        {
          itemId: item.id,
          areaId: area,
          kind: 'receipt',
          qty: bought,
          value,
          occurredAt: at,
          docType: 'demo',
          note: 'spare parts bought for a repair',
        },
      ]),
    );
    this.step(now, use);
  }

  run(): void {
    const tz0 = dayOf(this.ctx, this.ctx.now);
    const first = addDays(tz0, -this.variant.days);
    const plans = this.seedPlans(first);
    const tickets = this.planTickets();
    const steam = this.eqs.find((e) => e.kind === 'STM');
    for (let d = 0; d <= this.variant.days; d++) {
      const day = addDays(first, d);
      const start = startOfDay(this.ctx, day);
      // Monday morning: the steam cabinet's run-hour meter is read.
      if (steam && new Date(`${day}T00:00:00Z`).getUTCDay() === 1 && start + 9 * HOUR <= this.ctx.now) {
        this.ctx.db
          .insert(meterReadings)
          .values({
            id: uuidv7(start),
            storeId: storeId(this.ctx),
            equipmentId: steam.id,
            value: 3_200_000 + d * STEAM_HOURS_PER_DAY,
            readAt: start + 9 * HOUR,
            source: 'manual',
            createdAt: start + 9 * HOUR,
            createdBy: this.people.tech.id,
          })
          .run();
      }
      this.step(start + 7 * HOUR, () => generatePmDue(this.at(start + 7 * HOUR, null)));
      this.doPreventive(day, start, plans);
      for (const t of tickets.filter((x) => x.day === d))
        this.corrective(t.eq, start + t.minute * MIN, this.stopStage(start));
    }
  }

  private seedPlans(
    first: string,
  ): Map<string, { invoice?: number; parts?: [string, number][]; vendor: string | null }> {
    const prefix = `${equipmentPrefix(this.storeCode)}-`;
    const out = new Map<string, { invoice?: number; parts?: [string, number][]; vendor: string | null }>();
    DEMO_PLANS.forEach((p, n) => {
      const unit = p.unit ? this.eqs.find((e) => e.code === prefix + p.unit) : undefined;
      if (p.unit && !unit) return;
      const vendor = p.assignee === 'tech' ? null : (this.vendors.get(p.assignee) ?? null);
      const id = uuidv7(this.ctx.now);
      const checklist = p.checklist.map((c) => ({ unit: '', min: null, max: null, ...c }));
      this.ctx.db
        .insert(pmPlans)
        .values({
          id,
          storeId: storeId(this.ctx),
          name: p.name,
          equipmentId: unit?.id ?? null,
          equipmentCategory: unit ? null : (p.category ?? null),
          intervalKind: p.intervalKind,
          interval: p.interval,
          leadDays: p.leadDays,
          leadMeter: p.intervalKind === 'meter' ? 20_000 : 0,
          startDay: addDays(first, 3 + n * 4),
          startMeter: p.intervalKind === 'meter' ? 3_200_000 : 0,
          checklist: JSON.stringify(checklist),
          assigneeUserId: vendor ? null : this.people.tech.id,
          vendorId: vendor,
          createdAt: this.ctx.now,
          updatedAt: this.ctx.now,
        })
        .run();
      out.set(id, { invoice: p.invoice, parts: p.parts, vendor });
    });
    return out;
  }

  /** Preventive work due today (or a little late): done in the afternoon, checklist answered, confirmed by the system. */
  private doPreventive(
    day: string,
    start: number,
    plans: Map<string, { invoice?: number; parts?: [string, number][]; vendor: string | null }>,
  ) {
    const due = preventiveDue.all(this.ctx.sqlite, day);
    for (const wo of due) {
      // One in six slips a day or two (those show up as late in the SLA report).
      if (this.r() < 0.35) continue;
      const plan = plans.get(wo.planId);
      const t = start + (13 + Math.floor(this.r() * 4)) * HOUR;
      const worker = plan?.vendor ? this.people.manager : this.people.tech;
      if (!this.move(wo.id, t, worker, { action: 'start' })) continue;
      const results = parseChecklist(wo.checklist).map((c) => {
        if (c.kind === 'check') return { key: c.key, passed: this.r() > 0.04, note: '' };
        const lo = c.min ?? 0;
        const hi = c.max ?? lo + 10_000;
        const reading = Math.round((lo + (hi - lo) * (0.15 + this.r() * 0.7)) / 100) * 100;
        return { key: c.key, reading: this.r() < 0.05 ? hi + 1_500 : reading, note: '' };
      });
      this.step(t + 30 * MIN, () => saveChecklist(this.at(t + 30 * MIN, worker), { workOrderId: wo.id, results }));
      for (const [code, qty] of plan?.parts ?? []) this.parts(wo.id, t + 35 * MIN, worker, code, qty);
      if (plan?.vendor && plan.invoice) {
        const inv = {
          id: wo.id,
          vendorId: plan.vendor,
          invoiceNo: `FP${day.replace(/-/g, '')}${wo.id.slice(-4)}`,
          day,
          amount: plan.invoice * YUAN,
          note: '',
        };
        this.step(t + 40 * MIN, () => addInvoice(this.at(t + 40 * MIN, this.people.manager), inv));
      } else {
        this.step(t + 40 * MIN, () =>
          logLabour(this.at(t + 40 * MIN, worker), {
            id: wo.id,
            minutes: 30 + Math.floor(this.r() * 4) * 15,
            day,
            note: '',
          }),
        );
      }
      this.move(wo.id, t + 45 * MIN, worker, { action: 'resolve' });
      this.step(t + 3 * DAY + HOUR, () => autoConfirmDue(this.at(t + 3 * DAY + HOUR, null), wo.id));
      this.move(wo.id, t + 5 * DAY, this.people.manager, { action: 'close' });
    }
  }

  /** When each unit fails over the year (a Poisson process per unit, deterministic). */
  private planTickets(): { day: number; minute: number; eq: DemoEquipment }[] {
    const out: { day: number; minute: number; eq: DemoEquipment }[] = [];
    for (const eq of this.eqs) {
      const every = FAILURE_EVERY_DAYS[eq.category] ?? 90;
      for (let d = 0; d <= this.variant.days; d++) {
        if (this.r() < 1 / every)
          out.push({ day: d, minute: (9 + Math.floor(this.r() * 13)) * 60 + Math.floor(this.r() * 60), eq });
      }
    }
    return out.sort((a, b) => a.day - b.day || a.minute - b.minute);
  }

  /** Recent tickets are left at some stage, so the open list shows work in every state. */
  private stopStage(dayStart: number): Stage | null {
    if (dayStart < this.ctx.now - 21 * DAY || this.r() < 0.2) return null;
    return this.pick(STAGES);
  }

  private corrective(eq: DemoEquipment, t0: number, stop: Stage | null): void {
    const { r } = this;
    const groups = FAULT_GROUPS[eq.category] ?? FAULT_GROUPS.general!;
    const [group, , , symptoms] = this.pick(groups);
    const faultCode = `${group}-${this.pick(symptoms)[0]}`;
    const down = r() < (eq.criticality === 'critical' ? 0.35 : 0.5);
    const reporter = this.pick([this.people.clerk1, this.people.clerk1, this.people.clerk2, this.people.manager]);
    const wo = this.step(t0, () =>
      createReport(this.at(t0, reporter), {
        equipment: eq.id,
        faultCode,
        down,
        description: down ? '设备停机，请尽快处理 Equipment down, please come soon' : '',
        photos: [],
      }),
    );
    if (!wo || stop === 'submitted') return;
    const urgent = wo.priority === 'urgent' || wo.priority === 'high';
    const { manager, tech } = this.people;
    if (r() < 0.03) {
      this.move(wo.id, t0 + 20 * MIN, manager, { action: 'cancel', note: '重复报修 Reported twice' });
      return;
    }
    let t = t0 + (urgent ? 10 + r() * 40 : 30 + r() * 600) * MIN;
    if ((stop === 'triaged' || r() < 0.5) && !this.move(wo.id, t, manager, { action: 'triage' })) return;
    if (stop === 'triaged') return;
    t += (urgent ? 5 + r() * 30 : 20 + r() * 240) * MIN;
    const vendor = eq.vendorId && r() < 0.3 ? eq.vendorId : null;
    if (
      !this.move(wo.id, t, manager, { action: 'assign', assignee: vendor ? { vendorId: vendor } : { userId: tech.id } })
    )
      return;
    if (stop === 'assigned') return;
    const worker = vendor ? manager : tech;
    t += (vendor ? 4 * 60 + r() * 20 * 60 : 15 + r() * 120) * MIN;
    if (!this.move(wo.id, t, worker, { action: 'start' }) || stop === 'in_progress') return;
    if (stop === 'waiting' || r() < 0.18) {
      const reason = vendor ? 'vendor' : this.pick(['parts', 'parts', 'store'] as const);
      if (!this.move(wo.id, t + 30 * MIN, worker, { action: 'wait', waitingReason: reason }) || stop === 'waiting')
        return;
      t += (reason === 'store' ? 3 : 20 + r() * 50) * HOUR;
      if (!this.move(wo.id, t, worker, { action: 'resume' })) return;
    }
    const part = PARTS_FOR[eq.category];
    if (part && r() < 0.4) this.parts(wo.id, t + 20 * MIN, worker, ...part);
    const minutes = 30 + Math.floor(r() * 8) * 15;
    t += minutes * MIN + (r() < 0.1 ? r() * 30 * HOUR : 0);
    const [resolutionCode, rootCauseCode, text] = this.pick(RESOLUTIONS[eq.category] ?? RESOLUTIONS.default!);
    if (vendor) {
      const inv = {
        id: wo.id,
        vendorId: vendor,
        invoiceNo: `FP${wo.number.replace(/\D/g, '')}`,
        day: dayOf(this.ctx, t),
        amount: (150 + Math.floor(r() * 12) * 50) * YUAN,
        note: '',
      };
      this.step(t, () => addInvoice(this.at(t, manager), inv));
    } else {
      this.step(t, () => logLabour(this.at(t, tech), { id: wo.id, minutes, day: dayOf(this.ctx, t), note: '' }));
    }
    if (
      !this.move(wo.id, t, worker, {
        action: 'resolve',
        resolution: { text, resolutionCode, rootCauseCode, equipmentUp: true },
      })
    )
      return;
    if (stop === 'resolved') return;
    // The store confirms most fixes within the day; one in twenty-five is reopened.
    t += (1 + r() * 20) * HOUR;
    if (r() < 0.04) {
      if (!this.move(wo.id, t, reporter, { action: 'reopen', note: '问题又出现了 The fault came back', down })) return;
      t += 2 * HOUR;
      if (!this.move(wo.id, t, manager, { action: 'assign', assignee: { userId: tech.id } })) return;
      t += (2 + r() * 6) * HOUR;
      if (
        !this.move(wo.id, t, tech, {
          action: 'resolve',
          resolution: { text, resolutionCode: 'replace_part', rootCauseCode, equipmentUp: true },
        })
      )
        return;
      t += 4 * HOUR;
    }
    if (r() < 0.8) {
      if (!this.move(wo.id, t, reporter, { action: 'confirm' })) return;
    } else {
      this.step(t + 3 * DAY, () => autoConfirmDue(this.at(t + 3 * DAY, null), wo.id));
    }
    this.move(wo.id, t + (2 + r() * 6) * DAY, manager, { action: 'close' });
  }
}
