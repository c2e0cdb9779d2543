export * from './core';
export * from './master';
export * from './inventory';
export * from './devices';
export * from './procurement';
export * from './invoices';
export * from './repairs';
export * from './periods';
