export * from './common.js';
export * from './plattform.js';
export * from './akten.js';
export * from './protokoll.js';
export * from './dokumente.js';
export * from './aussonderung.js';
export * from './geschaeftsgang.js';
export * from './posteingang.js';
