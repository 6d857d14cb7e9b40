// @eakte/audit: the shared audit package. Services record every change and content read through
// `protokolliere(tx, akteur, ereignis)` inside the transaction of the change.
export * from './kette.js';
export * from './merkle.js';
export * from './protokollierer.js';
export * from './sicherheit.js';
