// Progress of a long operation: one rewritten line on a terminal, else a pino line every few seconds.
import type { FastifyBaseLogger } from 'fastify';
import type { Fortschritt } from './sicherung.js';

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

export function fortschrittAnzeige(log: FastifyBaseLogger, tty = process.stderr.isTTY === true): Fortschritt {
  let name = '';
  let gesamt: number | undefined;
  let erledigt = 0;
  let beginn = Date.now();
  let zuletzt = 0;
  const zeile = () => {
    const prozent = gesamt ? ` ${Math.min(100, Math.floor((erledigt / gesamt) * 100))}%` : '';
    const menge = name.includes('check') ? `${erledigt}${gesamt ? `/${gesamt}` : ''}` : `${mib(erledigt)}${gesamt ? ` of ${mib(gesamt)}` : ''}`;
    return `${name}:${prozent} ${menge} (${((Date.now() - beginn) / 1000).toFixed(1)} s)`;
  };
  const abschliessen = () => {
    if (!name) return;
    if (tty) process.stderr.write(`\r${zeile()}\n`);
    else log.info({ schritt: name, erledigt, gesamt, ms: Date.now() - beginn }, `${name} done`);
  };
  return {
    schritt(n, g) {
      abschliessen();
      name = n;
      gesamt = g;
      erledigt = 0;
      beginn = Date.now();
      zuletzt = 0;
    },
    weiter(n) {
      erledigt += n;
      const jetzt = Date.now();
      if (tty && jetzt - zuletzt > 100) {
        process.stderr.write(`\r${zeile()}`);
        zuletzt = jetzt;
      } else if (!tty && jetzt - zuletzt > 2000) {
        log.info({ schritt: name, erledigt, gesamt }, zeile());
        zuletzt = jetzt;
      }
    },
    info(msg, felder) {
      abschliessen();
      name = '';
      log.info(felder ?? {}, msg);
    },
  };
}
