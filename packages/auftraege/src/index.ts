export * from './lauf.js';
export * from './schema.js';
export * from './dienst.js';
