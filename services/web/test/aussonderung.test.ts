// The Aussonderung wizard looks at the process again while something changes by itself (a job runs,
// the Vernichtungsprotokoll is being written), less often while storage refuses and a job is retried,
// and stops once it is abgeschlossen or only a person can move it on (a Löschsperre holds an object).
import type { Schemas } from '@eakte/api-client';
import { describe, expect, it } from 'vitest';
import { loeschungText, naechsteAbfrage, protokollDateien } from '../src/aussonderung';
import { T } from '../src/texte';

type A = Schemas['Aussonderung'];
type O = A['objekte'][number];

const objekt = (o: Partial<O>): O => ({
  akteId: '0193a1b2-0000-7000-8000-00000000aaaa',
  aktenzeichen: '21.04.3-0007/2026',
  betreff: 'Ortsumgehung',
  bewertung: 'V',
  status: 'bewertet',
  archivkennung: null,
  gesperrt: false,
  loeschung: 'ausstehend',
  loeschVersuche: 0,
  loeschFehler: null,
  inhaltGeloeschtAm: null,
  teile: [],
  ...o,
});

const stand = (d: Partial<A>): A => ({
  id: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  status: 'vernichtung_ausstehend',
  erstelltAm: '2037-02-03T10:11:12Z',
  erstelltVon: 'anna',
  bewertetAm: null,
  abgegebenAm: null,
  empfangsbestaetigungAngefordert: false,
  fortschritt: { schritt: 'vernichtung', erledigt: 0, gesamt: 1 },
  objekte: [objekt({})],
  vernichtung: null,
  vernichtungsstand: { vernichtet: 0, ausstehend: 1, gesperrt: 0, protokoll: false, nachtraege: 0 },
  nachrichten: [],
  ...d,
});

describe('Aussonderung wizard polling', () => {
  it('polls while the destruction job runs and while the protocol is still being written', () => {
    expect(naechsteAbfrage(stand({}))).toBe(2000);
    // every object destroyed, the protocol job not yet done: the process is not finished
    const protokollFehlt = stand({
      fortschritt: { schritt: 'vernichtung', erledigt: 1, gesamt: 1 },
      objekte: [objekt({ status: 'vernichtet', loeschung: 'erledigt' })],
      vernichtungsstand: { vernichtet: 1, ausstehend: 0, gesperrt: 0, protokoll: false, nachtraege: 0 },
    });
    expect(naechsteAbfrage(protokollFehlt)).toBe(2000);
    // a released hold's object destroyed after the protocol: its Nachtrag is on its way
    const nachtragFehlt = stand({
      fortschritt: { schritt: 'vernichtung', erledigt: 2, gesamt: 2 },
      objekte: [objekt({ status: 'vernichtet', loeschung: 'erledigt' }), objekt({ akteId: '0193a1b2-0000-7000-8000-00000000dddd', status: 'vernichtet', loeschung: 'erledigt' })],
      vernichtungsstand: { vernichtet: 2, ausstehend: 0, gesperrt: 0, protokoll: true, nachtraege: 0 },
    });
    expect(naechsteAbfrage(nachtragFehlt)).toBe(2000);
  });

  it('stops once abgeschlossen, whatever the progress says', () => {
    const fertig = stand({
      status: 'abgeschlossen',
      objekte: [objekt({ status: 'vernichtet', loeschung: 'erledigt' })],
      vernichtungsstand: { vernichtet: 1, ausstehend: 0, gesperrt: 0, protokoll: true, nachtraege: 0 },
    });
    expect(naechsteAbfrage(fertig)).toBeNull();
    expect(naechsteAbfrage({ ...fertig, fortschritt: { schritt: 'vernichtung', erledigt: 0, gesamt: 1 } })).toBeNull();
    expect(naechsteAbfrage(undefined)).toBeNull();
  });

  it('does not poll every two seconds forever while storage refuses and the job waits for its retry', () => {
    const verweigert = stand({ objekte: [objekt({ loeschVersuche: 3, loeschFehler: 'Der Speicher verweigert das Löschen' })] });
    expect(naechsteAbfrage(verweigert)).toBe(30_000);
    // the same after the 0506: a content removal retried
    const nachImport = stand({
      status: 'abgegeben',
      fortschritt: { schritt: 'loeschung-nach-import', erledigt: 0, gesamt: 1 },
      objekte: [objekt({ bewertung: 'A', status: 'archiviert', loeschVersuche: 2, loeschFehler: 'S3 nicht erreichbar' })],
      vernichtungsstand: null,
    });
    expect(naechsteAbfrage(nachImport)).toBe(30_000);
  });

  it('stops while only a Löschsperre keeps objects waiting: releasing it is a person’s act', () => {
    const gehalten = stand({
      fortschritt: { schritt: 'vernichtung', erledigt: 2, gesamt: 2 },
      objekte: [
        objekt({ status: 'vernichtet', loeschung: 'erledigt' }),
        objekt({ akteId: '0193a1b2-0000-7000-8000-00000000cccc', gesperrt: true, loeschung: 'gesperrt', loeschFehler: 'LOESCHSPERRE' }),
      ],
      vernichtungsstand: { vernichtet: 1, ausstehend: 0, gesperrt: 1, protokoll: true, nachtraege: 0 },
    });
    expect(naechsteAbfrage(gehalten)).toBeNull();
  });

  it('names the intermediate state and what still waits', () => {
    expect(T.aussonderung.status.vernichtung_ausstehend).toBe('Vernichtung ausstehend');
    expect(T.aussonderung.vernichtungsstand({ vernichtet: 1, ausstehend: 1, gesperrt: 1, protokoll: false })).toBe(
      '1 von 3 Akten vernichtet; 1 wartet auf die Löschung im Speicher; 1 durch eine Löschsperre angehalten; das Vernichtungsprotokoll entsteht, wenn die Vernichtung erledigt ist.',
    );
    expect(T.aussonderung.vernichtungsstand({ vernichtet: 2, ausstehend: 0, gesperrt: 0, protokoll: true })).toBe('2 von 2 Akten vernichtet; das Vernichtungsprotokoll liegt vor.');
  });
});

describe('Aussonderung wizard: why an object waits', () => {
  it('says for each object whether its content is gone, waits for the storage (with its tries) or is held', () => {
    expect(loeschungText(objekt({ loeschung: null }))).toBe('–');
    expect(loeschungText(objekt({ loeschung: 'erledigt' }))).toBe('Inhalt gelöscht');
    expect(loeschungText(objekt({ loeschung: 'ausstehend' }))).toBe('ausstehend');
    expect(loeschungText(objekt({ loeschung: 'ausstehend', loeschVersuche: 3, loeschFehler: 'Der Speicher verweigert das Löschen' }))).toBe('wartet, 3 Versuche: Der Speicher verweigert das Löschen');
    expect(loeschungText(objekt({ loeschung: 'gesperrt', loeschFehler: 'LOESCHSPERRE' }))).toBe('durch eine Löschsperre angehalten');
  });
});

describe('Aussonderung wizard: the protocol and its Nachträge', () => {
  it('offers the protocol once written and each Nachtrag by number, nothing before', () => {
    const stand = (protokoll: boolean, nachtraege: number) => ({ vernichtet: 2, ausstehend: 0, gesperrt: 0, protokoll, nachtraege });
    expect(protokollDateien('p1', null)).toEqual([]);
    expect(protokollDateien('p1', stand(false, 0))).toEqual([]);
    expect(protokollDateien('p1', stand(true, 0)).map((f) => f.pfad)).toEqual(['/api/v1/aussonderungen/p1/vernichtungsprotokoll.pdf']);
    // a Nachtrag on its way: the protocol itself stays available
    expect(protokollDateien('p1', stand(true, 0)).map((f) => f.dateiname)).toEqual(['Vernichtungsprotokoll.pdf']);
    const zwei = protokollDateien('p1', stand(true, 2));
    expect(zwei.map((f) => f.pfad)).toEqual([
      '/api/v1/aussonderungen/p1/vernichtungsprotokoll.pdf',
      '/api/v1/aussonderungen/p1/vernichtungsprotokoll.pdf?nachtrag=1',
      '/api/v1/aussonderungen/p1/vernichtungsprotokoll.pdf?nachtrag=2',
    ]);
    expect(zwei[2]).toMatchObject({ dateiname: 'Vernichtungsprotokoll_Nachtrag_2.pdf', text: 'Nachtrag 2 zum Vernichtungsprotokoll (PDF) herunterladen' });
  });
});
