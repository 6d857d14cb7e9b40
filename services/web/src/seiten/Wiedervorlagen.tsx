// The user's own Wiedervorlagen up to a chosen day, each done or moved by a week from the list.
import type { Schemas } from '@eakte/api-client';
import { useState } from 'react';
import { api, ergebnis, useAktion, useLaden } from '../api';
import type { Sitzung } from '../auth';
import { pfad } from '../pfade';
import { darf } from '../rechte';
import { Link } from '../router';
import { T } from '../texte';
import { heute } from '../upload';
import { Erfolg, Feld, Fehlermeldung, Seite, Tabelle, datum, tagPlus } from '../ui';
import { Geladen } from './Laden';

export function Wiedervorlagen({ sitzung }: { sitzung: Sitzung }) {
  const [bis, setBis] = useState(heute());
  const [meldung, setMeldung] = useState<string>();
  const wv = useLaden(() => ergebnis(api.GET('/vorgaenge', { params: { query: { wiedervorlageBis: bis, limit: 200 } } })), [bis]);
  const aendern = darf(sitzung.rollen, 'wiedervorlageSetzen');
  const erledigen = useAktion(async (v: Schemas['Vorgang']) => {
    await ergebnis(api.POST('/vorgaenge/{id}/wiedervorlage/erledigt', { params: { path: { id: v.id } } }));
    setMeldung(T.wiedervorlagen.erledigtMeldung(v.kennzeichen));
    wv.neuLaden();
  });
  const verschieben = useAktion(async (v: Schemas['Vorgang']) => {
    const neu = tagPlus(v.wiedervorlage && v.wiedervorlage > heute() ? v.wiedervorlage : heute(), 7);
    await ergebnis(api.PUT('/vorgaenge/{id}/wiedervorlage', { params: { path: { id: v.id } }, body: { datum: neu } }));
    setMeldung(T.wiedervorlagen.verschobenMeldung(v.kennzeichen, neu));
    wv.neuLaden();
  });
  const laeuft = erledigen.laeuft || verschieben.laeuft;
  return (
    <Seite titel={T.wiedervorlagen.titel} unterzeile={T.wiedervorlagen.hinweis}>
      <Feld label={T.wiedervorlagen.bis} type="date" value={bis} onChange={(e) => e.target.value && setBis(e.target.value)} />
      {meldung && <Erfolg>{meldung}</Erfolg>}
      <Fehlermeldung fehler={erledigen.fehler ?? verschieben.fehler} fokussieren />
      <Geladen l={wv}>
        {(d) =>
          d.items.length ? (
            <Tabelle
              zeilen={d.items}
              beschriftung={T.wiedervorlagen.titel}
              spalten={[
                { titel: T.vorgang.wiedervorlage, zelle: (v) => datum(v.wiedervorlage) },
                {
                  titel: T.vorgang.kennzeichen,
                  zelle: (v) => (
                    <Link className="kern-link" href={pfad('vorgang', { id: v.id })}>
                      {v.kennzeichen}
                    </Link>
                  ),
                },
                { titel: T.akte.betreff, zelle: (v) => v.betreff },
                ...(aendern
                  ? [
                      {
                        titel: T.wiedervorlagen.aktionen,
                        zelle: (v: Schemas['Vorgang']) => (
                          <div className="eakte-knoepfe">
                            <button
                              className="kern-btn kern-btn--secondary"
                              type="button"
                              disabled={laeuft}
                              aria-label={T.wiedervorlagen.erledigtFuer(v.kennzeichen)}
                              onClick={() => void erledigen.ausfuehren(v)}
                            >
                              <span className="kern-label">{T.wiedervorlagen.erledigt}</span>
                            </button>
                            <button
                              className="kern-btn kern-btn--tertiary"
                              type="button"
                              disabled={laeuft}
                              aria-label={T.wiedervorlagen.eineWocheFuer(v.kennzeichen)}
                              onClick={() => void verschieben.ausfuehren(v)}
                            >
                              <span className="kern-label">{T.wiedervorlagen.eineWoche}</span>
                            </button>
                          </div>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          ) : (
            <p className="kern-body">{T.wiedervorlagen.keine(bis, heute())}</p>
          )
        }
      </Geladen>
    </Seite>
  );
}
