// Drop zone for several files at once, each uploaded with its own progress bar (XHR upload events).
import { useId, useRef, useState } from 'react';
import { alsFehler } from './api';
import { aktuelleSitzung } from './auth';
import type { ApiFehler } from './fehler';
import { T } from './texte';
import { Fehlermeldung } from './ui';
import { hochladen, prozent } from './upload';

interface Eintrag {
  schluessel: string;
  name: string;
  prozent: number;
  fertig: boolean;
  fehler?: ApiFehler;
}

export function Ablage<R>({
  titel,
  mehrere,
  url,
  formular,
  fertig,
}: {
  titel: string;
  mehrere: boolean;
  url: string;
  /** The multipart body for one file (metadata fields first, the file last). */
  formular: (datei: File) => FormData;
  fertig: (r: R, datei: File) => void;
}) {
  const [eintraege, setEintraege] = useState<Eintrag[]>([]);
  const [ueber, setUeber] = useState(false);
  const eingabe = useRef<HTMLInputElement>(null);
  const id = useId();
  const aendern = (schluessel: string, e: Partial<Eintrag>) => setEintraege((l) => l.map((x) => (x.schluessel === schluessel ? { ...x, ...e } : x)));

  const starten = async (dateien: File[]) => {
    const neu = dateien.map((d) => ({ datei: d, schluessel: crypto.randomUUID() }));
    setEintraege((l) => [...neu.map((n) => ({ schluessel: n.schluessel, name: n.datei.name, prozent: 0, fertig: false })), ...l]);
    // two at a time: parallel enough for many small files, and a large one does not starve the rest
    const warteschlange = [...neu];
    const arbeiter = async () => {
      for (let n = warteschlange.shift(); n; n = warteschlange.shift()) {
        const { datei, schluessel } = n;
        try {
          const r = await hochladen<R>({
            url,
            token: aktuelleSitzung()?.token ?? '',
            formular: formular(datei),
            beiFortschritt: (f) => aendern(schluessel, { prozent: prozent(f) }),
          });
          aendern(schluessel, { prozent: 100, fertig: true });
          fertig(r, datei);
        } catch (e) {
          aendern(schluessel, { fehler: alsFehler(e) });
        }
      }
    };
    await Promise.all([arbeiter(), arbeiter()]);
  };

  const laufend = eintraege.filter((e) => !e.fertig && !e.fehler).length;
  return (
    <section aria-labelledby={`${id}-titel`}>
      <h2 id={`${id}-titel`} className="kern-heading-medium">
        {titel}
      </h2>
      <div
        className={`eakte-ablage${ueber ? ' eakte-ablage--aktiv' : ''}`}
        data-testid="ablage"
        onDragOver={(e) => {
          e.preventDefault();
          setUeber(true);
        }}
        onDragLeave={() => setUeber(false)}
        onDrop={(e) => {
          e.preventDefault();
          setUeber(false);
          const dateien = [...e.dataTransfer.files];
          if (dateien.length) void starten(mehrere ? dateien : dateien.slice(0, 1));
        }}
      >
        <p className="kern-body">{T.upload.zone}</p>
        {mehrere && <p className="kern-body kern-body--small">{T.upload.hinweis}</p>}
        <input
          ref={eingabe}
          id={`${id}-datei`}
          className="kern-sr-only eakte-datei"
          type="file"
          multiple={mehrere}
          onChange={(e) => {
            const dateien = [...(e.target.files ?? [])];
            e.target.value = '';
            if (dateien.length) void starten(dateien);
          }}
        />
        <label className="kern-btn kern-btn--secondary" htmlFor={`${id}-datei`}>
          <span className="kern-icon kern-icon--drive-folder-upload" aria-hidden="true" />
          <span className="kern-label">{T.upload.auswaehlen}</span>
        </label>
      </div>
      <p className="kern-sr-only" role="status">
        {laufend > 0 ? T.upload.laeuft(laufend) : ''}
      </p>
      {eintraege.length > 0 && (
        <ul className="eakte-upload" aria-label={T.upload.liste}>
          {eintraege.map((e) => (
            // a refused file shows no bar: the bytes went out, but nothing was stored
            <li key={e.schluessel} className={e.fehler ? 'eakte-upload__fehler' : 'kern-progress'}>
              {e.fehler ? (
                <Fehlermeldung fehler={e.fehler} titel={T.upload.fehler(e.name)} />
              ) : (
                <>
                  <label className="kern-label" htmlFor={`${e.schluessel}-p`}>
                    {e.fertig ? T.upload.fertig(e.name) : T.upload.fortschritt(e.name)}
                  </label>
                  <progress id={`${e.schluessel}-p`} max={100} value={e.prozent}>
                    {e.prozent} %
                  </progress>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
