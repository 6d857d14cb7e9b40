// The shared context of the Aussonderung's use cases (one per service instance).
import type { Db, Tx } from '@eakte/db';
import type { Bewertung } from '../domain/aussonderung-gates.js';
import { prozessStatus, vernichtungsstand, type ProzessObjekt, type Vernichtungslage, type Vernichtungsteil } from '../domain/aussonderungsprozess.js';
import { vernichtungsprotokollPdf, type Bewertungsherkunft, type ProtokollObjekt } from '../domain/vernichtungsprotokoll.js';
import * as repo from '../repositories/aussonderung.js';
import { NichtGefunden } from './fehler.js';
import type { InhaltDatei } from './ports.js';
import { type MandantAkteur, type AussonderungAnsicht, type AussonderungDeps, teilBewertung } from './modell.js';
import { nachrichtenbau } from './nachrichtenbau.js';

/** The Akten the protocol and its Nachträge name (a V-Akte, or an A-Akte for its V-Vorgänge). */
export function genannteAkten(v: repo.VernichtungRow, nachtraege: readonly repo.NachtragRow[]): Set<string> {
  return new Set([v.objekte, ...nachtraege.map((n) => n.objekte)].flatMap((liste) => (liste as { akteId?: string }[]).map((o) => o.akteId ?? '')));
}

/** What every use case of the service shares: the tenant transaction, the process view, the parts and their files. */
export function erstelleKontext(db: Db, deps: AussonderungDeps) {
  const { protokolliere, inhalte, historie } = deps;
  const { kopfDaten, xAkten } = nachrichtenbau(db, deps);

  function imMandant<T>(a: MandantAkteur, fn: (tx: Tx, a: MandantAkteur) => Promise<T>): Promise<T> {
    return db.withMandant(a.mandantId, (tx) => fn(tx, a));
  }

  async function ansicht(tx: Tx, row: repo.AussonderungRow): Promise<AussonderungAnsicht> {
    const objekte = await repo.objekte(tx, row.id);
    const { inKraft, lage } = await vernichtungslage(tx, row.id, objekte);
    return {
      row,
      objekte,
      teile: await repo.teile(tx, row.id),
      vernichtung: inKraft ?? (await repo.abgelehnteVernichtungen(tx, row.id))[0] ?? null,
      vernichtungsstand: vernichtungsstand(objekte.map(prozessObjekt), lage),
      nachrichten: await repo.nachrichten(tx, row.id),
    };
  }

  /** The approved destruction in force and whether its protocol exists; null before the approval. */
  /**
   * The destruction in force and where it stands: its protocol written, and whether it and its
   * Nachträge name every object destroyed so far (the trigger asks the same).
   */
  async function vernichtungslage(tx: Tx, id: string, objekte: readonly repo.ObjektRow[]): Promise<{ inKraft: repo.VernichtungRow | null; lage: Vernichtungslage | null }> {
    const inKraft = await repo.findeVernichtung(tx, id);
    if (!inKraft?.freigegebenAm) return { inKraft, lage: null };
    if (inKraft.protokollSchluessel === null || inKraft.protokollSha256 === null) return { inKraft, lage: { freigegeben: true, protokoll: false, nachtraege: 0 } };
    const nachtraege = await repo.nachtraege(tx, inKraft.id);
    const genannt = genannteAkten(inKraft, nachtraege);
    const ungenannt = objekte.some((o) => (o.status === 'vernichtet' || o.teilVernichtetAm) && !genannt.has(o.akteId));
    return { inKraft, lage: { freigegeben: true, protokoll: true, nachtraege: nachtraege.length, ungenannt } };
  }

  /**
   * An object's part in the destruction: a V-Akte as a whole (destroyed once its status says so),
   * the V-Vorgänge of an A-Akte (once `teil_vernichtet_am` is set); a hold, found by the job or
   * placed since, keeps it waiting.
   */
  function vernichtungsteil(o: repo.ObjektRow): Vernichtungsteil {
    if (teilBewertung(o) === 'V') return o.status === 'vernichtet' ? 'vernichtet' : o.loeschung === 'gesperrt' || o.gesperrt ? 'gesperrt' : 'ausstehend';
    if (o.mitA && o.mitV) return o.teilVernichtetAm ? 'vernichtet' : o.gesperrt ? 'gesperrt' : 'ausstehend';
    return 'keine';
  }

  const prozessObjekt = (o: repo.ObjektRow): ProzessObjekt => ({ ...o, vTeilOffen: o.mitA && o.mitV && !o.teilVernichtetAm, vernichtung: vernichtungsteil(o) });

  async function gesperrteAussonderung(tx: Tx, id: string): Promise<repo.AussonderungRow> {
    const row = await repo.findeAussonderung(tx, id, { sperren: true });
    if (!row) throw new NichtGefunden('Aussonderung nicht gefunden');
    return row;
  }

  /** Recomputes and stores the process state after a change of its objects or its destruction. */
  async function aktualisiereStatus(tx: Tx, id: string) {
    const objekte = await repo.objekte(tx, id);
    const { lage } = await vernichtungslage(tx, id, objekte);
    await repo.setzeAussonderung(tx, id, { status: prozessStatus(objekte.map(prozessObjekt), lage) });
  }

  /**
   * Files of the Akten's parts appraised `teil` (every version), for deletion and the protocol:
   * 'A' is what the 0503 transferred, 'V' what only an approved destruction removes.
   */
  async function dateienDerAkten(tx: Tx, akteIds: string[], teil: Bewertung): Promise<Map<string, InhaltDatei[]>> {
    const vorgaenge = await repo.vorgaengeDerTeile(tx, akteIds, teil);
    const akteVon = new Map(vorgaenge.map((v) => [v.id, v.akteId]));
    const out = new Map<string, InhaltDatei[]>(akteIds.map((id) => [id, []]));
    for (const d of await inhalte.dokumente(
      tx,
      vorgaenge.map((v) => v.id),
    )) {
      const liste = out.get(akteVon.get(d.vorgangId)!)!;
      for (const v of d.versionen) liste.push(...v.dateien);
    }
    return out;
  }

  /**
   * The V-parts of Akten that also have A-parts (they go to the archive inside their Akte), not yet
   * destroyed: their Vorgänge, per Akte. An Akte with V-parts only is destroyed as a whole.
   */
  async function vTeile(tx: Tx, objekte: readonly repo.ObjektRow[]): Promise<Map<string, { id: string; kennzeichen: string; betreff: string }[]>> {
    const kandidaten = objekte.filter((o) => o.mitA && o.mitV && !o.teilVernichtetAm);
    const out = new Map<string, { id: string; kennzeichen: string; betreff: string }[]>();
    for (const v of await repo.vorgaengeDerTeile(
      tx,
      kandidaten.map((o) => o.akteId),
      'V',
    ))
      out.set(v.akteId, [...(out.get(v.akteId) ?? []), v]);
    return out;
  }

  /** Files per Vorgang (every version). */
  async function dateienJeVorgang(tx: Tx, vorgangIds: string[]): Promise<Map<string, InhaltDatei[]>> {
    const out = new Map<string, InhaltDatei[]>(vorgangIds.map((id) => [id, []]));
    for (const d of await inhalte.dokumente(tx, vorgangIds)) for (const v of d.versionen) out.get(d.vorgangId)!.push(...v.dateien);
    return out;
  }

  /** The evidence of each object's decision, in the form the protocol keeps it. */
  async function herkuenfte(tx: Tx, id: string, objektIds: string[]): Promise<Map<string, Bewertungsherkunft>> {
    const n = await repo.bewertungsnachweise(tx, id, objektIds);
    const empfangen = new Map((await repo.nachrichten(tx, id)).map((x) => [x.id, x.empfangenAm]));
    return new Map(
      [...n].map(([objekt, x]): [string, Bewertungsherkunft] => [
        objekt,
        x.art === '0502'
          ? {
              art: '0502',
              nachrichtId: x.nachrichtId!,
              prozessId: id,
              absender: x.nachricht?.absender ?? null,
              erstellungszeitpunkt: x.nachricht?.erstellungszeitpunkt ?? null,
              eingegangenAm: (empfangen.get(x.nachrichtId!) ?? x.erfasstAm).toISOString(),
            }
          : { art: 'manuell', zeichen: x.zeichen!, datum: x.datum!, archivar: x.archivar!, dokumentId: x.dokumentId, erfasstVon: x.erfasstVonName, erfasstAm: x.erfasstAm.toISOString() },
      ]),
    );
  }

  /** V-Akten as the protocol lists them: Aktenzeichen, Betreff, Laufzeit, the SHA-256 of every file, the decision's evidence. */
  async function aktenSchnappschuss(tx: Tx, id: string, v: readonly repo.ObjektRow[]): Promise<(ProtokollObjekt & { akteId: string })[]> {
    const ids = v.map((o) => o.akteId);
    const dateien = await dateienDerAkten(tx, ids, 'V');
    const akten = new Map((await repo.aktenDaten(tx, ids)).map((x) => [x.row.id, x.row]));
    const herkunft = await herkuenfte(tx, id, ids);
    return v.map((o) => ({
      akteId: o.akteId,
      aktenzeichen: o.aktenzeichen,
      betreff: o.betreff,
      laufzeitBeginn: akten.get(o.akteId)?.laufzeitBeginn ?? null,
      laufzeitEnde: akten.get(o.akteId)?.laufzeitEnde ?? null,
      dateien: dateien.get(o.akteId)!.map((f) => ({ sha256: f.sha256 })),
      herkunft: herkunft.get(o.akteId) ?? null,
    }));
  }

  async function protokollPdf(tx: Tx, mandantId: string, id: string, v: repo.VernichtungRow, nachtrag?: { nr: number }): Promise<Uint8Array> {
    const m = await repo.mandantName(tx, mandantId);
    return vernichtungsprotokollPdf(
      {
        behoerde: m.name,
        prozessId: id,
        beantragtVon: v.beantragtVonName,
        beantragtAm: v.beantragtAm,
        freigegebenVon: v.freigegebenVonName ?? v.freigegebenVon!,
        freigegebenAm: v.freigegebenAm!,
        objekte: v.objekte as ProtokollObjekt[],
        ...(nachtrag ? { nachtrag } : {}),
      },
      v.freigegebenAm!,
    );
  }

  return {
    db,
    deps,
    protokolliere,
    inhalte,
    historie,
    imMandant,
    ansicht,
    gesperrteAussonderung,
    aktualisiereStatus,
    kopfDaten,
    xAkten,
    dateienDerAkten,
    vTeile,
    dateienJeVorgang,
    herkuenfte,
    aktenSchnappschuss,
    protokollPdf,
  };
}

export type Kontext = ReturnType<typeof erstelleKontext>;
