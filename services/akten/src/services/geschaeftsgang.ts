// Use cases of the Geschäftsgang: writing a Verfügung with its Laufweg, completing its steps,
// the Postkorb. Every step change of one Verfügung runs under the lock of its row, so two
// completions of a step (or of two parallel steps) never interleave: the second sees the first.
import type { Tx } from '@eakte/db';
import type { MitzeichnungVotum, SchrittAktion, VorlageSchritt } from '@eakte/db/schema';
import { AuthErrors, decodeCursor, encodeCursor, Errors, heute, istEindeutigkeitsverletzung, type AuditEreignis, type Protokollierer } from '@eakte/platform';
import { istGeschlossen, pruefeOffenFuerInhalt } from '@eakte/schriftgutverwaltung/geschlossen';
import { folgeDerVorversion, folgeDesVotums, platziere, pruefeSchlussverfuegung, type Schlussart, type VorversionWahl } from '@eakte/schriftgutverwaltung/laufweg';
import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import * as repo from '../repositories/geschaeftsgang.js';
import { uebersetzeDbFehler } from './fehler.js';
import { begrenze, type Grundlage, type Kontext, type MandantAkteur, type Seite } from './kontext.js';
import { KEIN_MELDER, type Melder } from './benachrichtigung.js';
import type { createLebenszyklusService } from './lebenszyklus.js';
import type { createVorgaengeService } from './vorgaenge.js';

export interface Bearbeiter {
  sub?: string;
  organisationseinheitId?: string;
}

export interface VerfuegungNeu {
  betreff: string;
  dokumente?: { dokumentId: string; version: number; entwurf?: boolean }[];
  laufweg: { bearbeiter: Bearbeiter; aktion: SchrittAktion; frist?: string; hinweis?: string; parallelGruppe?: number }[];
}

export interface Vertreter {
  sub: string;
  abwesendVon?: string | null;
  abwesendBis?: string | null;
}

const vorlagenDarstellung = (organisationseinheitId: string, rows: repo.VorlageRow[]) => ({
  organisationseinheitId,
  vorlagen: rows.filter((r) => r.organisationseinheitId === organisationseinheitId).map((r) => ({ name: r.name, laufweg: r.laufweg })),
});

const vertretungDarstellung = (sub: string, rows: repo.VertreterRow[]) => ({
  sub,
  vertreter: rows.map((r) => ({ sub: r.vertreterSub, abwesendVon: r.abwesendVon, abwesendBis: r.abwesendBis })),
});

export interface SchrittAbschluss {
  votum?: MitzeichnungVotum;
  kommentar?: string;
  schlussverfuegung?: { art: Schlussart; datum?: string };
  /** Only on a Zeichnung over Mitzeichnungen on an older version: ask them again, or pass over them with `grund`. */
  vorversion?: VorversionWahl;
  grund?: string;
}

/** A Verfügung with its pinned documents and its whole Laufweg. */
export interface VerfuegungAnsicht {
  row: repo.VerfuegungRow;
  dokumente: repo.DokumentRow[];
  schritte: repo.SchrittRow[];
  /** The done Mitzeichnungen given on an older version of a pinned Dokument. */
  aufVorversion: string[];
}

/** A Verfügung in a list: without its Laufweg, with the steps current now. */
export interface VerfuegungUebersicht {
  row: repo.VerfuegungRow;
  aktuelleSchritte: repo.SchrittRow[];
}

/** The caller with the users they represent today (Vertretung in force) and those users' org units the caller is no member of. */
interface Handelnder {
  k: Kontext;
  vertretene: string[];
  vertreteneEinheiten: { oe: string; sub: string }[];
}

/** May the caller complete the step: as its Bearbeiter, a member of its org unit, or the Bearbeiter's deputy (then: for whom)? */
function rechtAm(h: Handelnder, s: repo.SchrittRow): { erlaubt: boolean; imAuftragVon: string | null } {
  if (s.bearbeiterSub === h.k.sub) return { erlaubt: true, imAuftragVon: null };
  // a step taken over belongs to the member who took it (and their deputy)
  if (s.uebernommenVon !== null) {
    if (s.uebernommenVon === h.k.sub) return { erlaubt: true, imAuftragVon: null };
    return h.vertretene.includes(s.uebernommenVon) ? { erlaubt: true, imAuftragVon: s.uebernommenVon } : { erlaubt: false, imAuftragVon: null };
  }
  if (s.bearbeiterOeId !== null && h.k.benutzer.organisationseinheiten.includes(s.bearbeiterOeId)) return { erlaubt: true, imAuftragVon: null };
  // the step of an absent user's org unit reaches their deputy, who acts for them
  const einheitDesVertretenen = s.bearbeiterOeId === null ? undefined : h.vertreteneEinheiten.find((e) => e.oe === s.bearbeiterOeId);
  if (einheitDesVertretenen) return { erlaubt: true, imAuftragVon: einheitDesVertretenen.sub };
  if (s.bearbeiterSub !== null && h.vertretene.includes(s.bearbeiterSub)) return { erlaubt: true, imAuftragVon: s.bearbeiterSub };
  return { erlaubt: false, imAuftragVon: null };
}

type SchrittEntwurf = VerfuegungNeu['laufweg'][number];

/** The rows of new steps after position `nach`; `starten`: their first position is current at once. */
function neueSchritte(k: Kontext, verfuegungId: string, laufweg: SchrittEntwurf[], nach: number, starten: boolean, jetzt: Date) {
  const plaetze = platziere(laufweg);
  return laufweg.map((s, i) => {
    const { position, zweig } = plaetze[i]!;
    const aktuell = starten && position === 1;
    return {
      id: uuidv7(),
      mandantId: k.mandantId,
      verfuegungId,
      position: nach + position,
      zweig,
      bearbeiterSub: s.bearbeiter.sub ?? null,
      bearbeiterOeId: s.bearbeiter.organisationseinheitId ?? null,
      aktion: s.aktion,
      frist: s.frist ?? null,
      hinweis: s.hinweis ?? null,
      zustand: aktuell ? ('aktuell' as const) : ('geplant' as const),
      aktuellSeit: aktuell ? jetzt : null,
    };
  });
}

/** The request a key stands for: who asks, on what, with which body (keys sorted, so a retry's field order does not matter). */
function anfrageHash(wert: unknown): string {
  const kanonisch = (x: unknown): unknown =>
    Array.isArray(x)
      ? x.map(kanonisch)
      : x !== null && typeof x === 'object'
        ? Object.fromEntries(
            Object.keys(x)
              .sort()
              .map((k) => [k, kanonisch((x as Record<string, unknown>)[k])]),
          )
        : x;
  return createHash('sha256')
    .update(JSON.stringify(kanonisch(wert)))
    .digest('hex');
}

const OPERATION_VERFUEGUNG = 'createVerfuegung';

/** The ids of the new steps that start at once (their arrival in a Postkorb is mailed). */
const aktuelle = (neu: { id: string; zustand: string }[]) => neu.filter((s) => s.zustand === 'aktuell').map((s) => s.id);

const pinStand = (d: repo.DokumentRow[]) => d.map((x) => ({ dokumentId: x.dokumentId, version: x.versionNr }));

const schrittStand = (s: repo.SchrittRow) => ({
  schrittId: s.id,
  position: s.position,
  zweig: s.zweig,
  aktion: s.aktion,
  zustand: s.zustand,
  bearbeiterSub: s.bearbeiterSub,
  bearbeiterOeId: s.bearbeiterOeId,
});

export function createGeschaeftsgangService(
  g: Grundlage,
  protokolliere: Protokollierer,
  lebenszyklus: Pick<ReturnType<typeof createLebenszyklusService>, 'schliesseVorgang'>,
  vorgaenge: Pick<ReturnType<typeof createVorgaengeService>, 'setzeWiedervorlageIn'>,
  melder: Melder = KEIN_MELDER,
) {
  const { imKontext, sichtbarerVorgang } = g;

  async function ansicht(tx: Tx, row: repo.VerfuegungRow, schritte?: repo.SchrittRow[]): Promise<VerfuegungAnsicht> {
    const laufweg = schritte ?? (await repo.schritteDer(tx, row.id));
    return { row, dokumente: await repo.dokumenteDer(tx, row.id), schritte: laufweg, aufVorversion: await aufVorversionIn(tx, row.id, laufweg) };
  }

  /** Only a done Mitzeichnung can be on an older version: without one the database is not asked. */
  async function aufVorversionIn(tx: Tx, verfuegungId: string, schritte: repo.SchrittRow[], nurOffene = false): Promise<string[]> {
    if (!schritte.some((s) => s.aktion === 'mitzeichnung' && s.zustand === 'erledigt')) return [];
    return (await repo.aufVorversion(tx, verfuegungId)).filter((m) => !nurOffene || m.offen).map((m) => m.schrittId);
  }

  /** The audit event of a Verfügung: under its Vorgang's Akte, so the Akte's history shows the Geschäftsgang. */
  async function ereignis(tx: Tx, aktion: string, v: repo.VerfuegungRow, weiteres: Pick<AuditEreignis, 'aenderungen' | 'details'>, vorgang?: repo.VorgangKopf): Promise<AuditEreignis> {
    const kopf = vorgang ?? (await repo.vorgangKopf(tx, v.vorgangId))!;
    return { aktion, objektTyp: 'verfuegung', objektId: v.id, akteId: kopf.akteId, aktenzeichen: kopf.aktenzeichen, ...weiteres, details: { vorgangId: v.vorgangId, ...weiteres.details } };
  }

  /** Who sees the Vorgang, the author, and every Bearbeiter of a step may read the Verfügung; others get the 404 of an unknown id. */
  const handelnder = async (tx: Tx, k: Kontext): Promise<Handelnder> => {
    const vertretene = await repo.vertreteneVon(tx, k.sub, heute());
    const vertreteneEinheiten = (await repo.einheitenDer(tx, vertretene)).filter((e) => !k.benutzer.organisationseinheiten.includes(e.oe));
    return { k, vertretene, vertreteneEinheiten };
  };

  /** Whose Postkorb the caller's is (their units, whom they represent today, what they see). */
  const inhaber = async (tx: Tx, k: Kontext): Promise<repo.PostkorbInhaber> => {
    const h = await handelnder(tx, k);
    return { sub: k.sub, einheiten: k.benutzer.organisationseinheiten, vertretene: h.vertretene, vertreteneEinheiten: h.vertreteneEinheiten, sicht: k.sicht, heute: heute() };
  };
  const filterAus = (q: repo.PostkorbFilter): repo.PostkorbFilter => ({ aktion: q.aktion, fristBis: q.fristBis, vorgangId: q.vorgangId, absender: q.absender });

  /** A Verfügung the caller may read, with its Laufweg (not its Dokumente); `row` is the one found (and locked) by the caller or none. */
  async function lesbarerLaufweg(tx: Tx, h: Handelnder, row: repo.VerfuegungRow | null, gelesen?: repo.SchrittRow[]): Promise<{ row: repo.VerfuegungRow; schritte: repo.SchrittRow[] }> {
    const k = h.k;
    if (!row) throw new Errors.NichtGefunden('Verfügung nicht gefunden');
    const schritte = gelesen ?? (await repo.schritteDer(tx, row.id));
    if (row.verfasser === k.sub || schritte.some((s) => rechtAm(h, s).erlaubt)) return { row, schritte };
    // a hidden Vorgang hides its Verfügung: the same 404 as for an unknown id
    await sichtbarerVorgang(tx, k, row.vorgangId).catch((e: unknown) => {
      throw e instanceof Errors.NichtGefunden ? new Errors.NichtGefunden('Verfügung nicht gefunden') : e;
    });
    return { row, schritte };
  }

  async function lesbareVerfuegung(tx: Tx, h: Handelnder, id: string, sperren = false): Promise<VerfuegungAnsicht> {
    const { row, schritte } = await lesbarerLaufweg(tx, h, await repo.findeVerfuegung(tx, id, sperren));
    return ansicht(tx, row, schritte);
  }

  /** The step and its Verfügung, locked, with the Laufweg: a step of a Verfügung the caller may not read is unknown. */
  async function schrittZumBearbeiten(tx: Tx, k: Kontext, schrittId: string) {
    const row = await repo.findeVerfuegungDesSchritts(tx, schrittId);
    if (!row) throw new Errors.NichtGefunden('Schritt nicht gefunden');
    const schritte = await repo.schritteDer(tx, row.id);
    const schritt = schritte.find((s) => s.id === schrittId)!;
    // the step's own Bearbeiter acts in person: whom they represent is only asked otherwise
    const h: Handelnder = rechtAm({ k, vertretene: [], vertreteneEinheiten: [] }, schritt).erlaubt ? { k, vertretene: [], vertreteneEinheiten: [] } : await handelnder(tx, k);
    await lesbarerLaufweg(tx, h, row, schritte);
    return { v: row, schritte, schritt, h };
  }

  type Frueher = { objektId: string; anfrageSha256: string };

  /** A retry under a known key: the first request's Verfügung, if it was the same request. */
  function wiederholung(tx: Tx, k: Kontext, hash: string | null, frueher: Frueher) {
    if (frueher.anfrageSha256 !== hash) throw new Errors.IdempotenzKonflikt();
    return lesbareVerfuegung(tx, { k, vertretene: [], vertreteneEinheiten: [] }, frueher.objektId);
  }

  function erstelle(akteur: MandantAkteur, vorgangId: string, body: VerfuegungNeu, schluessel: string | undefined, hash: string | null): Promise<VerfuegungAnsicht> {
    return imKontext(akteur, async (tx, k) => {
      if (schluessel !== undefined) {
        const frueher = await repo.idempotenz(tx, OPERATION_VERFUEGUNG, schluessel);
        if (frueher) return wiederholung(tx, k, hash, frueher);
      }
      const vorgang = await sichtbarerVorgang(tx, k, vorgangId, true);
      pruefeOffenFuerInhalt({ vorgangStatus: vorgang.status, akteStatus: vorgang.akteStatus });
      const id = uuidv7();
      const jetzt = new Date();
      const schritte = neueSchritte(k, id, body.laufweg, 0, true, jetzt);
      const dokumente = (body.dokumente ?? []).map((d) => ({ mandantId: k.mandantId, verfuegungId: id, vorgangId, dokumentId: d.dokumentId, versionNr: d.version, entwurf: d.entwurf ?? false }));
      if (new Set(dokumente.map((d) => d.dokumentId)).size !== dokumente.length) throw new Errors.NichtVerarbeitbar('Ein Dokument ist mehrfach genannt');
      if (dokumente.filter((d) => d.entwurf).length > 1) throw new Errors.NichtVerarbeitbar('Eine Verfügung hat höchstens einen Entwurf');
      await repo
        .fuegeVerfuegungEin(tx, { id, mandantId: k.mandantId, vorgangId, betreff: body.betreff, verfasser: k.sub, status: 'laufend', aktuellePosition: 1 }, dokumente, schritte)
        .catch((e) => uebersetzeDbFehler(e, { verweis: 'Ein Dokument (in dieser Version, in diesem Vorgang) oder eine Organisationseinheit existiert nicht' }));
      // the key's row: a concurrent request with the same key waits here for this one, then fails on it
      if (schluessel !== undefined) await repo.merkeIdempotenz(tx, { mandantId: k.mandantId, operation: OPERATION_VERFUEGUNG, schluessel, anfrageSha256: hash!, objektId: id });
      await melder.eingang(tx, aktuelle(schritte), k.sub);
      const row = (await repo.findeVerfuegung(tx, id))!;
      await protokolliere(
        tx,
        akteur,
        await ereignis(tx, 'verfuegung.erstellt', row, {
          details: {
            betreff: row.betreff,
            dokumente: body.dokumente ?? [],
            laufweg: schritte.map((s) => ({ position: s.position, zweig: s.zweig, aktion: s.aktion, bearbeiterSub: s.bearbeiterSub, bearbeiterOeId: s.bearbeiterOeId })),
          },
        }),
      );
      return ansicht(tx, row);
    });
  }

  return {
    /**
     * With `schluessel` (Idempotency-Key): a retry of the same request gets the Verfügung the first
     * one created; the key with another request is a 409. Of concurrent requests with one key the
     * first to commit wins, the others answer with its Verfügung.
     */
    erstelleVerfuegung: async (akteur: MandantAkteur, vorgangId: string, body: VerfuegungNeu, schluessel?: string): Promise<VerfuegungAnsicht> => {
      const hash = schluessel === undefined ? null : anfrageHash({ sub: akteur.sub, vorgangId, body });
      try {
        return await erstelle(akteur, vorgangId, body, schluessel, hash);
      } catch (err) {
        if (schluessel === undefined || !istEindeutigkeitsverletzung(err, 'akten_idempotenz_pk')) throw err;
        return imKontext(akteur, async (tx, k) => wiederholung(tx, k, hash, (await repo.idempotenz(tx, OPERATION_VERFUEGUNG, schluessel))!));
      }
    },

    aendereLaufweg: (akteur: MandantAkteur, id: string, body: { grund: string; laufweg: SchrittEntwurf[] }) =>
      imKontext(akteur, async (tx, k) => {
        const { row: v, schritte } = await lesbareVerfuegung(tx, await handelnder(tx, k), id, true);
        if (v.verfasser !== k.sub) throw new AuthErrors.KeineBerechtigung('Nur der Verfasser ändert den Laufweg');
        if (v.status === 'abgeschlossen') throw new Errors.Konflikt('Die Verfügung ist abgeschlossen');
        const vorgang = await sichtbarerVorgang(tx, k, v.vorgangId);
        pruefeOffenFuerInhalt({ vorgangStatus: vorgang.status, akteStatus: vorgang.akteStatus });
        if (schritte.some((s) => s.zustand === 'aktuell' && s.aktion === 'zeichnung')) {
          throw new Errors.LaufwegUngueltig('Die Zeichnung ist aktuell: nach ihr folgt kein Schritt');
        }
        const offen = schritte.filter((s) => s.zustand === 'geplant');
        const zurueck = v.status === 'zurueckgegeben';
        const jetzt = new Date();
        // new steps follow every existing one: skipped steps keep their places as history
        const nach = Math.max(...schritte.map((s) => s.position));
        const neu = neueSchritte(k, v.id, body.laufweg, nach, zurueck, jetzt);
        await repo.aendereSchritte(
          tx,
          offen.map((s) => s.id),
          { zustand: 'uebersprungen' },
        );
        await repo.fuegeSchritteEin(tx, neu).catch((e) => uebersetzeDbFehler(e, { verweis: 'Eine Organisationseinheit existiert nicht' }));
        const row = await repo.aendereVerfuegung(tx, v.id, zurueck ? { status: 'laufend', aktuellePosition: nach + 1 } : {});
        await melder.eingang(tx, aktuelle(neu), k.sub);
        const laufweg = (l: { position: number; zweig: number; aktion: string; bearbeiterSub: string | null; bearbeiterOeId: string | null }[]) =>
          l.map((s) => ({ position: s.position, zweig: s.zweig, aktion: s.aktion, bearbeiterSub: s.bearbeiterSub, bearbeiterOeId: s.bearbeiterOeId }));
        await protokolliere(
          tx,
          akteur,
          await ereignis(tx, 'verfuegung.laufweg_geaendert', row, {
            aenderungen: [{ feld: 'laufweg', alt: laufweg(offen), neu: laufweg(neu) }, ...(zurueck ? [{ feld: 'status', alt: v.status, neu: row.status }] : [])],
            details: { grund: body.grund },
          }),
        );
        return ansicht(tx, row);
      }),

    uebernehmeSchritt: (akteur: MandantAkteur, schrittId: string) =>
      imKontext(akteur, async (tx, k) => {
        // under the Verfügung's lock: of two members racing, the second sees the first's take-over
        const { v, schritt } = await schrittZumBearbeiten(tx, k, schrittId);
        if (schritt.bearbeiterOeId === null || !k.benutzer.organisationseinheiten.includes(schritt.bearbeiterOeId)) {
          throw new Errors.NichtBearbeiter('Nur ein Mitglied der Organisationseinheit des Schritts übernimmt ihn');
        }
        if (schritt.zustand !== 'aktuell') throw new Errors.SchrittNichtAktuell(`Der Schritt ist nicht aktuell (${schritt.zustand})`);
        if (schritt.uebernommenVon !== null) throw new Errors.SchrittUebernommen('Der Schritt ist bereits übernommen');
        await repo.aendereSchritte(tx, [schritt.id], { uebernommenVon: k.sub });
        const row = await repo.aendereVerfuegung(tx, v.id, {});
        await protokolliere(
          tx,
          akteur,
          await ereignis(tx, 'verfuegung.schritt_uebernommen', row, { aenderungen: [{ feld: `schritt[${schritt.id}].uebernommenVon`, alt: null, neu: k.sub }], details: schrittStand(schritt) }),
        );
        return ansicht(tx, row);
      }),

    verfuegung: (akteur: MandantAkteur, id: string) => imKontext(akteur, async (tx, k) => lesbareVerfuegung(tx, await handelnder(tx, k), id)),

    /**
     * The Verfügungen of a Vorgang, each with its current steps: all of them for who sees the
     * Vorgang, else those the caller may read one by one (author, Bearbeiter); a hidden Vorgang
     * with none of those is the 404 of an unknown one.
     */
    verfuegungen: (akteur: MandantAkteur, vorgangId: string, q: { limit?: number; cursor?: string }): Promise<Seite<VerfuegungUebersicht>> =>
      imKontext(akteur, async (tx, k) => {
        const nach = decodeCursor(q.cursor, { t: 'zeitpunkt', id: 'uuid' });
        const limit = begrenze(q.limit);
        let nur: repo.Beteiligter | null = null;
        try {
          await sichtbarerVorgang(tx, k, vorgangId);
        } catch (e) {
          if (!(e instanceof Errors.NichtGefunden)) throw e;
          const h = await handelnder(tx, k);
          nur = { sub: k.sub, einheiten: k.benutzer.organisationseinheiten, vertretene: h.vertretene, vertreteneEinheiten: h.vertreteneEinheiten.map((x) => x.oe) };
        }
        const rows = await repo.verfuegungenDes(tx, vorgangId, nur, nach, limit + 1);
        if (nur && rows.length === 0 && !nach) throw new Errors.NichtGefunden('Vorgang nicht gefunden');
        const seite = rows.slice(0, limit);
        const aktuelle = await repo.aktuelleSchritteDer(
          tx,
          seite.map((v) => v.id),
        );
        const letzte = seite[seite.length - 1];
        return {
          items: seite.map((row) => ({ row, aktuelleSchritte: aktuelle.filter((s) => s.verfuegungId === row.id) })),
          nextCursor: rows.length > limit && letzte ? encodeCursor({ t: letzte.erstelltText, id: letzte.id }) : null,
        };
      }),

    schliesseSchrittAb: (akteur: MandantAkteur, schrittId: string, body: SchrittAbschluss) =>
      imKontext(akteur, async (tx, k) => {
        // the lock of the Verfügung first: a concurrent completion waits here and then sees this one's result
        const { v, schritte, schritt, h } = await schrittZumBearbeiten(tx, k, schrittId);
        const recht = rechtAm(h, schritt);
        if (!recht.erlaubt) throw new Errors.NichtBearbeiter('Nur der Bearbeiter des Schritts (der Benutzer, ein Mitglied der Organisationseinheit) darf ihn abschließen');
        if (schritt.zustand !== 'aktuell' || v.status !== 'laufend') {
          throw new Errors.SchrittNichtAktuell(`Der Schritt ist nicht aktuell (${schritt.zustand}), die Verfügung ${v.status}`);
        }
        // a Vorgang closed meanwhile (z.d.A. of it or its Akte) takes no more steps (R9)
        const kopf = (await repo.vorgangKopf(tx, v.vorgangId))!;
        if (istGeschlossen(kopf)) throw new Errors.ObjektGeschlossen('Der Vorgang ist geschlossen (z.d.A.) und nimmt keine Schritte mehr an');
        const folge = folgeDesVotums(schritt.aktion, body.votum);
        // a Zeichnung over Mitzeichnungen given on an older version of a pinned Dokument decides about them (R16)
        const offeneVorversion = schritt.aktion === 'zeichnung' ? await aufVorversionIn(tx, v.id, schritte, true) : [];
        const vorversion = folgeDerVorversion(schritt.aktion, offeneVorversion.length, body.vorversion, body.grund);
        const jetzt = new Date();
        if (vorversion.art === 'erneut') {
          if (body.schlussverfuegung) throw new Errors.SchlussverfuegungUnzulaessig('Wer erneut mitzeichnen lässt, zeichnet noch nicht: keine Schlussverfügung');
          const dokumenteAlt = pinStand(await repo.dokumenteDer(tx, v.id));
          await repo.pinneAktuell(tx, v.id);
          // the co-signers once more, in parallel, pinned to the current versions; then the Zeichnung again (this one stays as history)
          const erneut = schritte.filter((s) => offeneVorversion.includes(s.id));
          const schluesselVon = (s: repo.SchrittRow) => s.bearbeiterSub ?? `oe:${s.bearbeiterOeId}`;
          const einmal = erneut.filter((s, i) => erneut.findIndex((x) => schluesselVon(x) === schluesselVon(s)) === i);
          const bearbeiterVon = (s: repo.SchrittRow): Bearbeiter => (s.bearbeiterSub !== null ? { sub: s.bearbeiterSub } : { organisationseinheitId: s.bearbeiterOeId! });
          const entwurf: SchrittEntwurf[] = [
            ...einmal.map((s) => ({ bearbeiter: bearbeiterVon(s), aktion: 'mitzeichnung' as const, hinweis: s.hinweis ?? undefined, parallelGruppe: 1 })),
            { bearbeiter: bearbeiterVon(schritt), aktion: 'zeichnung' as const, frist: schritt.frist ?? undefined, hinweis: schritt.hinweis ?? undefined },
          ];
          const nach = Math.max(...schritte.map((s) => s.position));
          const neu = neueSchritte(k, v.id, entwurf, nach, true, jetzt);
          await repo.aendereSchritte(tx, [schritt.id], { zustand: 'uebersprungen' });
          await repo.fuegeSchritteEin(tx, neu);
          const row = await repo.aendereVerfuegung(tx, v.id, { aktuellePosition: nach + 1, dokumenteStand: v.dokumenteStand + 1 });
          await melder.eingang(tx, aktuelle(neu), k.sub);
          await protokolliere(
            tx,
            akteur,
            await ereignis(
              tx,
              'verfuegung.mitzeichnung_erneut',
              row,
              {
                aenderungen: [
                  { feld: 'dokumente', alt: dokumenteAlt, neu: pinStand(await repo.dokumenteDer(tx, v.id)) },
                  { feld: `schritt[${schritt.id}].zustand`, alt: schritt.zustand, neu: 'uebersprungen' },
                  { feld: 'aktuellePosition', alt: v.aktuellePosition, neu: row.aktuellePosition },
                  {
                    feld: 'laufweg',
                    alt: [],
                    neu: neu.map((s) => ({ position: s.position, zweig: s.zweig, aktion: s.aktion, bearbeiterSub: s.bearbeiterSub, bearbeiterOeId: s.bearbeiterOeId })),
                  },
                ],
                details: { ...schrittStand(schritt), kommentar: body.kommentar ?? null, aufVorversion: offeneVorversion, imAuftragVon: recht.imAuftragVon },
              },
              kopf,
            ),
          );
          return ansicht(tx, row);
        }
        // a deputy acts "i. V.": both names stay on the step
        const erledigt = {
          erledigtVon: k.sub,
          imAuftragVon: recht.imAuftragVon,
          erledigtAm: jetzt,
          votum: body.votum ?? null,
          kommentar: body.kommentar ?? null,
          vorversionGrund: vorversion.art === 'uebergehen' ? vorversion.grund : null,
        };
        const parallel = schritte.filter((s) => s.position === schritt.position && s.id !== schritt.id && s.zustand === 'aktuell');

        if (folge === 'zurueck') {
          if (body.schlussverfuegung) throw new Errors.SchlussverfuegungUnzulaessig('Eine zurückgegebene Verfügung hat keine Schlussverfügung');
          const zurueckgegeben = await repo.aendereSchritte(tx, [schritt.id], { ...erledigt, zustand: 'zurueckgegeben' });
          // the parallel steps wait until the author sends the Verfügung again
          const wartend = await repo.aendereSchritte(
            tx,
            parallel.map((s) => s.id),
            { zustand: 'geplant', aktuellSeit: null },
          );
          const neu = await repo.aendereVerfuegung(tx, v.id, { status: 'zurueckgegeben', aktuellePosition: null });
          await melder.rueckgabe(tx, schritt.id, k.sub);
          await protokolliere(
            tx,
            akteur,
            await ereignis(
              tx,
              'verfuegung.zurueckgegeben',
              neu,
              {
                aenderungen: [
                  { feld: 'status', alt: v.status, neu: neu.status },
                  { feld: `schritt[${schritt.id}].zustand`, alt: schritt.zustand, neu: 'zurueckgegeben' },
                ],
                details: { ...schrittStand(schritt), votum: body.votum, kommentar: body.kommentar ?? null, imAuftragVon: recht.imAuftragVon, an: v.verfasser },
              },
              kopf,
            ),
          );
          // the Laufweg as written: not read again
          return ansicht(tx, neu, repo.mitGeaenderten(schritte, zurueckgegeben, wartend));
        }

        const getan = await repo.aendereSchritte(tx, [schritt.id], { ...erledigt, zustand: 'erledigt' });
        const naechste =
          parallel.length > 0
            ? null
            : (schritte
                .filter((s) => s.position > schritt.position && s.zustand === 'geplant')
                .map((s) => s.position)
                .sort((a, b) => a - b)[0] ?? null);
        const endetLaufweg = parallel.length === 0 && naechste === null;
        if (body.schlussverfuegung && !endetLaufweg) throw new Errors.SchlussverfuegungUnzulaessig('Eine Schlussverfügung nur mit dem Schritt, der den Laufweg beendet');
        const schluss = body.schlussverfuegung;
        pruefeSchlussverfuegung(schluss);

        let set: Parameters<typeof repo.aendereVerfuegung>[2] = {};
        let begonnen: repo.SchrittRow[] = [];
        if (naechste !== null) {
          const ids = schritte.filter((s) => s.position === naechste && s.zustand === 'geplant').map((s) => s.id);
          begonnen = await repo.aendereSchritte(tx, ids, { zustand: 'aktuell', aktuellSeit: jetzt });
          await melder.eingang(tx, ids, k.sub);
          set = { aktuellePosition: naechste };
        } else if (endetLaufweg) {
          set = { status: 'abgeschlossen', aktuellePosition: null, schlussverfuegung: schluss?.art ?? null, wiedervorlage: schluss?.art === 'wv' ? schluss.datum! : null };
        }
        const neu = await repo.aendereVerfuegung(tx, v.id, set);
        await protokolliere(
          tx,
          akteur,
          await ereignis(
            tx,
            endetLaufweg ? 'verfuegung.abgeschlossen' : 'verfuegung.schritt_erledigt',
            neu,
            {
              aenderungen: [
                { feld: `schritt[${schritt.id}].zustand`, alt: schritt.zustand, neu: 'erledigt' },
                ...(v.aktuellePosition !== neu.aktuellePosition ? [{ feld: 'aktuellePosition', alt: v.aktuellePosition, neu: neu.aktuellePosition }] : []),
                ...(v.status !== neu.status ? [{ feld: 'status', alt: v.status, neu: neu.status }] : []),
                ...(schluss ? [{ feld: 'schlussverfuegung', alt: null, neu: schluss }] : []),
                ...(vorversion.art === 'uebergehen' ? [{ feld: `schritt[${schritt.id}].vorversionGrund`, alt: null, neu: vorversion.grund }] : []),
              ],
              details: {
                ...schrittStand(schritt),
                votum: body.votum ?? null,
                kommentar: body.kommentar ?? null,
                imAuftragVon: recht.imAuftragVon,
                schlussverfuegung: schluss ?? null,
                ...(vorversion.art === 'uebergehen' ? { vorversion: { uebergangen: offeneVorversion, grund: vorversion.grund } } : {}),
              },
            },
            kopf,
          ),
        );
        // the Schlussverfügung through the Vorgang's own rules (z.d.A.; "Wv.": the file comes back to its Verfasser);
        // "z. Vg." and "weglegen" leave the Vorgang as it is: the Verfügung records them
        if (schluss?.art === 'zdA') await lebenszyklus.schliesseVorgang(tx, k, akteur, v.vorgangId, undefined);
        if (schluss?.art === 'wv') await vorgaenge.setzeWiedervorlageIn(tx, k, akteur, v.vorgangId, schluss.datum!, v.verfasser);
        // the Laufweg as written: not read again
        return ansicht(tx, neu, repo.mitGeaenderten(schritte, getan, begonnen));
      }),

    vertretung: (akteur: MandantAkteur, sub?: string) => imKontext(akteur, async (tx, k) => vertretungDarstellung(sub ?? k.sub, await repo.vertreterVon(tx, sub ?? k.sub))),

    /** The caller's deputies, or (Fachadministration, the operation's permission) those of `sub`. */
    setzeVertretung: (akteur: MandantAkteur, sub: string | undefined, body: { vertreter: Vertreter[] }) =>
      imKontext(akteur, async (tx, k) => {
        const wer = sub ?? k.sub;
        const neu = body.vertreter.map((v) => ({ sub: v.sub, abwesendVon: v.abwesendVon ?? null, abwesendBis: v.abwesendBis ?? null }));
        neu.forEach((v, i) => {
          if (v.sub === wer)
            throw Object.assign(new Errors.NichtVerarbeitbar('Niemand vertritt sich selbst'), {
              erweiterung: { fehler: [{ ort: 'body', feld: `/vertreter/${i}/sub`, meldung: 'ist der Vertretene selbst' }] },
            });
          if (v.abwesendVon && v.abwesendBis && v.abwesendVon > v.abwesendBis) {
            throw Object.assign(new Errors.NichtVerarbeitbar('Die Abwesenheit endet vor ihrem Beginn'), {
              erweiterung: { fehler: [{ ort: 'body', feld: `/vertreter/${i}/abwesendBis`, meldung: 'liegt vor abwesendVon' }] },
            });
          }
        });
        if (new Set(neu.map((v) => v.sub)).size !== neu.length) throw new Errors.NichtVerarbeitbar('Ein Vertreter ist mehrfach genannt');
        const alt = vertretungDarstellung(wer, await repo.vertreterVon(tx, wer));
        await repo.setzeVertreter(tx, k.mandantId, wer, neu);
        const jetzt = vertretungDarstellung(wer, await repo.vertreterVon(tx, wer));
        await protokolliere(tx, akteur, {
          aktion: 'vertretung.gesetzt',
          objektTyp: 'benutzer',
          objektId: null,
          details: { sub: wer },
          aenderungen: [{ feld: 'vertreter', alt: alt.vertreter, neu: jetzt.vertreter }],
        });
        return jetzt;
      }),

    /** Every org unit's Laufweg templates, for the editor. */
    laufwegvorlagen: (akteur: MandantAkteur) =>
      imKontext(akteur, async (tx) => {
        const rows = await repo.laufwegvorlagen(tx);
        const einheiten = [...new Set(rows.map((r) => r.organisationseinheitId))];
        return { items: einheiten.map((oe) => vorlagenDarstellung(oe, rows)) };
      }),

    /** Replaces an org unit's templates (Fachadministration, the operation's permission); each Laufweg as a Verfügung's would be checked. */
    setzeLaufwegvorlagen: (akteur: MandantAkteur, organisationseinheitId: string, body: { vorlagen: { name: string; laufweg: VorlageSchritt[] }[] }) =>
      imKontext(akteur, async (tx) => {
        if ((await repo.vorhandeneEinheiten(tx, [organisationseinheitId])).size === 0) throw new Errors.NichtGefunden('Organisationseinheit nicht gefunden');
        const vorlagen = body.vorlagen.map((v) => ({ name: v.name.trim(), laufweg: v.laufweg }));
        const feld = (i: number, f: string, meldung: string, text: string) =>
          Object.assign(new Errors.NichtVerarbeitbar(text), { erweiterung: { fehler: [{ ort: 'body', feld: `/vorlagen/${i}${f}`, meldung }] } });
        vorlagen.forEach((v, i) => {
          if (v.name === '') throw feld(i, '/name', 'ist leer', 'Eine Vorlage braucht einen Namen');
          if (vorlagen.findIndex((x) => x.name === v.name) !== i) throw feld(i, '/name', 'ist schon vergeben', `Die Vorlage „${v.name}“ ist mehrfach genannt`);
          try {
            platziere(v.laufweg);
          } catch (e) {
            throw e instanceof Errors.LaufwegUngueltig ? new Errors.LaufwegUngueltig(`Vorlage „${v.name}“: ${e.message}`) : e;
          }
        });
        const genannt = [...new Set(vorlagen.flatMap((v) => v.laufweg.map((s) => s.bearbeiter.organisationseinheitId).filter((x): x is string => x !== undefined)))];
        const vorhanden = await repo.vorhandeneEinheiten(tx, genannt);
        const fehlt = genannt.find((x) => !vorhanden.has(x));
        if (fehlt) throw new Errors.NichtVerarbeitbar(`Die Organisationseinheit ${fehlt} eines Schritts existiert nicht`);
        const alt = vorlagenDarstellung(organisationseinheitId, await repo.laufwegvorlagen(tx, organisationseinheitId));
        await repo.setzeLaufwegvorlagen(tx, akteur.mandantId, organisationseinheitId, vorlagen);
        const neu = vorlagenDarstellung(organisationseinheitId, await repo.laufwegvorlagen(tx, organisationseinheitId));
        await protokolliere(tx, akteur, {
          aktion: 'laufwegvorlagen.gesetzt',
          objektTyp: 'organisationseinheit',
          objektId: organisationseinheitId,
          aenderungen: [{ feld: 'vorlagen', alt: alt.vorlagen, neu: neu.vorlagen }],
        });
        return neu;
      }),

    postkorb: (akteur: MandantAkteur, q: repo.PostkorbFilter & { sortierung?: repo.PostkorbSortierung; limit?: number; cursor?: string }): Promise<Seite<repo.PostkorbZeile>> =>
      imKontext(akteur, async (tx, k) => {
        const sortierung = q.sortierung ?? 'frist';
        // each order has its own cursor: one of the other order is refused
        const nach = sortierung === 'frist' ? decodeCursor(q.cursor, { d: 'datum', t: 'zeitpunkt', id: 'uuid' }) : decodeCursor(q.cursor, { t: 'zeitpunkt', id: 'uuid' });
        const limit = begrenze(q.limit);
        const rows = await repo.postkorb(tx, await inhaber(tx, k), filterAus(q), sortierung, nach, limit + 1);
        const seite = rows.slice(0, limit);
        const letzte = seite[seite.length - 1];
        const cursor = (z: repo.PostkorbZeile): Record<string, string> => (sortierung === 'frist' ? { d: z.sortdatum, t: z.eingang, id: z.schluessel } : { t: z.eingang, id: z.schluessel });
        return { items: seite, nextCursor: rows.length > limit && letzte ? encodeCursor(cursor(letzte)) : null };
      }),

    postkorbAnzahl: (akteur: MandantAkteur, q: repo.PostkorbFilter) =>
      imKontext(akteur, async (tx, k) => {
        const z = await repo.postkorbAnzahl(tx, await inhaber(tx, k), filterAus(q));
        return { gesamt: z.schritte + z.wiedervorlagen + z.rueckgaben, ...z };
      }),
  };
}
