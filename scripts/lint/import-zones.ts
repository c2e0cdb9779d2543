import path from 'node:path';
import type { Rule } from 'eslint';

/**
 * One room of the house and the rooms it may import from. `path` is a folder
 * or a file relative to the project root; a folder ending in `/*` makes each
 * of its children a room of its own (`features/*`: one room per feature),
 * which may import itself but not its siblings.
 */
export interface Zone {
  path: string;
  /** Folders or files (relative to the project root) this room may import besides itself. */
  may: string[];
  /** Why, in one sentence: the lint message shows it to whoever breaks the rule. */
  why: string;
}

const posix = (p: string) => p.split(path.sep).join('/');
const within = (file: string, dir: string) => file === dir || file.startsWith(`${dir}/`);
const stripExt = (p: string) => p.replace(/\.(ts|tsx|mts|js|mjs)$/, '');

/** The room a project-relative path is in (the longest zone that holds it), with that room's own folder. */
function roomOf(zones: Zone[], rel: string): { zone: Zone; home: string } | null {
  let best: { zone: Zone; home: string } | null = null;
  for (const zone of zones) {
    let home: string | null = null;
    if (zone.path.endsWith('/*')) {
      const parent = zone.path.slice(0, -2);
      if (rel.startsWith(`${parent}/`)) home = `${parent}/${rel.slice(parent.length + 1).split('/')[0]}`;
    } else if (within(stripExt(rel), stripExt(zone.path))) {
      home = stripExt(zone.path);
    }
    if (home && (!best || home.length > best.home.length)) best = { zone, home };
  }
  return best;
}

/**
 * Relative imports may only cross into the rooms a zone lists: the layers of
 * src-main (lib, db, devices, services, api, host, app) and the renderer's
 * features, which share code through components/ and lib/ rather than
 * through each other. Package imports (electron, node:*) are
 * no-restricted-imports' job.
 */
export const importZones: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep each folder of the house to the folders it may import.' },
    schema: [{ type: 'object', properties: { zones: { type: 'array' } }, required: ['zones'] }],
    messages: { crossed: '{{from}} may not import {{target}}: {{why}}' },
  },
  create(context) {
    const zones = (context.options[0] as { zones: Zone[] }).zones;
    const cwd = context.cwd;
    const file = posix(path.relative(cwd, context.filename));
    const room = roomOf(zones, file);
    if (!room) return {};
    const check = (node: Rule.Node, spec: unknown) => {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = posix(path.relative(cwd, path.resolve(path.dirname(context.filename), spec)));
      if (within(stripExt(target), room.home)) return;
      if (room.zone.may.some((m) => within(stripExt(target), stripExt(m)))) return;
      context.report({ node, messageId: 'crossed', data: { from: room.home, target, why: room.zone.why } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
