// The rules of records law, one module per rule (the table in docs/domaene.md maps each rule to
// its module and its test). Import a rule by its module: `@eakte/schriftgutverwaltung/<modul>`.
export * as aufbewahrung from './aufbewahrung.js';
export * as einstellungen from './einstellungen.js';
export * as geschlossen from './geschlossen.js';
export * as kennzeichen from './kennzeichen.js';
export * as loeschsperre from './loeschsperre.js';
export * as sichtbarkeit from './sichtbarkeit.js';
