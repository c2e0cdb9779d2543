import { asc, eq } from 'drizzle-orm';
import { uuidv7 } from '../../../src-main/lib/ids';
import type { HqLayoutDto } from '../../../src-shared/hq-api/methods/master-data';
import { LabelTemplateSchema } from '../../../src-shared/labels/template';
import { HqApiError } from '../../api/errors';
import type { Q } from '../../db/client';
import { labelTemplates } from '../../db/schema';
import { fieldError } from './codes';
import { saveMasterRow, type MasterWriter } from './save-row';

/** Label layouts: a store prints with what HQ sends, so HQ refuses what a store's printer code would refuse. */

export async function listLayouts(q: Q): Promise<HqLayoutDto[]> {
  const found = await q.select().from(labelTemplates).orderBy(asc(labelTemplates.name));
  return found.map((r) => ({ id: r.id, name: r.name, definition: r.definition }));
}

/** The layout parsed and checked with the store's own schema, or its first problem with where it is. */
export function checkLayout(text: string): { definition: string } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { problem: (err as Error).message };
  }
  const parsed = LabelTemplateSchema.safeParse(json);
  // Stored as a store stores it (the parsed layout as compact JSON), so both ends hold the same text.
  if (parsed.success) return { definition: JSON.stringify(parsed.data) };
  const issue = parsed.error.issues[0]!;
  return { problem: `${issue.path.join('.') || '/'}: ${issue.message}` };
}

export async function saveLayout(w: MasterWriter, i: Omit<HqLayoutDto, 'id'> & { id?: string | undefined }) {
  const id = i.id ?? uuidv7(w.now);
  if (i.id) {
    const [current] = await w.q.select({ id: labelTemplates.id }).from(labelTemplates).where(eq(labelTemplates.id, id));
    if (!current) throw new HqApiError('NOT_FOUND', 'hq.error.notFound');
  }
  const checked = checkLayout(i.definition);
  if ('problem' in checked) throw fieldError('VALIDATION', 'definition', 'hqm.e.layout', { detail: checked.problem });
  const { definition } = checked;
  await saveMasterRow(w, 'label_templates', { id, name: i.name, definition });
  return { id, name: i.name, definition };
}
