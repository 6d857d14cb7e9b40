// Löschsperren (docs/domaene.md R7): placed on Akten, Vorgänge, Dokumente or a search, lifted only with a reason.
import { decodeCursor, encodeCursor } from '@eakte/platform';
import { v7 as uuidv7 } from 'uuid';
import * as repo from '../repositories/aussonderung.js';
import { Konflikt, NichtGefunden, NichtVerarbeitbar, ungueltig } from './fehler.js';
import { type MandantAkteur, MAX_SUCHTREFFER, type SperrSuche, auftragAkteur, begrenze } from './modell.js';
import type { Kontext } from './kontext.js';
import type { Tx } from '@eakte/db';

/** The use cases of the Löschsperren. */
export function loeschsperrenFaelle(k: Kontext) {
  const { protokolliere, imMandant, gesperrteAussonderung, aktualisiereStatus } = k;

  /**
   * A released hold lets the work it stopped go on: each object whose destruction or content
   * removal it held (and no other hold holds now) gets its job again. The destruction runs on the
   * approval it had, in the name of whoever approved it; the job asks every gate once more.
   */
  async function setzeAngehalteneFort(tx: Tx, akteur: MandantAkteur, sperreId: string, akteIds: readonly string[]): Promise<void> {
    // the job's lock order: the hold lock of the Akten, then the process; taken before the read, so
    // a job that still saw this hold has marked its object by then
    await repo.sperreAktenGegenLoeschung(tx, akteIds);
    const kandidaten = await repo.angehalteneObjekte(tx, akteIds);
    if (kandidaten.length === 0) return;
    const sperren = await repo.aktiveSperrenJeAkte(
      tx,
      kandidaten.map((o) => o.akteId),
    );
    for (const o of kandidaten.filter((x) => (sperren.get(x.akteId) ?? 0) === 0)) {
      await gesperrteAussonderung(tx, o.aussonderungId);
      // the object's own removal or destruction, and apart from it the V-Vorgänge of an A-Akte
      const arbeiten = [
        ...(o.ganz ? [{ art: o.status === 'archiviert' ? ('loeschung-nach-import' as const) : ('vernichtung' as const), teil: false }] : []),
        ...(o.teil ? [{ art: 'vernichtung' as const, teil: true }] : []),
      ];
      for (const { art, teil } of arbeiten) {
        let auftraggeber = auftragAkteur(akteur);
        if (art === 'vernichtung') {
          const v = await repo.findeVernichtung(tx, o.aussonderungId);
          if (!v?.freigegebenAm) continue;
          auftraggeber = { sub: v.freigegebenVon!, name: v.freigegebenVonName ?? v.freigegebenVon!, rollen: ['registratur'], client: null };
        }
        await repo.setzeObjekt(tx, o.aussonderungId, o.akteId, teil ? { teilLoeschFehler: null } : { loeschung: 'ausstehend', loeschFehler: null });
        await repo.legeAuftraegeAn(tx, [{ mandantId: akteur.mandantId, aussonderungId: o.aussonderungId, art, akteId: o.akteId, akteur: auftraggeber }]);
        await aktualisiereStatus(tx, o.aussonderungId);
        await protokolliere(tx, akteur, {
          aktion: art === 'vernichtung' ? 'akte.vernichtung.fortgesetzt' : 'akte.loeschung.fortgesetzt',
          objektTyp: 'akte',
          objektId: o.akteId,
          akteId: o.akteId,
          aktenzeichen: o.aktenzeichen,
          details: { aussonderungId: o.aussonderungId, loeschsperreId: sperreId },
        });
      }
    }
  }

  return {
    /**
     * A hold on named Akten, Vorgänge and Dokumente, plus the Akten a search finds right now. Takes
     * the hold lock of every Akte concerned, so a content-removal job that already checked an Akte
     * finishes before the hold commits, and every later one sees it.
     */
    erstelleSperre(
      akteur: MandantAkteur,
      body: { bezeichnung: string; grund: string; aktenzeichenGericht?: string; akten?: string[]; vorgaenge?: string[]; dokumente?: string[]; suche?: SperrSuche },
    ) {
      return imMandant(akteur, async (tx, a) => {
        const norm = (l?: string[]) => [...new Set((l ?? []).map((i) => i.toLowerCase()))];
        const akten = norm(body.akten);
        const vorgaenge = norm(body.vorgaenge);
        const dokumente = norm(body.dokumente);
        if (!akten.length && !vorgaenge.length && !dokumente.length && !body.suche) throw ungueltig('body: Akten, Vorgänge, Dokumente oder eine Suche angeben');
        const da = await repo.vorhandeneAkten(tx, akten);
        const mitAkte = await repo.objekteMitAkte(tx, vorgaenge, dokumente);
        const fehlend = [...akten.filter((i) => !da.has(i)), ...vorgaenge.filter((i) => !mitAkte.vorgaenge.has(i)), ...dokumente.filter((i) => !mitAkte.dokumente.has(i))];
        if (fehlend.length) throw Object.assign(new NichtVerarbeitbar(`Objekte existieren nicht: ${fehlend.join(', ')}`), { erweiterung: { objekte: fehlend } });
        if (body.suche) {
          const gefunden = await repo.aktenDerSuche(tx, body.suche, MAX_SUCHTREFFER);
          if (gefunden.length > MAX_SUCHTREFFER) throw new NichtVerarbeitbar(`Die Suche findet mehr als ${MAX_SUCHTREFFER} Akten; bitte enger fassen`);
          for (const g of gefunden) if (!akten.includes(g)) akten.push(g);
        }
        await repo.sperreAktenGegenLoeschung(tx, [...akten, ...mitAkte.vorgaenge.values(), ...mitAkte.dokumente.values()]);
        const id = uuidv7();
        await repo.legeSperreAn(
          tx,
          { id, mandantId: a.mandantId, bezeichnung: body.bezeichnung, grund: body.grund, aktenzeichenGericht: body.aktenzeichenGericht ?? null, erstelltVon: a.sub, suche: body.suche ?? null },
          { akten, vorgaenge, dokumente },
        );
        const details = { loeschsperreId: id, bezeichnung: body.bezeichnung, grund: body.grund };
        const zeichen = await repo.aktenzeichenDerAkten(tx, [...akten, ...mitAkte.vorgaenge.values(), ...mitAkte.dokumente.values()]);
        const ereignis = (objektTyp: 'akte' | 'vorgang' | 'dokument', objektId: string, akteId: string) =>
          protokolliere(tx, akteur, { aktion: 'loeschsperre.angelegt', objektTyp, objektId, akteId, aktenzeichen: zeichen.get(akteId), details });
        for (const akteId of akten) await ereignis('akte', akteId, akteId);
        for (const [vid, akteId] of mitAkte.vorgaenge) await ereignis('vorgang', vid, akteId);
        for (const [did, akteId] of mitAkte.dokumente) await ereignis('dokument', did, akteId);
        return (await repo.sperre(tx, id))!;
      });
    },

    listeSperren(akteur: MandantAkteur, q: { aktiv?: 'true' | 'false'; akte?: string; limit?: number; cursor?: string }) {
      return imMandant(akteur, async (tx) => {
        const limit = begrenze(q.limit);
        const nach = ((c) => (c ? { erstelltAm: new Date(c.t), id: c.id } : undefined))(decodeCursor(q.cursor, { t: 'zeitpunkt', id: 'uuid' }));
        const rows = await repo.sperren(tx, { aktiv: q.aktiv === undefined ? undefined : q.aktiv === 'true', akte: q.akte, nach: nach ?? undefined, limit: limit + 1 });
        const items = rows.slice(0, limit);
        const letzte = items.at(-1);
        return { items, nextCursor: rows.length > limit && letzte ? encodeCursor({ t: letzte.erstelltAm.toISOString(), id: letzte.id }) : null };
      });
    },

    hebeSperreAuf(akteur: MandantAkteur, id: string, grund: string | undefined) {
      return imMandant(akteur, async (tx, a) => {
        const s = await repo.sperre(tx, id, { sperren: true });
        if (!s) throw new NichtGefunden('Löschsperre nicht gefunden');
        if (!grund?.trim()) throw ungueltig('querystring.grund: Eine Löschsperre wird nur mit Grund aufgehoben');
        if (s.aufgehobenAm) throw new Konflikt('Die Löschsperre ist bereits aufgehoben');
        await repo.hebeSperreAuf(tx, id, a.sub, grund);
        const mitAkte = await repo.objekteMitAkte(tx, s.vorgaenge, s.dokumente);
        const details = { loeschsperreId: id, grund };
        const zeichen = await repo.aktenzeichenDerAkten(tx, [...s.akten, ...mitAkte.vorgaenge.values(), ...mitAkte.dokumente.values()]);
        const ereignis = (objektTyp: 'akte' | 'vorgang' | 'dokument', objektId: string, akteId: string) =>
          protokolliere(tx, akteur, { aktion: 'loeschsperre.aufgehoben', objektTyp, objektId, akteId, aktenzeichen: zeichen.get(akteId), details });
        for (const akteId of s.akten) await ereignis('akte', akteId, akteId);
        for (const [vid, akteId] of mitAkte.vorgaenge) await ereignis('vorgang', vid, akteId);
        for (const [did, akteId] of mitAkte.dokumente) await ereignis('dokument', did, akteId);
        await setzeAngehalteneFort(tx, akteur, id, [...new Set([...s.akten, ...mitAkte.vorgaenge.values(), ...mitAkte.dokumente.values()])]);
        return (await repo.sperre(tx, id))!;
      });
    },
  };
}
