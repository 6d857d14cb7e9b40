// Data access of the Aussonderung service, one file per section; imported as one namespace (`repo`).
export * from './gemeinsam.js';
export * from './loeschsperren.js';
export * from './faellig.js';
export * from './akten.js';
export * from './aussonderungen.js';
export * from './nachweise.js';
export * from './auftraege.js';
