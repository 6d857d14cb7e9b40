export * from './common.js';
export * from './plattform.js';
export * from './akten.js';
export * from './aussonderung.js';
