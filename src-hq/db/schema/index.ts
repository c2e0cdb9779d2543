export * from './hq';
export * from './stores';
export * from './sync';
export * from './master';
export * from './mirror-core';
export * from './mirror-stock';
export * from './mirror-procurement';
export * from './mirror-repairs';
export { mirror } from './columns';
