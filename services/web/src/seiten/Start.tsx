import { api, ergebnis, useLaden } from '../api';
import type { Sitzung } from '../auth';
import { pfad } from '../pfade';
import { darf } from '../rechte';
import { Link } from '../router';
import { useNamen } from '../namen';
import { T } from '../texte';
import { heute } from '../upload';
import { Seite, zeit } from '../ui';
import { Geladen } from './Laden';
import { PostkorbListe } from './Postkorb';
import { VorgangTabelle } from './Vorgaenge';

function WiedervorlagenHeute() {
  const wv = useLaden(() => ergebnis(api.GET('/vorgaenge', { params: { query: { wiedervorlageBis: heute(), limit: 50 } } })), []);
  return (
    <section aria-labelledby="wv-titel">
      <h2 id="wv-titel" className="kern-heading-medium">
        {T.start.wiedervorlagenHeute}
      </h2>
      <Geladen l={wv}>
        {(d) => (d.items.length ? <VorgangTabelle vorgaenge={d.items} beschriftung={T.start.wiedervorlagenHeute} /> : <p className="kern-body">{T.start.keineWiedervorlagen}</p>)}
      </Geladen>
    </section>
  );
}

/**
 * Four eyes: destruction requests of someone else wait for this user's approval or refusal. One
 * page of the newest processes (a pending request is recent).
 */
function FreigabenAusstehend({ sitzung }: { sitzung: Sitzung }) {
  const l = useLaden(() => ergebnis(api.GET('/aussonderungen', { params: { query: { limit: 200 } } })), []);
  const offen = (l.daten?.items ?? []).filter((a) => a.vernichtungOffen && a.vernichtungBeantragtVon && a.vernichtungBeantragtVon !== sitzung.sub);
  const name = useNamen();
  if (offen.length === 0) return null;
  return (
    <section className="kern-alert kern-alert--info" role="status" aria-labelledby="freigaben-titel">
      <div className="kern-alert__header">
        <h2 id="freigaben-titel" className="kern-title">
          {T.bestaetigung.wartetTitel}
        </h2>
      </div>
      <div className="kern-alert__body">
        <p className="kern-body">{T.bestaetigung.wartet(offen.length)}</p>
        <ul className="kern-list">
          {offen.map((a) => (
            <li key={a.id} className="kern-body">
              <Link className="kern-link" href={pfad('aussonderung', { id: a.id })}>
                {T.bestaetigung.wartetEintrag(zeit(a.erstelltAm), a.objekte, name(a.vernichtungBeantragtVon))}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

/** The start page shows per role only what its permissions let it open. */
export function Start({ sitzung }: { sitzung: Sitzung }) {
  const { rollen } = sitzung;
  const wege: [string, string][] = [
    ...(darf(rollen, 'aktenplan') ? ([[T.start.zumAktenplan, pfad('aktenplan')]] as [string, string][]) : []),
    ...(darf(rollen, 'aussonderung') ? ([[T.start.zurAussonderung, pfad('faellig')]] as [string, string][]) : []),
    ...(darf(rollen, 'pruefung') ? ([[T.start.zurPruefung, pfad('pruefung')]] as [string, string][]) : []),
  ];
  return (
    <Seite titel={`${T.start.titel}, ${sitzung.name}`}>
      {darf(rollen, 'aussonderung') && <FreigabenAusstehend sitzung={sitzung} />}
      {/* the clerk starts the day with what waits in the Postkorb */}
      {darf(rollen, 'postkorb') && <PostkorbListe />}
      {wege.length ? (
        <ul className="kern-list">
          {wege.map(([text, href]) => (
            <li key={href} className="kern-body">
              <Link className="kern-link" href={href}>
                {text}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="kern-body">{T.start.nichtsFreigegeben}</p>
      )}
      {darf(rollen, 'wiedervorlagen') && <WiedervorlagenHeute />}
    </Seite>
  );
}
