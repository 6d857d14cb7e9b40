// The Aussonderung process itself: offering Akten, listing and reading the processes, the offer 0501 (docs/domaene.md R4).
import { decodeCursor, encodeCursor, heute, istEindeutigkeitsverletzung } from '@eakte/platform';
import { v7 as uuidv7 } from 'uuid';
import { pruefeAnbietung } from '../domain/aussonderung-gates.js';
import * as repo from '../repositories/aussonderung.js';
import { anbieteverzeichnis } from '../xdomea/nachrichten.js';
import { paket, paketName } from '../xdomea/paket.js';
import { AussonderungFehler, NichtGefunden, NichtVerarbeitbar, verstossFehler } from './fehler.js';
import { type MandantAkteur, type Download, begrenze } from './modell.js';
import type { Kontext } from './kontext.js';
import { geprueft } from './nachrichtenbau.js';

/** The use cases that open and show a process. */
export function prozessFaelle(k: Kontext) {
  const { protokolliere, imMandant, ansicht, kopfDaten, xAkten } = k;

  return {
    listeAussonderungen(akteur: MandantAkteur, q: { status?: repo.AussonderungRow['status']; limit?: number; cursor?: string }) {
      return imMandant(akteur, async (tx) => {
        const limit = begrenze(q.limit);
        const nach = ((c) => (c ? { erstelltAm: new Date(c.t), id: c.id } : undefined))(decodeCursor(q.cursor, { t: 'zeitpunkt', id: 'uuid' }));
        const rows = await repo.aussonderungen(tx, { status: q.status, nach: nach ?? undefined, limit: limit + 1 });
        const items = rows.slice(0, limit);
        const letzte = items.at(-1);
        return { items, nextCursor: rows.length > limit && letzte ? encodeCursor({ t: letzte.erstelltAm.toISOString(), id: letzte.id }) : null };
      });
    },

    erstelleAussonderung(akteur: MandantAkteur, body: { akten: string[] }) {
      return imMandant(akteur, async (tx, a) => {
        const ids = [...new Set(body.akten.map((i) => i.toLowerCase()))];
        const akten = await repo.aktenDaten(tx, ids, { sperren: true });
        const fehlend = ids.filter((i) => !akten.some((x) => x.row.id === i));
        if (fehlend.length) throw Object.assign(new NichtVerarbeitbar(`Akten existieren nicht: ${fehlend.join(', ')}`), { erweiterung: { akten: fehlend } });
        const sperren = await repo.aktiveSperrenJeAkte(tx, ids);
        const gesperrt = akten.filter((x) => pruefeAnbietung({ aktiveSperren: sperren.get(x.row.id) ?? 0 }));
        if (gesperrt.length)
          throw verstossFehler(
            pruefeAnbietung({ aktiveSperren: 1 })!,
            gesperrt.map((x) => x.row.aktenzeichen),
          );
        const tag = heute();
        const nichtFaellig = akten.filter((x) => x.row.status !== 'geschlossen' || !x.row.aussonderungFaelligAb || x.row.aussonderungFaelligAb > tag);
        if (nichtFaellig.length) {
          throw new AussonderungFehler.NichtFaellig(`Aufbewahrungsfrist nicht abgelaufen oder Akte nicht geschlossen: ${nichtFaellig.map((x) => x.row.aktenzeichen).join(', ')}`);
        }
        const id = uuidv7();
        try {
          await tx.transaction(async (sp) => repo.erstelleAussonderung(sp, { id, mandantId: a.mandantId, erstelltVon: a.sub }, ids));
        } catch (err) {
          if (istEindeutigkeitsverletzung(err)) {
            throw new AussonderungFehler.BereitsAusgesondert('Mindestens eine Akte ist bereits in einer Aussonderung');
          }
          throw err;
        }
        for (const x of akten) {
          await protokolliere(tx, akteur, { aktion: 'akte.angeboten', objektTyp: 'akte', objektId: x.row.id, akteId: x.row.id, aktenzeichen: x.row.aktenzeichen, details: { aussonderungId: id } });
        }
        return ansicht(tx, (await repo.findeAussonderung(tx, id))!);
      });
    },

    aussonderung(akteur: MandantAkteur, id: string) {
      return imMandant(akteur, async (tx) => {
        const row = await repo.findeAussonderung(tx, id);
        if (!row) throw new NichtGefunden('Aussonderung nicht gefunden');
        return ansicht(tx, row);
      });
    },

    /** 0501: every offered object, metadata only. */
    anbietung(akteur: MandantAkteur, id: string): Promise<Download> {
      return imMandant(akteur, async (tx, a) => {
        const row = await repo.findeAussonderung(tx, id);
        if (!row) throw new NichtGefunden('Aussonderung nicht gefunden');
        const objekte = await repo.objekte(tx, id);
        const { akten } = await xAkten(
          tx,
          objekte.map((o) => o.akteId),
          { dateien: false },
        );
        const xml = await geprueft(anbieteverzeichnis(await kopfDaten(tx, a.mandantId, id), akten), '0501');
        return { dateiname: paketName(id, '0501'), inhalt: paket(id, '0501', xml) };
      });
    },
  };
}
