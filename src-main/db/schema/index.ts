export * from './core';
export * from './master';
export * from './inventory';
export * from './devices';
