/** Types of tree-check.mjs (plain JavaScript: npm test runs it before node_modules exists). */
export function treeSnapshot(root: string): Map<string, string> | null;
export function treeChanges(before: Map<string, string>, after: Map<string, string>): string[];
