export * from './core';
export * from './master';
