// Shared building blocks in KERN UX markup: page frame with heading focus, alerts, fields, loading.
import { createContext, useContext, useEffect, useId, useRef, useState, type InputHTMLAttributes, type ReactNode } from 'react';
import type { ApiFehler } from './fehler';
import { fehlerAnzeige } from './fehler';
import { Link } from './router';
import { T } from './texte';

/** A page: sets the document title and moves focus to the heading after navigation. */
export function Seite({ titel, unterzeile, vorspann, children }: { titel: string; unterzeile?: ReactNode; vorspann?: ReactNode; children: ReactNode }) {
  const h1 = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${titel} – ${T.app.name}`;
    h1.current?.focus();
  }, [titel]);
  return (
    <>
      <div className="kern-hgroup">
        <h1 className="kern-heading-large" tabIndex={-1} ref={h1}>
          {titel}
        </h1>
        {unterzeile && <p className="kern-subline">{unterzeile}</p>}
      </div>
      {/* below the title: at 200 % zoom the title stays on the first screen */}
      {vorspann}
      {children}
    </>
  );
}

export function Fehlermeldung({ fehler, titel, fokussieren }: { fehler?: ApiFehler; titel?: string; fokussieren?: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  // after a failed action the focus would fall to <body> (the button was disabled while it ran)
  useEffect(() => {
    if (fokussieren && fehler) box.current?.focus();
  }, [fokussieren, fehler]);
  if (!fehler) return null;
  const a = fehler.code === 'NETZ' ? { text: T.fehler.netz, tun: '', details: [], felder: [], anfrageId: undefined } : fehlerAnzeige(fehler.problem);
  const details = [...a.details, ...a.felder.map((f) => (f.feld ? `${f.feld}: ${f.text}` : f.text))];
  return (
    <div className="kern-alert kern-alert--danger" role="alert" tabIndex={fokussieren ? -1 : undefined} ref={box}>
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--danger" aria-hidden="true" />
        <span className="kern-title">{titel ?? T.fehler.titel}</span>
      </div>
      <div className="kern-alert__body">
        <p className="kern-body">{a.text}</p>
        {a.tun && <p className="kern-body">{a.tun}</p>}
        {details.length > 0 && (
          <ul className="kern-list">
            {details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        )}
        {a.anfrageId && <p className="kern-body kern-body--small">{T.fehler.anfrageId(a.anfrageId)}</p>}
      </div>
    </div>
  );
}

export function Erfolg({ children }: { children: ReactNode }) {
  return (
    <div className="kern-alert kern-alert--success" role="status">
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--success" aria-hidden="true" />
        <span className="kern-title">{children}</span>
      </div>
    </div>
  );
}

export function Hinweis({ children }: { children: ReactNode }) {
  return (
    <div className="kern-alert kern-alert--info">
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--info" aria-hidden="true" />
        <span className="kern-title">{children}</span>
      </div>
    </div>
  );
}

export function Laedt() {
  return (
    <p className="kern-body" role="status">
      {T.app.laden}
    </p>
  );
}

// A form's field errors, for its fields: by the input's id (checked in the browser) or by the
// field's name in the API (from the problem's field errors). Fields tell the form their id and label.
interface FormularFehler {
  fuer: (id: string, name?: string) => string | undefined;
  felder: Map<string, { id: string; label: string }>;
}
const FormularKontext = createContext<FormularFehler | undefined>(undefined);

function useFeldFehler(id: string, name: string | undefined, label: string) {
  const k = useContext(FormularKontext);
  if (k && name) k.felder.set(name, { id, label });
  return k?.fuer(id, name);
}

function FeldFehlertext({ id, text }: { id: string; text?: string }) {
  if (!text) return null;
  return (
    <p className="kern-error" id={id}>
      <span className="kern-icon kern-icon--danger kern-icon--default" aria-hidden="true" />
      <span className="kern-body">{text}</span>
    </p>
  );
}

const beschrieben = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

export function Feld({ label, hinweis, ...input }: InputHTMLAttributes<HTMLInputElement> & { label: string; hinweis?: string }) {
  const id = useId();
  const fehler = useFeldFehler(id, input.name, label);
  return (
    <div className={`kern-form-input${fehler ? ' kern-form-input--error' : ''}`}>
      <label className="kern-label" htmlFor={id}>
        {label}
      </label>
      {hinweis && (
        <div className="kern-hint" id={`${id}-hinweis`}>
          {hinweis}
        </div>
      )}
      <FeldFehlertext id={`${id}-fehler`} text={fehler} />
      <input className="kern-form-input__input" id={id} aria-invalid={fehler ? true : undefined} aria-describedby={beschrieben(fehler && `${id}-fehler`, hinweis && `${id}-hinweis`)} {...input} />
    </div>
  );
}

export function Auswahl({ label, optionen, ...select }: React.SelectHTMLAttributes<HTMLSelectElement> & { label: string; optionen: { wert: string; text: string }[] }) {
  const id = useId();
  const fehler = useFeldFehler(id, select.name, label);
  return (
    <div className={`kern-form-input${fehler ? ' kern-form-input--error' : ''}`}>
      <label className="kern-label" htmlFor={id}>
        {label}
      </label>
      <FeldFehlertext id={`${id}-fehler`} text={fehler} />
      <div className="kern-form-input__select-wrapper">
        <select className="kern-form-input__select" id={id} aria-invalid={fehler ? true : undefined} aria-describedby={beschrieben(fehler && `${id}-fehler`)} {...select}>
          {optionen.map((o) => (
            <option key={o.wert} value={o.wert}>
              {o.text}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

export function Angaben({ eintraege }: { eintraege: [string, ReactNode][] }) {
  return (
    <dl className="kern-description-list">
      {eintraege.map(([k, v]) => (
        <div className="kern-description-list-item" key={k}>
          <dt className="kern-description-list-item__key">{k}</dt>
          <dd className="kern-description-list-item__value">{v ?? '–'}</dd>
        </div>
      ))}
    </dl>
  );
}

export const datum = (d?: string | null) => (d ? new Date(`${d.slice(0, 10)}T12:00:00Z`).toLocaleDateString('de-DE', { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' }) : '–');
/** Status in the words of the registry: a closed object reads "z.d.A. am …". */
export const statusText = (status: 'offen' | 'geschlossen', zdaDatum: string | null | undefined) =>
  status === 'geschlossen' ? (zdaDatum ? T.orientierung.zdaAm(datum(zdaDatum)) : T.akte.geschlossen) : T.akte.offen;

export interface Krume {
  text: string;
  href?: string;
}

/** Where one is: Aktenplan › unit › Akte › Vorgang › Dokument; the last step is the current page. */
export function Brotkrumen({ teile }: { teile: Krume[] }) {
  return (
    <nav aria-label={T.orientierung.brotkrumen} className="eakte-brotkrumen">
      <ol>
        {teile.map((k, i) => (
          <li key={`${i}-${k.text}`}>
            {i < teile.length - 1 && k.href ? (
              <Link className="kern-link" href={k.href}>
                {k.text}
              </Link>
            ) : (
              <span aria-current={i === teile.length - 1 ? 'page' : undefined}>{k.text}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The calendar day `tage` days after `tag` (YYYY-MM-DD). */
export function tagPlus(tag: string, tage: number): string {
  const d = new Date(`${tag}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + tage);
  return d.toISOString().slice(0, 10);
}
export const zeit = (t?: string | null) => (t ? new Date(t).toLocaleString('de-DE', { timeZone: 'Europe/Berlin' }) : '–');
export function groesse(bytes: number) {
  if (bytes < 1024) return `${bytes} Byte`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toLocaleString('de-DE', { maximumFractionDigits: 1 })} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB`;
}

export interface Spalte<Z> {
  titel: string;
  zelle: (zeile: Z) => ReactNode;
  /** The column sorts by this key (text in German collation, numbers by value). */
  sortWert?: (zeile: Z) => string | number | null | undefined;
  /** The header is read to screen readers only (a column of checkboxes or buttons). */
  verborgen?: boolean;
}

export type Richtung = 'aufsteigend' | 'absteigend';
const VERGLEICH = new Intl.Collator('de-DE', { numeric: true, sensitivity: 'base' });

/** A sorted copy; empty values last. */
export function sortiere<Z>(zeilen: readonly Z[], wert: (z: Z) => string | number | null | undefined, richtung: Richtung): Z[] {
  const f = richtung === 'aufsteigend' ? 1 : -1;
  return [...zeilen].sort((a, b) => {
    const x = wert(a);
    const y = wert(b);
    if (x === null || x === undefined || x === '') return y === null || y === undefined || y === '' ? 0 : 1;
    if (y === null || y === undefined || y === '') return -1;
    return f * (typeof x === 'number' && typeof y === 'number' ? x - y : VERGLEICH.compare(String(x), String(y)));
  });
}

/** A KERN table: caption for screen readers, one header row, one row per entry; columns with a sort key sort on click. */
export function Tabelle<Z>({
  zeilen,
  spalten,
  beschriftung,
  klein,
  schluessel = (z) => (z as { id: string }).id,
}: {
  zeilen: Z[];
  spalten: Spalte<Z>[];
  beschriftung: string;
  klein?: boolean;
  /** The row key; by default the row's id. */
  schluessel?: (zeile: Z) => string | number;
}) {
  const [sortierung, setSortierung] = useState<{ titel: string; richtung: Richtung }>();
  const nach = sortierung && spalten.find((s) => s.titel === sortierung.titel);
  const gezeigt = nach?.sortWert && sortierung ? sortiere(zeilen, nach.sortWert, sortierung.richtung) : zeilen;
  const klick = (titel: string) => setSortierung((alt) => ({ titel, richtung: alt?.titel === titel && alt.richtung === 'aufsteigend' ? 'absteigend' : 'aufsteigend' }));
  return (
    <div className="kern-table-responsive">
      <table className={klein ? 'kern-table kern-table--small' : 'kern-table'}>
        <caption className="kern-sr-only">{beschriftung}</caption>
        <thead className="kern-table__header">
          <tr className="kern-table__row">
            {spalten.map((s) =>
              s.sortWert ? (
                <th key={s.titel} scope="col" className="kern-table__header" aria-sort={sortierung?.titel === s.titel ? (sortierung.richtung === 'aufsteigend' ? 'ascending' : 'descending') : 'none'}>
                  <button type="button" className="eakte-sortieren" onClick={() => klick(s.titel)}>
                    {s.titel}
                  </button>
                </th>
              ) : (
                <th key={s.titel} scope="col" className="kern-table__header">
                  {s.verborgen ? <span className="kern-sr-only">{s.titel}</span> : s.titel}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {gezeigt.map((z) => (
            <tr className="kern-table__row" key={schluessel(z)}>
              {spalten.map((s) => (
                <td key={s.titel} className="kern-table__cell">
                  {s.zelle(z)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface Eintrag {
  /** the field's id: the summary links to it */
  id?: string;
  label: string;
  text: string;
}

/** Required fields left empty (or a date the browser cannot read, a malformed e-mail address), checked before anything is sent. */
function pruefePflicht(form: HTMLFormElement): Eintrag[] {
  const l: Eintrag[] = [];
  for (const el of [...form.elements]) {
    if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) || el.disabled) continue;
    const label = el.labels?.[0]?.textContent?.trim() ?? el.name;
    if (el instanceof HTMLInputElement && el.validity.badInput) l.push({ id: el.id, label, text: el.type === 'date' ? T.formular.datum : T.formular.ungueltig });
    // an address without "@" is said before anything is sent
    else if (el instanceof HTMLInputElement && el.type === 'email' && el.value.trim() && el.validity.typeMismatch) l.push({ id: el.id, label, text: T.formular.email });
    // a search field (PersonWahl) with text typed but no hit picked
    else if (el instanceof HTMLInputElement && el.dataset.ungewaehlt === 'ja') l.push({ id: el.id, label, text: T.person.nichtGewaehlt });
    else if (el.required && (el instanceof HTMLInputElement && el.type === 'checkbox' ? !el.checked : !el.value.trim())) l.push({ id: el.id, label, text: T.formular.pflichtFehlt });
  }
  return l;
}

/** KERN's error summary: what to correct, each linked to its field; takes the focus when it appears. */
function Zusammenfassung({ eintraege, runde }: { eintraege: Eintrag[]; runde: number }) {
  const box = useRef<HTMLDivElement>(null);
  const titelId = useId();
  useEffect(() => box.current?.focus(), [runde]);
  return (
    <div className="kern-alert kern-alert--danger" role="alert" tabIndex={-1} ref={box} aria-labelledby={titelId}>
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--danger" aria-hidden="true" />
        <span className="kern-title" id={titelId}>
          {T.formular.zusammenfassung}
        </span>
      </div>
      <div className="kern-alert__body">
        <p className="kern-body">{T.formular.zusammenfassungText(eintraege.length)}</p>
        <ul className="kern-list">
          {eintraege.map((e) => (
            <li key={`${e.id ?? e.label}`}>
              {e.id ? (
                <a
                  className="kern-link"
                  href={`#${e.id}`}
                  onClick={(ev) => {
                    ev.preventDefault();
                    document.getElementById(e.id!)?.focus();
                  }}
                >
                  {e.label}: {e.text}
                </a>
              ) : (
                `${e.label}: ${e.text}`
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/**
 * A form that runs one action (KERN's form-error pattern): required fields are checked here, not by the
 * browser's bubble; errors stand at their fields (aria-invalid, aria-describedby) and in a summary that
 * takes the focus; other problems are shown before the submit button and take the focus too.
 */
export function Formular({
  aktion,
  knopf,
  zweitrangig,
  pruefen,
  children,
}: {
  aktion: { ausfuehren: () => Promise<unknown>; laeuft: boolean; fehler?: ApiFehler; setFehler?: (f?: ApiFehler) => void };
  knopf: string;
  zweitrangig?: boolean;
  /** checks beyond required fields (a choice among radio groups), shown like them */
  pruefen?: () => Eintrag[];
  children: ReactNode;
}) {
  const [pflicht, setPflicht] = useState<Eintrag[]>([]);
  const [runde, setRunde] = useState(0);
  const felder = useRef(new Map<string, { id: string; label: string }>()).current;
  const apiFelder = aktion.fehler && aktion.fehler.code !== 'NETZ' ? fehlerAnzeige(aktion.fehler.problem).felder : [];
  const eintraege: Eintrag[] = pflicht.length
    ? pflicht
    : apiFelder.map((f) => {
        // a field of one row of a list is named by its whole pointer (`vertreter/1/sub`)
        const x = (f.pfad ? felder.get(f.pfad) : undefined) ?? felder.get(f.feld);
        return { id: x?.id, label: x?.label ?? f.feld, text: f.text };
      });
  const nachId = new Map(eintraege.filter((e) => e.id).map((e) => [e.id!, e.text]));
  const apiNachName = new Map(pflicht.length ? [] : apiFelder.flatMap((f) => [[f.feld, f.text] as const, ...(f.pfad ? [[f.pfad, f.text] as const] : [])]));
  useEffect(() => {
    if (aktion.fehler) setRunde((r) => r + 1);
  }, [aktion.fehler]);
  return (
    <form
      className="eakte-formular"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const fehlend = [...(pruefen?.() ?? []), ...pruefePflicht(e.currentTarget)];
        setPflicht(fehlend);
        if (fehlend.length) {
          aktion.setFehler?.(undefined);
          setRunde((r) => r + 1);
        } else void aktion.ausfuehren();
      }}
    >
      {eintraege.length > 0 && <Zusammenfassung eintraege={eintraege} runde={runde} />}
      <FormularKontext.Provider value={{ fuer: (id, name) => nachId.get(id) ?? (name ? apiNachName.get(name) : undefined), felder }}>{children}</FormularKontext.Provider>
      {eintraege.length === 0 && <Fehlermeldung fehler={aktion.fehler} fokussieren />}
      <div className="eakte-knoepfe">
        <button className={`kern-btn kern-btn--${zweitrangig ? 'secondary' : 'primary'}`} type="submit" disabled={aktion.laeuft}>
          <span className="kern-label">{knopf}</span>
        </button>
      </div>
    </form>
  );
}

/**
 * The filter form above a table: its fields edit a draft, "Filtern" applies it (one request, not one
 * per keystroke). Shared by every filtered table.
 */
export function FilterFormular<F>({
  beschriftung,
  filter,
  setFilter,
  children,
}: {
  beschriftung: string;
  filter: F;
  setFilter: (f: F) => void;
  children: (f: F, aendern: (neu: Partial<F>) => void) => ReactNode;
}) {
  const [f, setF] = useState(filter);
  return (
    <form
      className="eakte-formular eakte-filter"
      aria-label={beschriftung}
      onSubmit={(e) => {
        e.preventDefault();
        setFilter(f);
      }}
    >
      {children(f, (neu) => setF((alt) => ({ ...alt, ...neu })))}
      <div className="eakte-knoepfe">
        <button className="kern-btn kern-btn--secondary" type="submit">
          <span className="kern-label">{T.einheit.filtern}</span>
        </button>
      </div>
    </form>
  );
}
