// The Aussonderung's jobs: content removal after the 0506, destruction, and the Vernichtungsprotokoll, each asking the gates again when it runs.
import { createHash } from 'node:crypto';
import type { Aufgabe } from '@eakte/auftraege';
import { legeSystemdokumentAb, type Tx } from '@eakte/db';
import { heute, type Akteur } from '@eakte/platform';
import { einstellungenAus } from '@eakte/schriftgutverwaltung/einstellungen';
import type { FastifyBaseLogger } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { pruefeLoeschungNachImport, pruefeVernichtung, pruefeVierAugen, type Verstoss } from '../domain/aussonderung-gates.js';
import type { ProtokollObjekt } from '../domain/vernichtungsprotokoll.js';
import * as repo from '../repositories/aussonderung.js';
import { type MandantAkteur, teilBewertung } from './modell.js';
import type { AuftragArt, AuftragDaten } from '../repositories/gemeinsam.js';
import { genannteAkten, type Kontext } from './kontext.js';

/** The job runner of the service. */
export function auftragsFaelle(k: Kontext) {
  const { db, deps, protokolliere, inhalte, gesperrteAussonderung, aktualisiereStatus, dateienDerAkten, vTeile, dateienJeVorgang, protokollPdf, aktenSchnappschuss, herkuenfte } = k;
  /** The actor of a job's audit events: who ordered the work, in the job as its request. */
  function akteurDesAuftrags(auf: repo.AuftragRow): MandantAkteur {
    // the roles were the caller's when it ordered the job (stored as text)
    return {
      ...auf.akteur,
      rollen: auf.akteur.rollen as Akteur['rollen'],
      client: auf.akteur.client ?? undefined,
      mandantId: auf.mandantId,
      mandantSlug: null,
      scopes: [],
      anfrageId: `auftrag-${auf.id}`,
      clientIp: null,
    };
  }

  function inhaltSchonEntfernt(art: repo.AuftragRow['art'], o: repo.ObjektRow): boolean {
    if (art === 'vernichtung') return o.mitA ? o.teilVernichtetAm !== null : o.status === 'vernichtet';
    return o.loeschung === 'erledigt' && o.inhaltGeloeschtAm !== null;
  }

  /**
   * One content removal: the gates asked again when the job runs (a hold placed after the approval
   * stops it), the hold lock taken so no new hold commits while we delete, then every version of
   * every Dokument of the Akte removed, and only then the object marked. A storage error rolls the
   * transaction back and the job is retried; deleting twice is harmless.
   */
  async function loescheInhaltImAuftrag(tx: Tx, auf: repo.AuftragRow): Promise<void> {
    const akteId = auf.akteId!;
    const akteur = akteurDesAuftrags(auf);
    await repo.sperreAktenGegenLoeschung(tx, [akteId]);
    const o = await repo.findeObjekt(tx, auf.aussonderungId, akteId);
    // a job run again after it committed (its worker taken for dead) finds its work done: it changes
    // nothing and records nothing (the gates would take the removed content for a refusal)
    if (o && inhaltSchonEntfernt(auf.art, o)) return;
    const sperren = (await repo.aktiveSperrenJeAkte(tx, [akteId])).get(akteId) ?? 0;
    let verstoss: Verstoss | null;
    if (!o) verstoss = { code: 'NICHT_ANGEBOTEN', text: 'Nicht angeboten' };
    else if (auf.art === 'vernichtung' && o.mitA) {
      return vernichteTeileImAuftrag(tx, auf, o, sperren);
    } else if (auf.art === 'vernichtung') {
      const v = await repo.findeVernichtung(tx, auf.aussonderungId);
      verstoss = !v?.freigegebenAm
        ? { code: 'VIER_AUGEN', text: 'Die Vernichtung ist nicht freigegeben' }
        : (pruefeVierAugen(v.beantragtVon, v.freigegebenVon!) ??
          pruefeVernichtung({ angeboten: true, bewertung: teilBewertung(o), aktiveSperren: sperren, inhaltGeloescht: o.status === 'vernichtet' }));
    } else {
      verstoss = pruefeLoeschungNachImport({ angeboten: true, bewertung: teilBewertung(o), aktiveSperren: sperren, importBestaetigt: o.status === 'archiviert' && o.erfolgreich === true });
    }
    if (o && verstoss) {
      // nothing is deleted; the object keeps its content and shows why
      await repo.setzeObjekt(tx, auf.aussonderungId, akteId, { loeschung: 'gesperrt', loeschFehler: verstoss.code });
      await protokolliere(tx, akteur, {
        aktion: auf.art === 'vernichtung' ? 'akte.vernichtung.abgebrochen' : 'akte.loeschung.abgebrochen',
        objektTyp: 'akte',
        objektId: akteId,
        akteId,
        aktenzeichen: o.aktenzeichen,
        ergebnis: 'abgelehnt',
        details: { aussonderungId: auf.aussonderungId, grund: verstoss.code },
      });
    } else if (o) {
      const dateien = (await dateienDerAkten(tx, [akteId], auf.art === 'vernichtung' ? 'V' : 'A')).get(akteId)!;
      await inhalte.entferne(dateien);
      await repo.setzeObjekt(tx, auf.aussonderungId, akteId, {
        ...(auf.art === 'vernichtung' ? { status: 'vernichtet' as const } : {}),
        loeschung: 'erledigt',
        loeschFehler: null,
        inhaltGeloeschtAm: new Date(),
      });
      await protokolliere(tx, akteur, {
        aktion: auf.art === 'vernichtung' ? 'akte.vernichtet' : 'akte.inhalt.entfernt',
        objektTyp: 'akte',
        objektId: akteId,
        akteId,
        aktenzeichen: o.aktenzeichen,
        details: { aussonderungId: auf.aussonderungId, dateien: dateien.length, ...(auf.art === 'vernichtung' ? { freigegebenVon: auf.akteur.sub } : { archivkennung: o.archivkennung }) },
      });
    }
    await repo.zaehleFortschritt(tx, auf.aussonderungId);
    await aktualisiereStatus(tx, auf.aussonderungId);
    if (auf.art === 'vernichtung') {
      // the last destruction of the process orders the protocol (the process row lock orders them)
      await gesperrteAussonderung(tx, auf.aussonderungId);
      if ((await repo.offeneAuftraege(tx, auf.mandantId, auf.aussonderungId, 'vernichtung', auf.id)) === 0) {
        await repo.legeAuftraegeAn(tx, [{ mandantId: auf.mandantId, aussonderungId: auf.aussonderungId, art: 'vernichtungsprotokoll', akteId: null, akteur: auf.akteur }]);
      }
    }
  }

  /**
   * The destruction of the V-Vorgänge of an Akte appraised A (the archive appraised per Vorgang):
   * the same gates as for a V-Akte, asked for the V-part; the A-part and its state stay untouched.
   */
  async function vernichteTeileImAuftrag(tx: Tx, auf: repo.AuftragRow, o: repo.ObjektRow, sperren: number): Promise<void> {
    const akteur = akteurDesAuftrags(auf);
    const v = await repo.findeVernichtung(tx, auf.aussonderungId);
    const teile = (await vTeile(tx, [o])).get(o.akteId) ?? [];
    const verstoss = !v?.freigegebenAm
      ? { code: 'VIER_AUGEN' as const, text: 'Die Vernichtung ist nicht freigegeben' }
      : (pruefeVierAugen(v.beantragtVon, v.freigegebenVon!) ??
        pruefeVernichtung({ angeboten: true, bewertung: teile.length ? 'V' : null, aktiveSperren: sperren, inhaltGeloescht: o.teilVernichtetAm !== null }));
    if (verstoss) {
      // the A-part's state stays; the V-part keeps why it waits, so a released hold resumes it
      await repo.setzeObjekt(tx, auf.aussonderungId, o.akteId, { teilLoeschFehler: verstoss.code });
      await protokolliere(tx, akteur, {
        aktion: 'akte.vernichtung.abgebrochen',
        objektTyp: 'akte',
        objektId: o.akteId,
        akteId: o.akteId,
        aktenzeichen: o.aktenzeichen,
        ergebnis: 'abgelehnt',
        details: { aussonderungId: auf.aussonderungId, grund: verstoss.code, vorgaenge: teile.map((t) => t.id) },
      });
    } else {
      const dateien = await dateienJeVorgang(
        tx,
        teile.map((t) => t.id),
      );
      await inhalte.entferne([...dateien.values()].flat());
      await repo.setzeObjekt(tx, auf.aussonderungId, o.akteId, { teilVernichtetAm: new Date(), teilLoeschFehler: null });
      for (const t of teile) {
        await protokolliere(tx, akteur, {
          aktion: 'vorgang.vernichtet',
          objektTyp: 'vorgang',
          objektId: t.id,
          akteId: o.akteId,
          aktenzeichen: o.aktenzeichen,
          details: { aussonderungId: auf.aussonderungId, kennzeichen: t.kennzeichen, dateien: dateien.get(t.id)!.length, freigegebenVon: auf.akteur.sub },
        });
      }
    }
    await repo.zaehleFortschritt(tx, auf.aussonderungId);
    await aktualisiereStatus(tx, auf.aussonderungId);
    await gesperrteAussonderung(tx, auf.aussonderungId);
    if ((await repo.offeneAuftraege(tx, auf.mandantId, auf.aussonderungId, 'vernichtung', auf.id)) === 0) {
      await repo.legeAuftraegeAn(tx, [{ mandantId: auf.mandantId, aussonderungId: auf.aussonderungId, art: 'vernichtungsprotokoll', akteId: null, akteur: auf.akteur }]);
    }
  }

  /**
   * Stores a protocol PDF once with its checksum and files it as a Dokument of the tenant: in the
   * Akte the setting `aussonderungAblageAkte` names, Vorgang `Aussonderung <ProzessID>` (created
   * when missing). Without an open Ablage-Akte the stored PDF is referenced from the Vernichtung
   * only, and the Protokoll says why it was not filed.
   */
  async function legeProtokollAb(
    tx: Tx,
    auf: repo.AuftragRow,
    v: repo.VernichtungRow,
    pdf: Uint8Array,
    name: { dateiname: string; betreff: string; schluessel: string },
  ): Promise<{ schluessel: string; sha256: string; dokumentId: string | null; nichtAbgelegt: string | null }> {
    const akteur = akteurDesAuftrags(auf);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const einstellung = einstellungenAus((await repo.mandantName(tx, auf.mandantId)).einstellungen).aussonderungAblageAkte;
    const ablageAkte = einstellung && /^[0-9a-f-]{36}$/i.test(einstellung) && (await repo.aktenDaten(tx, [einstellung]))[0]?.row.status === 'offen' ? einstellung : null;
    // filed: a Dokument's object under the Dokumente key scheme (a rollback leaves an orphan the
    // sweeper removes); not filed: under the protocol's own key, referenced from the Vernichtung
    const schluessel = ablageAkte ? `${auf.mandantId}/${uuidv7()}` : `aussonderung/${auf.mandantId}/${auf.aussonderungId}/${name.schluessel}`;
    await deps.storage.put(schluessel, Buffer.from(pdf), pdf.byteLength, 'application/pdf');
    if (!ablageAkte) return { schluessel, sha256, dokumentId: null, nichtAbgelegt: einstellung ? 'ABLAGE_AKTE_NICHT_OFFEN' : 'KEINE_ABLAGE_AKTE' };
    const dokumentId = uuidv7();
    const r = await legeSystemdokumentAb(
      tx,
      auf.mandantId,
      { akteId: ablageAkte, vorgangBetreff: `Aussonderung ${auf.aussonderungId}`, vorgangId: uuidv7() },
      {
        id: dokumentId,
        betreff: name.betreff,
        datumDesSchreibens: heute(v.freigegebenAm!),
        dateiname: name.dateiname,
        mimeType: 'application/pdf',
        groesse: pdf.byteLength,
        sha256,
        speicherschluessel: schluessel,
        erstelltVon: auf.akteur.sub,
      },
    );
    // closed since the check above: the retry files it without the Akte
    if (!r.abgelegt) throw new Error(`Ablage-Akte nicht verfügbar: ${r.grund}`);
    if (r.vorgangNeu) {
      await protokolliere(tx, akteur, {
        aktion: 'vorgang.erstellt',
        objektTyp: 'vorgang',
        objektId: r.vorgangId,
        akteId: r.akteId,
        aktenzeichen: r.aktenzeichen,
        details: { kennzeichen: r.vorgangKennzeichen, betreff: `Aussonderung ${auf.aussonderungId}` },
      });
    }
    await protokolliere(tx, akteur, {
      aktion: 'dokument.erstellt',
      objektTyp: 'dokument',
      objektId: dokumentId,
      akteId: r.akteId,
      aktenzeichen: r.aktenzeichen,
      details: {
        vorgangId: r.vorgangId,
        versionNr: 1,
        groesse: pdf.byteLength,
        sha256,
        mimeType: 'application/pdf',
        dateiname: name.dateiname,
        betreff: name.betreff,
        aussonderungId: auf.aussonderungId,
      },
    });
    return { schluessel, sha256, dokumentId, nichtAbgelegt: null };
  }

  /**
   * The protocol of what was actually destroyed, written once. Destroyed after it (objects a
   * Löschsperre had stopped, once released): a Nachtrag naming just those, numbered; the protocol
   * itself never changes.
   */
  async function schreibeProtokollImAuftrag(tx: Tx, auf: repo.AuftragRow): Promise<void> {
    // the process row first, then the Vernichtung: the order the approval takes them in
    await gesperrteAussonderung(tx, auf.aussonderungId);
    const v = await repo.findeVernichtung(tx, auf.aussonderungId, { sperren: true });
    if (!v?.freigegebenAm) return;
    if (v.protokollSchluessel) return schreibeNachtragImAuftrag(tx, auf, v);
    const akteur = akteurDesAuftrags(auf);
    const alle = await repo.objekte(tx, auf.aussonderungId);
    const vernichtet = new Set(alle.filter((o) => o.status === 'vernichtet').map((o) => o.akteId));
    const teilVernichtet = new Set(alle.filter((o) => o.teilVernichtetAm).map((o) => o.akteId));
    // a V-Akte, or a V-Vorgang of an A-Akte: each listed only once its content is gone
    const objekte = (v.objekte as (ProtokollObjekt & { akteId?: string; vorgangId?: string })[]).filter((o) => o.akteId && (o.vorgangId ? teilVernichtet.has(o.akteId) : vernichtet.has(o.akteId)));
    const pdf = await protokollPdf(tx, auf.mandantId, auf.aussonderungId, { ...v, objekte });
    const ablage = await legeProtokollAb(tx, auf, v, pdf, {
      dateiname: `${auf.aussonderungId}_Vernichtungsprotokoll.pdf`,
      betreff: `Vernichtungsprotokoll der Aussonderung ${auf.aussonderungId}`,
      schluessel: `vernichtungsprotokoll-${v.id}.pdf`,
    });
    await repo.setzeVernichtungsprotokoll(tx, v.id, { schluessel: ablage.schluessel, sha256: ablage.sha256, objekte, dokumentId: ablage.dokumentId });
    // the protocol is the last thing the process waited for (the trigger asks for it too)
    await aktualisiereStatus(tx, auf.aussonderungId);
    await protokolliere(tx, akteur, {
      aktion: 'aussonderung.vernichtungsprotokoll.erstellt',
      objektTyp: 'aussonderung',
      objektId: auf.aussonderungId,
      details: { objekte: objekte.length, sha256: ablage.sha256, ...(ablage.dokumentId ? { dokumentId: ablage.dokumentId } : { abgelegt: false, grund: ablage.nichtAbgelegt }) },
    });
  }

  async function schreibeNachtragImAuftrag(tx: Tx, auf: repo.AuftragRow, v: repo.VernichtungRow): Promise<void> {
    const nachtraege = await repo.nachtraege(tx, v.id);
    const genannt = genannteAkten(v, nachtraege);
    const alle = await repo.objekte(tx, auf.aussonderungId);
    const neu = alle.filter((o) => o.status === 'vernichtet' && !genannt.has(o.akteId));
    // the V-Vorgänge of an A-Akte destroyed since: each named by its Kennzeichen, as in the protocol
    const teilNeu = alle.filter((o) => o.status !== 'vernichtet' && o.teilVernichtetAm && !genannt.has(o.akteId));
    // run again after it committed: everything destroyed is named already
    if (neu.length === 0 && teilNeu.length === 0) return;
    const nr = nachtraege.length + 1;
    const objekte: (ProtokollObjekt & { akteId: string; vorgangId?: string })[] = await aktenSchnappschuss(tx, auf.aussonderungId, neu);
    if (teilNeu.length > 0) {
      const teile = await repo.teile(tx, auf.aussonderungId);
      const vorgaenge = teilNeu.flatMap((o) => (teile.get(o.akteId) ?? []).filter((t) => t.typ === 'vorgang' && t.status === 'vernichtet').map((t) => ({ akteId: o.akteId, t })));
      const ids = vorgaenge.map((x) => x.t.id);
      const dateien = await dateienJeVorgang(tx, ids);
      const herkunft = await herkuenfte(tx, auf.aussonderungId, ids);
      for (const { akteId, t } of vorgaenge) {
        objekte.push({
          akteId,
          vorgangId: t.id,
          aktenzeichen: t.kennzeichen,
          betreff: t.betreff,
          laufzeitBeginn: null,
          laufzeitEnde: null,
          dateien: (dateien.get(t.id) ?? []).map((f) => ({ sha256: f.sha256 })),
          herkunft: herkunft.get(t.id) ?? null,
        });
      }
    }
    if (objekte.length === 0) return;
    const pdf = await protokollPdf(tx, auf.mandantId, auf.aussonderungId, { ...v, objekte }, { nr });
    const ablage = await legeProtokollAb(tx, auf, v, pdf, {
      dateiname: `${auf.aussonderungId}_Vernichtungsprotokoll_Nachtrag_${nr}.pdf`,
      betreff: `Nachtrag ${nr} zum Vernichtungsprotokoll der Aussonderung ${auf.aussonderungId}`,
      schluessel: `vernichtungsprotokoll-${v.id}-nachtrag-${nr}.pdf`,
    });
    await repo.legeNachtragAn(tx, { id: uuidv7(), mandantId: auf.mandantId, vernichtungId: v.id, nr, objekte, schluessel: ablage.schluessel, sha256: ablage.sha256, dokumentId: ablage.dokumentId });
    await aktualisiereStatus(tx, auf.aussonderungId);
    await protokolliere(tx, akteurDesAuftrags(auf), {
      aktion: 'aussonderung.vernichtungsprotokoll.nachtrag',
      objektTyp: 'aussonderung',
      objektId: auf.aussonderungId,
      details: { nr, objekte: objekte.length, sha256: ablage.sha256, ...(ablage.dokumentId ? { dokumentId: ablage.dokumentId } : { abgelegt: false, grund: ablage.nichtAbgelegt }) },
    });
  }

  /**
   * One task per kind of job. A failed job shows its tries and error on the object and re-enqueues itself,
   * due after `wiederholungSekunden` × tries (at most an hour: graphile-worker's own back-off would grow to
   * hours), tried until it works. Its effects commit in one tenant transaction with the job's checks, so a
   * job run again (a process died before the job was marked done) finds its work done.
   */
  function auftragsAufgaben(log: FastifyBaseLogger, wiederholungSekunden: number): Record<AuftragArt, Aufgabe<AuftragDaten>> {
    const aufgabe =
      (art: AuftragArt): Aufgabe<AuftragDaten> =>
      async (daten, k) => {
        const auf: repo.AuftragRow = { ...daten, art, id: k.auftragId };
        try {
          await db.withMandant(auf.mandantId, (tx) => (art === 'vernichtungsprotokoll' ? schreibeProtokollImAuftrag(tx, auf) : loescheInhaltImAuftrag(tx, auf)));
        } catch (err) {
          // drizzle wraps the driver's error (with the whole query) around the cause worth keeping
          const e = err as Error & { cause?: Error };
          const text = String(e?.cause?.message ?? e?.message ?? err).slice(0, 500);
          const versuche = (daten.fehlversuche ?? 0) + 1;
          const warten = Math.min(wiederholungSekunden * versuche, 3600);
          log.warn({ err, auftrag: k.auftragId, art, aussonderung: auf.aussonderungId, versuche, wartenSekunden: warten }, 'Aussonderung job failed, will retry');
          await db.withMandant(auf.mandantId, async (tx) => {
            await repo.legeAuftraegeAn(tx, [{ ...daten, art, fehlversuche: versuche, letzterFehler: text }], new Date(Date.now() + warten * 1000));
            if (auf.akteId) await repo.setzeObjekt(tx, auf.aussonderungId, auf.akteId, { loeschVersuche: versuche, loeschFehler: text });
          });
        }
      };
    return { vernichtung: aufgabe('vernichtung'), 'loeschung-nach-import': aufgabe('loeschung-nach-import'), vernichtungsprotokoll: aufgabe('vernichtungsprotokoll') };
  }

  return { auftragsAufgaben };
}
