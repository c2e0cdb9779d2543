// Re-exports so domain schema files can reference core tables without a cycle through index.ts.
export { items } from './master';
export { users } from './core';
