// Shared building blocks in KERN UX markup: page frame with heading focus, alerts, fields, loading.
import { useEffect, useId, useRef, type InputHTMLAttributes, type ReactNode } from 'react';
import type { ApiFehler } from './fehler';
import { fehlerAnzeige } from './fehler';
import { T } from './texte';

/** A page: sets the document title and moves focus to the heading after navigation. */
export function Seite({ titel, unterzeile, children }: { titel: string; unterzeile?: ReactNode; children: ReactNode }) {
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
      {children}
    </>
  );
}

export function Fehlermeldung({ fehler, titel }: { fehler?: ApiFehler; titel?: string }) {
  if (!fehler) return null;
  const a = fehler.code === 'NETZ' ? { text: T.fehler.netz, tun: '', details: [], anfrageId: undefined } : fehlerAnzeige(fehler.problem);
  return (
    <div className="kern-alert kern-alert--danger" role="alert">
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--danger" aria-hidden="true" />
        <span className="kern-title">{titel ?? T.fehler.titel}</span>
      </div>
      <div className="kern-alert__body">
        <p className="kern-body">{a.text}</p>
        {a.tun && <p className="kern-body">{a.tun}</p>}
        {a.details.length > 0 && (
          <ul className="kern-list">
            {a.details.map((d) => (
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

export function Feld({ label, hinweis, ...input }: InputHTMLAttributes<HTMLInputElement> & { label: string; hinweis?: string }) {
  const id = useId();
  return (
    <div className="kern-form-input">
      <label className="kern-label" htmlFor={id}>
        {label}
      </label>
      {hinweis && (
        <div className="kern-hint" id={`${id}-hinweis`}>
          {hinweis}
        </div>
      )}
      <input className="kern-form-input__input" id={id} aria-describedby={hinweis ? `${id}-hinweis` : undefined} {...input} />
    </div>
  );
}

export function Auswahl({ label, optionen, ...select }: React.SelectHTMLAttributes<HTMLSelectElement> & { label: string; optionen: { wert: string; text: string }[] }) {
  const id = useId();
  return (
    <div className="kern-form-input">
      <label className="kern-label" htmlFor={id}>
        {label}
      </label>
      <div className="kern-form-input__select-wrapper">
        <select className="kern-form-input__select" id={id} {...select}>
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
export const zeit = (t?: string | null) => (t ? new Date(t).toLocaleString('de-DE', { timeZone: 'Europe/Berlin' }) : '–');
export function groesse(bytes: number) {
  if (bytes < 1024) return `${bytes} Byte`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toLocaleString('de-DE', { maximumFractionDigits: 1 })} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB`;
}

export interface Spalte<Z> {
  titel: string;
  zelle: (zeile: Z) => ReactNode;
}

/** A KERN table: caption for screen readers, one header row, one row per entry. */
export function Tabelle<Z extends { id: string }>({ zeilen, spalten, beschriftung }: { zeilen: Z[]; spalten: Spalte<Z>[]; beschriftung: string }) {
  return (
    <div className="kern-table-responsive">
      <table className="kern-table">
        <caption className="kern-sr-only">{beschriftung}</caption>
        <thead className="kern-table__header">
          <tr className="kern-table__row">
            {spalten.map((s) => (
              <th key={s.titel} scope="col" className="kern-table__header">
                {s.titel}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {zeilen.map((z) => (
            <tr className="kern-table__row" key={z.id}>
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

/** A form that runs one action: its problem shown before the submit button, the button locked while it runs. */
export function Formular({ aktion, knopf, zweitrangig, children }: { aktion: { ausfuehren: () => Promise<unknown>; laeuft: boolean; fehler?: ApiFehler }; knopf: string; zweitrangig?: boolean; children: ReactNode }) {
  return (
    <form
      className="eakte-formular"
      onSubmit={(e) => {
        e.preventDefault();
        void aktion.ausfuehren();
      }}
    >
      {children}
      <Fehlermeldung fehler={aktion.fehler} />
      <div className="eakte-knoepfe">
        <button className={`kern-btn kern-btn--${zweitrangig ? 'secondary' : 'primary'}`} type="submit" disabled={aktion.laeuft}>
          <span className="kern-label">{knopf}</span>
        </button>
      </div>
    </form>
  );
}
