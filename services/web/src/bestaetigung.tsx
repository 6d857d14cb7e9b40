// A modal confirmation before an action that cannot be taken back (z.d.A., destruction, refusal):
// it names what will happen, and the action runs only on the explicit second click.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { ApiFehler } from './fehler';
import { T } from './texte';
import { Fehlermeldung } from './ui';

export function Bestaetigung({
  titel,
  knopf,
  aktion,
  abbrechen,
  bereit = true,
  children,
}: {
  titel: string;
  knopf: string;
  aktion: { ausfuehren: () => Promise<unknown>; laeuft: boolean; fehler?: ApiFehler };
  abbrechen: () => void;
  /** False while a required field of the dialog is empty. */
  bereit?: boolean;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="kern-dialog"
      aria-labelledby={`${id}-titel`}
      aria-describedby={`${id}-text`}
      onCancel={(e) => {
        e.preventDefault();
        abbrechen();
      }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void aktion.ausfuehren();
        }}
      >
        <header className="kern-dialog__header">
          <h2 id={`${id}-titel`} className="kern-heading-medium">
            {titel}
          </h2>
        </header>
        <div className="kern-dialog__body" id={`${id}-text`}>
          {children}
          <Fehlermeldung fehler={aktion.fehler} />
        </div>
        <footer className="kern-dialog__footer eakte-knoepfe">
          <button className="kern-btn kern-btn--secondary" type="button" onClick={abbrechen}>
            <span className="kern-label">{T.bestaetigung.abbrechen}</span>
          </button>
          <button className="kern-btn kern-btn--primary" type="submit" disabled={!bereit || aktion.laeuft}>
            <span className="kern-label">{knopf}</span>
          </button>
        </footer>
      </form>
    </dialog>
  );
}
