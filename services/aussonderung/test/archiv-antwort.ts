// pnpm --silent run archiv:antwort <ProzessID>_Aussonderung.Anbieteverzeichnis.0501.zip [--vorgang <Kennzeichen|ID>=A|V …]
//                                 | …Aussonderung.0503.zip
// Answers as a state archive would, to try the Aussonderung without one: for a 0501 it writes the receipt
// 0504.xml and the appraisal 0502.xml (the archive follows the Bewertungsvorschlag, B becomes A; with
// `--vorgang` it appraises per Vorgang as x-man does, one BewertetesObjekt per Akte and per Vorgang, the
// named Vorgang differently from its Akte); for a 0503 the receipt 0507.xml and the import confirmation
// 0506.xml (every object archived, with an Archivkennung). The files land in the current directory;
// their names are printed.
import { existsSync, writeFileSync } from 'node:fs';
import yauzl from 'yauzl';
import { bewertungDes0501, x0502, x0504, x0506, x0507 } from './antworten.js';

const [datei, ...rest] = process.argv.slice(2);
const vorgaenge = new Map<string, 'A' | 'V'>();
for (let i = 0; i < rest.length; i++) {
  const m = rest[i] === '--vorgang' ? /^(.+)=([AV])$/.exec(rest[++i] ?? '') : null;
  if (!m) {
    process.stderr.write(`archiv:antwort: unknown argument ${rest[i]}; expected --vorgang <Kennzeichen or ID>=A|V\n`);
    process.exit(2);
  }
  vorgaenge.set(m[1]!, m[2] as 'A' | 'V');
}
if (!datei || !existsSync(datei)) {
  process.stderr.write('usage: pnpm --silent run archiv:antwort FILE.zip [--vorgang <Kennzeichen or ID>=A|V ...] (a 0501 or a 0503 of the E-Akte)\n');
  process.exit(2);
}
// the message is the ZIP entry named like the ZIP itself; primary files beside it are not needed here
const nachricht = await new Promise<{ name: string; inhalt: Buffer } | undefined>((resolve, reject) => {
  yauzl.open(datei, { lazyEntries: true }, (err, zip) => {
    if (err || !zip) return reject(err);
    zip.on('entry', (e: yauzl.Entry) => {
      if (!/_Aussonderung\.[A-Za-z]+\.050[13]\.xml$/.test(e.fileName)) return zip.readEntry();
      zip.openReadStream(e, (err2, s) => {
        if (err2 || !s) return reject(err2);
        const teile: Buffer[] = [];
        s.on('data', (c: Buffer) => teile.push(c));
        s.on('end', () => {
          zip.close();
          resolve({ name: e.fileName, inhalt: Buffer.concat(teile) });
        });
      });
    });
    zip.on('end', () => resolve(undefined));
    zip.on('error', reject);
    zip.readEntry();
  });
}).catch((err: Error) => {
  process.stderr.write(`archiv:antwort: ${datei} is no readable ZIP (${err.message})\n`);
  process.exit(2);
});
if (!nachricht) {
  process.stderr.write(`archiv:antwort: ${datei} holds no 0501 or 0503\n`);
  process.exit(2);
}
const xml = nachricht.inhalt.toString('utf8');
const prozessId = /<xdomea:ProzessID>([^<]+)<\/xdomea:ProzessID>/.exec(xml)![1]!;
const schreibe = (name: string, inhalt: string) => {
  writeFileSync(name, inhalt);
  process.stdout.write(`${name}\n`);
};

if (nachricht.name.endsWith('.0501.xml')) {
  let bewertet: [string, 'A' | 'V'][];
  try {
    bewertet = bewertungDes0501(xml, vorgaenge);
  } catch (err) {
    process.stderr.write(`archiv:antwort: ${(err as Error).message}\n`);
    process.exit(2);
  }
  schreibe('0504.xml', x0504(prozessId));
  schreibe('0502.xml', x0502(prozessId, bewertet));
} else {
  // every object handed over (Akte, Vorgang, Dokument) is confirmed as archived
  const ids = [...new Set([...xml.matchAll(/<xdomea:Identifikation>\s*<xdomea:ID>([^<]+)<\/xdomea:ID>/g)].map((m) => m[1]!))];
  schreibe('0507.xml', x0507(prozessId));
  schreibe(
    '0506.xml',
    x0506(
      prozessId,
      ids.map((id) => [id, true, `LATh-${id.slice(-12)}`]),
    ),
  );
}
