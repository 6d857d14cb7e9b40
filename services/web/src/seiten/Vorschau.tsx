// The preview and the OCR state of a version on the Dokument page. The page image is a rendition of
// the version, loaded with the token like the content (and audited like a read of it); while it is
// being made, or when the server lacks the programs, the state says so with the server's text.
import type { Schemas } from '@eakte/api-client';
import { useEffect, useState } from 'react';
import { inhaltLaden } from '../api';
import type { ApiFehler } from '../fehler';
import { T } from '../texte';
import { Fehlermeldung, Hinweis } from '../ui';

type Version = Schemas['DokumentVersion'];

export const formatUrl = (id: string, nr: number, art: string) => `/api/v1/dokumente/${encodeURIComponent(id)}/versionen/${nr}/formate/${art}/inhalt`;

function Zustand({ text, meldung }: { text: string; meldung?: string }) {
  return (
    <Hinweis>
      {text}
      {meldung ? ` ${meldung}` : ''}
    </Hinweis>
  );
}

/** The OCR state of a scan (absent for every other version). */
export function OcrStand({ ocr }: { ocr: NonNullable<Version['ocr']> }) {
  const text = ocr.status === 'fertig' ? T.vorschau.ocr.fertig(ocr.seiten ?? 1) : T.vorschau.ocr[ocr.status];
  return (
    <section aria-labelledby="ocr-titel">
      <h2 id="ocr-titel" className="kern-heading-medium">
        {T.vorschau.ocrTitel}
      </h2>
      <Zustand text={text} {...(ocr.status === 'fehler' || ocr.status === 'nicht_verfuegbar' ? { meldung: ocr.meldung } : {})} />
    </section>
  );
}

/** The first page of the version as an image, and for an Office document its PDF to read. */
export function Vorschau({ dokumentId, version, pdfAnzeigen }: { dokumentId: string; version: Version; pdfAnzeigen?: (url: string, name: string) => void }) {
  const [bild, setBild] = useState<string>();
  const [fehler, setFehler] = useState<ApiFehler>();
  const z = version.vorschau;
  const fertig = z?.status === 'fertig';
  useEffect(() => {
    if (!fertig) return;
    let url: string | undefined;
    let weg = false;
    inhaltLaden(formatUrl(dokumentId, version.nr, 'vorschau_seite')).then(
      (b) => {
        if (weg) return;
        url = URL.createObjectURL(b);
        setBild(url);
      },
      (e: ApiFehler) => !weg && setFehler(e),
    );
    return () => {
      weg = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [dokumentId, version.nr, fertig]);
  const hatPdf = version.formate?.some((f) => f.art === 'vorschau_pdf');
  return (
    <section aria-labelledby="vorschau-titel">
      <h2 id="vorschau-titel" className="kern-heading-medium">
        {T.vorschau.titel}
      </h2>
      {!z && <p className="kern-body">{T.vorschau.keine}</p>}
      {z?.status === 'ausstehend' && <Zustand text={T.vorschau.ausstehend} />}
      {(z?.status === 'fehler' || z?.status === 'nicht_verfuegbar') && <Zustand text={T.vorschau.zustand[z.status]} {...(z.meldung ? { meldung: z.meldung } : {})} />}
      <Fehlermeldung fehler={fehler} />
      {fertig && (
        <>
          {z.seiten !== undefined && <p className="kern-body">{T.vorschau.seiten(z.seiten)}</p>}
          {bild && <img className="eakte-vorschau" src={bild} alt={T.vorschau.bildAlt(version.dateiname)} />}
          {hatPdf && pdfAnzeigen && (
            <div className="eakte-knoepfe">
              <button className="kern-btn kern-btn--tertiary" type="button" onClick={() => pdfAnzeigen(formatUrl(dokumentId, version.nr, 'vorschau_pdf'), version.dateiname)}>
                <span className="kern-icon kern-icon--visibility" aria-hidden="true" />
                <span className="kern-label">{T.vorschau.alsPdf}</span>
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
