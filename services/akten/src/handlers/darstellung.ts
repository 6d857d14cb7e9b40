// Rows → contract representations.
import type { components } from '@eakte/api-client';
import type { AkteAnsicht, VerfuegungAnsicht, VerfuegungUebersicht } from '../services/index.js';
import type { PostkorbZeile, SchrittRow } from '../repositories/geschaeftsgang.js';
import type { OrganisationseinheitRow } from '../repositories/organisation.js';
import type { Treffer } from '../repositories/suche.js';
import type { VorgangRow } from '../repositories/vorgaenge.js';
import type { WiedervorlageRow } from '../repositories/wiedervorlagen.js';

type S = components['schemas'];

const zeit = (d: Date) => d.toISOString();

export function akteDarstellung(a: AkteAnsicht): S['Akte'] {
  const r = a.row;
  return {
    id: r.id,
    aktenzeichen: r.aktenzeichen,
    fruehereAktenzeichen: a.frueher,
    aktenplaneinheitId: r.aktenplaneinheitId,
    betreff: r.betreff,
    federfuehrung: r.federfuehrungId,
    vertraulichkeitsstufe: r.vertraulichkeitsstufe,
    medium: r.medium,
    bemerkung: r.bemerkung,
    status: r.status,
    zdaDatum: r.zdaDatum,
    laufzeit: { beginn: r.laufzeitBeginn, ende: r.laufzeitEnde },
    aufbewahrungsfrist: a.frist,
    aufbewahrungsfristGeerbt: a.fristGeerbt,
    aussonderungsart: a.aussonderungsart,
    aufbewahrungBis: r.aufbewahrungBis,
    aussonderungFaelligAb: r.aussonderungFaelligAb,
    aussonderung: a.aussonderung,
    version: r.version,
    erstelltAm: zeit(r.erstelltAm),
    geaendertAm: zeit(r.geaendertAm),
  };
}

export function vorgangDarstellung(v: VorgangRow): S['Vorgang'] {
  return {
    id: v.id,
    akteId: v.akteId,
    aktenzeichen: v.aktenzeichen,
    kennzeichen: v.kennzeichen,
    betreff: v.betreff,
    status: v.status,
    zdaDatum: v.zdaDatum,
    laufzeit: { beginn: v.laufzeitBeginn, ende: v.zdaDatum },
    wiedervorlage: v.wiedervorlage ?? null,
    version: v.version,
    erstelltAm: zeit(v.erstelltAm),
    geaendertAm: zeit(v.geaendertAm),
  };
}

export function wiedervorlageDarstellung(w: WiedervorlageRow, v: VorgangRow): S['Wiedervorlage'] {
  return {
    id: w.id,
    vorgangId: v.id,
    akteId: v.akteId,
    aktenzeichen: v.aktenzeichen,
    kennzeichen: v.kennzeichen,
    betreff: v.betreff,
    datum: w.datum,
    organisationseinheitId: w.organisationseinheitId,
    erledigtAm: w.erledigtAm ? zeit(w.erledigtAm) : null,
    geaendertAm: zeit(w.geaendertAm),
  };
}

export function trefferDarstellung(t: Treffer): S['Suchtreffer'] {
  const relevanz = Number(t.relevanz);
  return {
    typ: t.typ,
    id: t.id,
    akteId: t.akte_id,
    aktenzeichen: t.aktenzeichen,
    akteBetreff: t.akte_betreff,
    kennzeichen: t.kennzeichen,
    betreff: t.betreff,
    status: t.status,
    trefferArt: relevanz >= 2 ? 'aktenzeichen' : relevanz >= 1 ? 'volltext' : 'aehnlich',
    fundstelle: t.fundstelle,
    relevanz,
    ausschnitt: t.ausschnitt ?? null,
  };
}

export const organisationseinheitDarstellung = (o: OrganisationseinheitRow): S['Organisationseinheit'] => ({ id: o.id, kuerzel: o.kuerzel, name: o.name });

const bearbeiter = (sub: string | null, oe: string | null): S['Bearbeiter'] => (sub !== null ? { sub } : { organisationseinheitId: oe! });

const schrittDarstellung = (s: SchrittRow, aufVorversion: ReadonlySet<string>): S['Schritt'] => ({
  id: s.id,
  position: s.position,
  zweig: s.zweig,
  bearbeiter: bearbeiter(s.bearbeiterSub, s.bearbeiterOeId),
  uebernommenVon: s.uebernommenVon,
  aktion: s.aktion,
  frist: s.frist,
  hinweis: s.hinweis,
  zustand: s.zustand,
  votum: s.votum,
  kommentar: s.kommentar,
  erledigtVon: s.erledigtVon,
  erledigtAm: s.erledigtAm ? zeit(s.erledigtAm) : null,
  imAuftragVon: s.imAuftragVon,
  aufVorversion: aufVorversion.has(s.id),
  vorversionGrund: s.vorversionGrund,
});

export function verfuegungDarstellung({ row: v, dokumente, schritte, aufVorversion }: VerfuegungAnsicht): S['Verfuegung'] {
  return {
    id: v.id,
    vorgangId: v.vorgangId,
    betreff: v.betreff,
    verfasser: v.verfasser,
    status: v.status,
    aktuellePosition: v.aktuellePosition,
    dokumente: dokumente.map((d) => ({ dokumentId: d.dokumentId, version: d.versionNr, entwurf: d.entwurf })),
    laufweg: schritte.map((s) => schrittDarstellung(s, new Set(aufVorversion))),
    schlussverfuegung: schlussDarstellung(v),
    version: v.version,
    erstelltAm: zeit(v.erstelltAm),
    geaendertAm: zeit(v.geaendertAm),
  };
}

const schlussDarstellung = (v: VerfuegungAnsicht['row']): S['Verfuegung']['schlussverfuegung'] =>
  v.schlussverfuegung === null ? null : v.schlussverfuegung === 'wv' ? { art: 'wv', datum: v.wiedervorlage! } : { art: v.schlussverfuegung };

/** A Verfügung in the Vorgang's list: its current steps (never on an older version: only done Mitzeichnungen are). */
export function verfuegungUebersichtDarstellung({ row: v, aktuelleSchritte }: VerfuegungUebersicht): S['VerfuegungUebersicht'] {
  return {
    id: v.id,
    vorgangId: v.vorgangId,
    betreff: v.betreff,
    verfasser: v.verfasser,
    status: v.status,
    aktuellePosition: v.aktuellePosition,
    aktuelleSchritte: aktuelleSchritte.map((s) => schrittDarstellung(s, new Set())),
    schlussverfuegung: schlussDarstellung(v),
    version: v.version,
    erstelltAm: zeit(v.erstelltAm),
    geaendertAm: zeit(v.geaendertAm),
  };
}

export const postkorbEintragDarstellung = (p: PostkorbZeile): S['PostkorbEintrag'] => ({
  art: p.art,
  schrittId: p.schritt_id,
  verfuegungId: p.verfuegung_id,
  vorgangId: p.vorgang_id,
  vorgangKennzeichen: p.kennzeichen,
  betreff: p.betreff,
  aktion: p.aktion,
  frist: p.frist,
  ueberfaellig: p.ueberfaellig,
  hinweis: p.hinweis,
  eingangAm: p.eingang_am,
  fuer: bearbeiter(p.fuer_sub, p.fuer_oe),
  absender: p.absender,
  inVertretungFuer: p.in_vertretung_fuer,
});
