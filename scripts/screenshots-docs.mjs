#!/usr/bin/env node
// npm run screenshots:docs: copies the screenshots the README and docs show
// from the last end-to-end run (test-results/screens/) into docs/screenshots/.
// The tests themselves never write into the checkout; updating the documented
// screens is this explicit step, reviewed like any other change.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FROM = join(ROOT, 'test-results/screens');
const TO = join(ROOT, 'docs/screenshots');

/** The documented screens, by the names the end-to-end tests give them. */
export const DOCUMENTED = [
  'invoice-claim-print-zh',
  'invoice-claim-zh',
  'invoice-disputed-en',
  'invoice-edit-zh',
  'invoice-import-report-zh',
  'invoice-match-zh',
  'invoices-en',
  'invoices-zh',
  'items-zh',
  'moves-new-zh',
  'moves-photo-en',
  'purchase-order-approved-zh',
  'purchase-order-edit-zh',
  'purchase-order-partial-en',
  'purchase-order-print-zh',
  'purchase-orders-zh',
  'reasons-en',
  'reasons-zh',
  'repair-assign-zh',
  'repair-equipment-detail-zh',
  'repair-equipment-zh',
  'repair-fault-codes-zh',
  'repair-mine-zh',
  'repair-parts-zh',
  'repair-pm-plan-edit-zh',
  'repair-pm-schedule-zh',
  'repair-pm-wo-zh',
  'repair-qr-label-zh',
  'repair-report-done-zh',
  'repair-report-en',
  'repair-report-mttr-zh',
  'repair-report-sla-zh',
  'repair-report-zh',
  'repair-reports-en',
  'repair-technicians-en',
  'repair-vendors-en',
  'repair-wo-en',
  'repair-wo-resolved-zh',
  'repair-work-orders-en',
  'repair-work-orders-zh',
  'suppliers-catalogue-zh',
  'suppliers-en',
  'transfer-cancel-zh',
  'users-en',
  'waste-entries-en',
];

const missing = DOCUMENTED.filter((n) => !existsSync(join(FROM, `${n}.png`)));
if (missing.length > 0) {
  console.error(
    `Not in test-results/screens/ (run the end-to-end tests first: npm run test:e2e): ${missing.join(', ')}`,
  );
  process.exit(1);
}
mkdirSync(TO, { recursive: true });
for (const n of DOCUMENTED) copyFileSync(join(FROM, `${n}.png`), join(TO, `${n}.png`));
console.log(`copied ${DOCUMENTED.length} screenshots into docs/screenshots/`);
