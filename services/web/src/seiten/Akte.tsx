// One Akte: tabs for overview (metadata, z.d.A.), Vorgänge (list, new Vorgang) and history (Protokoll).
import type { Schemas } from '@eakte/api-client';
import { useState, type KeyboardEvent } from 'react';
import { api, ergebnis, useAktion, useLaden } from '../api';
import type { Sitzung } from '../auth';
import { Bestaetigung } from '../bestaetigung';
import { pfad } from '../pfade';
import { aenderungText } from '@eakte/platform/protokoll-texte';
import { darf, darfFeld } from '../rechte';
import { Link, navigieren, useOrt } from '../router';
import { T } from '../texte';
import { heute } from '../upload';
import { Angaben, Auswahl, Erfolg, Feld, Formular, Hinweis, Seite, datum, statusText } from '../ui';
import { fristText } from './Aktenplan';
import { FristFeld, fristAusFeld } from './Einheit';
import { Geladen } from './Laden';
import { Loeschsperren } from './Loeschsperren';
import { Pfadleiste } from './Pfadleiste';
import { ProtokollTabelle } from './Pruefung';
import { GefilterteVorgaenge } from './Vorgaenge';
import { DokumentListe } from './Vorgang';

const ALLE_REITER = ['uebersicht', 'vorgaenge', 'dokumente', 'historie', 'loeschsperren'] as const;
type Reiter = (typeof ALLE_REITER)[number];
const reiterText: Record<Reiter, string> = {
  uebersicht: T.akte.tabUebersicht,
  vorgaenge: T.akte.tabVorgaenge,
  dokumente: T.akte.tabDokumente,
  historie: T.akte.tabHistorie,
  loeschsperren: T.loeschsperre.reiter,
};

function Reiterleiste({ aktiv, setAktiv, REITER }: { aktiv: Reiter; setAktiv: (r: Reiter) => void; REITER: readonly Reiter[] }) {
  // WAI-ARIA tabs: arrow keys move between tabs, only the active one is in the tab order
  const taste = (e: KeyboardEvent) => {
    const i = REITER.indexOf(aktiv);
    const n = e.key === 'ArrowRight' ? (i + 1) % REITER.length : e.key === 'ArrowLeft' ? (i + REITER.length - 1) % REITER.length : -1;
    if (n < 0) return;
    e.preventDefault();
    setAktiv(REITER[n]!);
    document.getElementById(`reiter-${REITER[n]}`)?.focus();
  };
  return (
    <div role="tablist" aria-label={T.akte.reiter} className="eakte-reiter" onKeyDown={taste}>
      {REITER.map((r) => (
        <button
          key={r}
          id={`reiter-${r}`}
          role="tab"
          type="button"
          className="kern-btn kern-btn--tertiary"
          aria-selected={aktiv === r}
          aria-controls={`tafel-${r}`}
          tabIndex={aktiv === r ? 0 : -1}
          onClick={() => setAktiv(r)}
        >
          <span className="kern-label">{reiterText[r]}</span>
        </button>
      ))}
    </div>
  );
}

/** The active Löschsperren of an Akte, for those who may see them. */
function AktiveSperren({ akteId }: { akteId: string }) {
  const l = useLaden(() => ergebnis(api.GET('/loeschsperren', { params: { query: { akte: akteId, limit: 100 } } })), [akteId]);
  const aktiv = (l.daten?.items ?? []).filter((s) => s.aktiv);
  if (aktiv.length === 0) return null;
  return (
    <Hinweis>
      {T.orientierung.sperreAktiv(aktiv.length)} {aktiv.map((s) => `${s.bezeichnung} (${s.grund})`).join('; ')}
    </Hinweis>
  );
}

/** The unit of an Akte, linked, by its Kennzeichen and title. */
function EinheitVerweis({ id }: { id: string }) {
  const e = useLaden(() => ergebnis(api.GET('/aktenplan/einheiten/{id}', { params: { path: { id } } })), [id]);
  return (
    <Link className="kern-link" href={pfad('einheit', { id })}>
      {e.daten ? `${e.daten.kennzeichen} ${e.daten.titel}` : T.orientierung.einheit}
    </Link>
  );
}

/** The Federführung by its short name and name (the list of org units is small). */
function Federfuehrung({ id }: { id: string }) {
  const l = useLaden(() => ergebnis(api.GET('/organisationseinheiten')), []);
  const oe = l.daten?.items.find((o) => o.id === id);
  return <>{oe ? `${oe.kuerzel} – ${oe.name}` : l.laedt ? T.app.laden : id}</>;
}

export function Uebersicht({ akte, sitzung, geaendert }: { akte: Schemas['Akte']; sitzung: Sitzung; geaendert: () => void }) {
  const [zdaDatum, setZdaDatum] = useState('');
  const [erfolg, setErfolg] = useState(false);
  const [frage, setFrage] = useState(false);
  const zda = useAktion(async () => {
    await ergebnis(api.POST('/akten/{id}/zda', { params: { path: { id: akte.id } }, body: zdaDatum ? { datum: zdaDatum } : {} }));
    setFrage(false);
    setErfolg(true);
    geaendert();
  });
  // the form only asks; the dialog names what will happen and orders it
  const fragen = { ausfuehren: async () => setFrage(true), laeuft: zda.laeuft };
  return (
    <>
      {darf(sitzung.rollen, 'loeschsperren') && <AktiveSperren akteId={akte.id} />}
      <Angaben
        eintraege={[
          [T.akte.aktenzeichen, akte.aktenzeichen],
          [T.akte.betreff, akte.betreff],
          [T.orientierung.einheit, <EinheitVerweis id={akte.aktenplaneinheitId} />],
          [T.einheit.federfuehrung, akte.federfuehrung ? <Federfuehrung id={akte.federfuehrung} /> : null],
          [T.akte.status, statusText(akte.status, akte.zdaDatum)],
          [T.akte.laufzeit, `${datum(akte.laufzeit.beginn)} – ${akte.laufzeit.ende ? datum(akte.laufzeit.ende) : ''}`],
          [T.akte.vertraulichkeit, T.akte.stufen[akte.vertraulichkeitsstufe] ?? akte.vertraulichkeitsstufe],
          [T.akte.frist, fristText(akte.aufbewahrungsfrist)],
          [T.akte.art, akte.aussonderungsart ? T.akte.arten[akte.aussonderungsart] : '–'],
          [T.akte.zdaDatum, datum(akte.zdaDatum)],
          [T.akte.aufbewahrungBis, datum(akte.aufbewahrungBis)],
          [T.akte.faelligAb, datum(akte.aussonderungFaelligAb)],
          ...(akte.aussonderung ? ([[T.akte.aussonderung, `${akte.aussonderung.status}${akte.aussonderung.archivkennung ? ` (${akte.aussonderung.archivkennung})` : ''}`]] as [string, string][]) : []),
        ]}
      />
      {erfolg && <Erfolg>{T.akte.zdaErfolg}</Erfolg>}
      {sitzung.rollen.includes('registratur') && <Aufbewahrung akte={akte} geaendert={geaendert} />}
      {akte.status === 'offen' && (
        <section aria-labelledby="zda-titel">
          <h2 id="zda-titel" className="kern-heading-medium">
            {T.akte.zda}
          </h2>
          <p className="kern-body">{T.akte.zdaHinweis}</p>
          <Formular aktion={fragen} knopf={T.akte.zda} zweitrangig>
            {darfFeld(sitzung.rollen, 'zdaDatum') && <Feld label={T.akte.zdaDatumLabel} name="datum" type="date" value={zdaDatum} onChange={(e) => setZdaDatum(e.target.value)} />}
          </Formular>
          {frage && (
            <Bestaetigung titel={T.bestaetigung.zdaAkteTitel} knopf={T.bestaetigung.zdaAkteKnopf} aktion={zda} abbrechen={() => setFrage(false)}>
              <p className="kern-body">{T.bestaetigung.zdaAkte(akte.aktenzeichen, zdaDatum ? datum(zdaDatum) : null)}</p>
            </Bestaetigung>
          )}
        </section>
      )}
    </>
  );
}

/** Registratur: the Akte's own retention (Frist, Aussonderungsart) or the unit's inherited one. */
function Aufbewahrung({ akte, geaendert }: { akte: Schemas['Akte']; geaendert: () => void }) {
  const geerbt = akte.aufbewahrungsfristGeerbt !== false;
  const [frist, setFrist] = useState(geerbt || akte.aufbewahrungsfrist === null || akte.aufbewahrungsfrist === 'unbefristet' ? '' : String(akte.aufbewahrungsfrist));
  const [unbefristet, setUnbefristet] = useState(!geerbt && akte.aufbewahrungsfrist === 'unbefristet');
  const [art, setArt] = useState<string>(geerbt ? '' : (akte.aussonderungsart ?? ''));
  const [grund, setGrund] = useState('');
  const [ok, setOk] = useState(false);
  const speichern = useAktion(async () => {
    const body = {
      aufbewahrungsfrist: fristAusFeld(frist, unbefristet),
      aussonderungsart: (art || null) as 'A' | 'B' | 'V' | null,
      ...(grund.trim() ? { grund: grund.trim() } : {}),
    };
    await ergebnis(api.PATCH('/akten/{id}', { params: { path: { id: akte.id }, header: { 'If-Match': `"${akte.version}"` } }, body }));
    setOk(true);
    geaendert();
  });
  return (
    <section aria-labelledby="aufbewahrung-titel">
      <h2 id="aufbewahrung-titel" className="kern-heading-medium">
        {T.aufbewahrung.titel}
      </h2>
      <p className="kern-body">{T.aufbewahrung.hinweis}</p>
      {ok && <Erfolg>{T.aufbewahrung.gespeichert}</Erfolg>}
      <Formular aktion={speichern} knopf={T.aufbewahrung.speichern} zweitrangig>
        <FristFeld frist={frist} setFrist={setFrist} unbefristet={unbefristet} setUnbefristet={setUnbefristet} unbefristetId="unbefristet" />
        <Auswahl
          label={T.aufbewahrung.art}
          value={art}
          onChange={(e) => setArt(e.target.value)}
          optionen={[{ wert: '', text: T.aufbewahrung.erben }, ...['A', 'B', 'V'].map((w) => ({ wert: w, text: T.akte.arten[w]! }))]}
        />
        <Feld label={T.aufbewahrung.grund} name="grund" maxLength={1000} required={akte.status === 'geschlossen'} value={grund} onChange={(e) => setGrund(e.target.value)} />
      </Formular>
    </section>
  );
}

function Vorgaenge({ akte }: { akte: Schemas['Akte'] }) {
  const liste = useLaden(() => ergebnis(api.GET('/akten/{id}/vorgaenge', { params: { path: { id: akte.id }, query: { limit: 200 } } })), [akte.id]);
  const [betreff, setBetreff] = useState('');
  const [wiedervorlage, setWiedervorlage] = useState('');
  const anlegen = useAktion(async () => {
    const v = await ergebnis(api.POST('/akten/{id}/vorgaenge', { params: { path: { id: akte.id } }, body: { betreff: betreff.trim(), ...(wiedervorlage ? { wiedervorlage } : {}) } }));
    navigieren(pfad('vorgang', { id: v.id }));
  });
  return (
    <>
      <Geladen l={liste}>{(d) => (d.items.length ? <GefilterteVorgaenge vorgaenge={d.items} beschriftung={T.akte.vorgaenge} /> : <p className="kern-body">{T.akte.keineVorgaenge}</p>)}</Geladen>
      {akte.status === 'offen' && (
        <section aria-labelledby="neuer-vorgang">
          <h2 id="neuer-vorgang" className="kern-heading-medium">
            {T.akte.neuerVorgang}
          </h2>
          <Formular aktion={anlegen} knopf={T.akte.vorgangAnlegen}>
            <Feld label={T.einheit.betreff} name="betreff" required maxLength={500} value={betreff} onChange={(e) => setBetreff(e.target.value)} />
            <Feld
              label={T.akte.wiedervorlage}
              hinweis={T.meineWiedervorlage.hinweis}
              name="wiedervorlage"
              type="date"
              min={heute()}
              value={wiedervorlage}
              onChange={(e) => setWiedervorlage(e.target.value)}
            />
          </Formular>
        </section>
      )}
    </>
  );
}

/** The Dokumente of one Vorgang, loaded when it is opened. */
function DokumenteDesVorgangs({ vorgang }: { vorgang: Schemas['Vorgang'] }) {
  const d = useLaden(() => ergebnis(api.GET('/vorgaenge/{id}/dokumente', { params: { path: { id: vorgang.id }, query: { limit: 200 } } })), [vorgang.id]);
  return (
    <Geladen l={d}>
      {(s) => (
        <>
          {s.items.length ? <DokumentListe dokumente={s.items} beschriftung={T.akte.dokumenteVon(vorgang.kennzeichen)} /> : <p className="kern-body">{T.akte.keineDokumente}</p>}
          {s.nextCursor && (
            <p className="kern-body">
              <Link className="kern-link" href={pfad('vorgang', { id: vorgang.id })}>
                {T.akte.alleDokumente(vorgang.kennzeichen)}
              </Link>
            </p>
          )}
        </>
      )}
    </Geladen>
  );
}

/** Up to this many Vorgänge are shown open at once (one request each); more start folded. */
export const OFFEN_BIS = 3;

/** The Vorgänge open when the tab is shown: all of them when there are few, else none. */
export function anfangsOffen(vorgaenge: readonly { id: string }[]): Set<string> {
  return new Set(vorgaenge.length <= OFFEN_BIS ? vorgaenge.map((v) => v.id) : []);
}

/** The Vorgänge, each opening to its Dokumente. */
export function VorgaengeMitDokumenten({ vorgaenge }: { vorgaenge: Schemas['Vorgang'][] }) {
  const [offen, setOffen] = useState<Set<string>>(() => anfangsOffen(vorgaenge));
  return (
    <>
      {vorgaenge.map((v) => (
        <details
          key={v.id}
          className="eakte-aufklapp"
          open={offen.has(v.id)}
          onToggle={(e) => {
            const auf = e.currentTarget.open;
            setOffen((o) => {
              const n = new Set(o);
              if (auf) n.add(v.id);
              else n.delete(v.id);
              return n;
            });
          }}
        >
          <summary className="kern-body">{T.akte.vorgangZeile(v.kennzeichen, v.betreff)}</summary>
          {offen.has(v.id) && <DokumenteDesVorgangs vorgang={v} />}
        </details>
      ))}
    </>
  );
}

/** The Dokumente of the Akte, by Vorgang: a few Vorgänge are open at once, more open one by one. */
function Dokumente({ akteId }: { akteId: string }) {
  const liste = useLaden(() => ergebnis(api.GET('/akten/{id}/vorgaenge', { params: { path: { id: akteId }, query: { limit: 200 } } })), [akteId]);
  return <Geladen l={liste}>{(d) => (d.items.length ? <VorgaengeMitDokumenten vorgaenge={d.items} /> : <p className="kern-body">{T.akte.keineVorgaenge}</p>)}</Geladen>;
}

function Historie({ akteId }: { akteId: string }) {
  const h = useLaden(() => ergebnis(api.GET('/akten/{id}/historie', { params: { path: { id: akteId }, query: { limit: 200 } } })), [akteId]);
  return (
    <Geladen l={h}>
      {(d) =>
        d.items.length ? (
          <ProtokollTabelle
            ereignisse={d.items}
            beschriftung={T.akte.tabHistorie}
            hinten={[{ titel: T.akte.historieAenderungen, zelle: (e) => (e.aenderungen ?? []).map(aenderungText).join('; ') || '–' }]}
          />
        ) : (
          <p className="kern-body">{T.akte.keineHistorie}</p>
        )
      }
    </Geladen>
  );
}

export function Akte({ id, sitzung }: { id: string; sitzung: Sitzung }) {
  const { suche } = useOrt();
  const sperrenSichtbar = darf(sitzung.rollen, 'loeschsperren');
  const REITER = ALLE_REITER.filter((r) => r !== 'loeschsperren' || sperrenSichtbar);
  const [aktiv, setAktivState] = useState<Reiter>((REITER as readonly string[]).includes(suche.get('reiter') ?? '') ? (suche.get('reiter') as Reiter) : 'uebersicht');
  const setAktiv = (r: Reiter) => {
    setAktivState(r);
    history.replaceState(null, '', `${pfad('akte', { id })}${r === 'uebersicht' ? '' : `?reiter=${r}`}`);
  };
  const akte = useLaden(() => ergebnis(api.GET('/akten/{id}', { params: { path: { id } } })), [id]);
  return (
    <Geladen l={akte}>
      {(a) => (
        <Seite titel={`Akte ${a.aktenzeichen}`} unterzeile={a.betreff} vorspann={<Pfadleiste akte={a} />}>
          <Reiterleiste aktiv={aktiv} setAktiv={setAktiv} REITER={REITER} />
          <div role="tabpanel" id={`tafel-${aktiv}`} aria-labelledby={`reiter-${aktiv}`} tabIndex={0}>
            {aktiv === 'uebersicht' && <Uebersicht akte={a} sitzung={sitzung} geaendert={akte.neuLaden} />}
            {aktiv === 'vorgaenge' && <Vorgaenge akte={a} />}
            {aktiv === 'dokumente' && <Dokumente akteId={a.id} />}
            {aktiv === 'historie' && <Historie akteId={a.id} />}
            {aktiv === 'loeschsperren' && <Loeschsperren akteId={a.id} darfAendern={sitzung.rollen.includes('registratur')} />}
          </div>
        </Seite>
      )}
    </Geladen>
  );
}
