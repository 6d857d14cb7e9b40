// Replies of the archive as x-man sends them: local time without offset, codes without listURI.
const antwortKopf = (prozessId: string, typ: string, name: string, extra = '') => `
  <xdomea:Kopf>
    <xdomea:ProzessID>${prozessId}</xdomea:ProzessID>
    <xdomea:Nachrichtentyp><code>${typ}</code><name>${name}</name></xdomea:Nachrichtentyp>
    <xdomea:Erstellungszeitpunkt>2026-03-01T14:05:00</xdomea:Erstellungszeitpunkt>
    <xdomea:Absender><xdomea:Institution><xdomea:Name>Landesarchiv Thüringen</xdomea:Name></xdomea:Institution></xdomea:Absender>
    <xdomea:Empfaenger><xdomea:Institution><xdomea:Name>Demo</xdomea:Name></xdomea:Institution></xdomea:Empfaenger>
    <xdomea:SendendesSystem><xdomea:Produktname>X-MAN</xdomea:Produktname></xdomea:SendendesSystem>
    ${extra}
  </xdomea:Kopf>`;

export const x0502 = (prozessId: string, objekte: [string, 'A' | 'V'][]) => `<?xml version="1.0" encoding="UTF-8"?>
<xdomea:Aussonderung.Bewertungsverzeichnis.0502 xmlns:xdomea="urn:xoev-de:xdomea:schema:3.1.0">
  ${antwortKopf(prozessId, '0502', 'Aussonderung.Bewertungsverzeichnis', '<xdomea:Empfangsbestaetigung>true</xdomea:Empfangsbestaetigung>')}
  ${objekte.map(([id, art]) => `<xdomea:BewertetesObjekt><xdomea:ID>${id}</xdomea:ID><xdomea:Aussonderungsart><xdomea:Aussonderungsart><code>${art}</code></xdomea:Aussonderungsart></xdomea:Aussonderungsart></xdomea:BewertetesObjekt>`).join('\n')}
</xdomea:Aussonderung.Bewertungsverzeichnis.0502>`;

export const x0506 = (prozessId: string, objekte: [string, boolean, string | null][]) => `<?xml version="1.0" encoding="UTF-8"?>
<xdomea:Aussonderung.AussonderungImportBestaetigen.0506 xmlns:xdomea="urn:xoev-de:xdomea:schema:3.1.0">
  ${antwortKopf(prozessId, '0506', 'Aussonderung.AussonderungImportBestaetigen')}
  ${objekte.map(([id, ok, kennung]) => `<xdomea:AusgesondertesSGO><xdomea:IDSGO>${id}</xdomea:IDSGO><xdomea:Erfolgreich>${ok}</xdomea:Erfolgreich>${kennung ? `<xdomea:Archivkennung>${kennung}</xdomea:Archivkennung>` : ''}</xdomea:AusgesondertesSGO>`).join('\n')}
</xdomea:Aussonderung.AussonderungImportBestaetigen.0506>`;

export const x0507 = (prozessId: string) =>
  `<xdomea:Aussonderung.AussonderungEmpfangBestaetigen.0507 xmlns:xdomea="urn:xoev-de:xdomea:schema:3.1.0">${antwortKopf(prozessId, '0507', 'Aussonderung.AussonderungEmpfangBestaetigen')}</xdomea:Aussonderung.AussonderungEmpfangBestaetigen.0507>`;

export const x0504 = (prozessId: string) =>
  `<xdomea:Aussonderung.AnbietungEmpfangBestaetigen.0504 xmlns:xdomea="urn:xoev-de:xdomea:schema:3.1.0">${antwortKopf(prozessId, '0504', 'Aussonderung.AnbietungEmpfangBestaetigen')}</xdomea:Aussonderung.AnbietungEmpfangBestaetigen.0504>`;

const entschluessele = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * The appraisal an archive gives a 0501: each Akte follows its Bewertungsvorschlag (B becomes A).
 * With `vorgaenge` (Vorgang id or Kennzeichen → A/V) it appraises as x-man writes it, one
 * BewertetesObjekt per Akte and per Vorgang: each Vorgang follows its Akte unless named there.
 */
export function bewertungDes0501(xml: string, vorgaenge: ReadonlyMap<string, 'A' | 'V'> = new Map()): [string, 'A' | 'V'][] {
  const out: [string, 'A' | 'V'][] = [];
  const offen = new Set(vorgaenge.keys());
  for (const teil of xml.split('<xdomea:Schriftgutobjekt>').slice(1)) {
    const id = /<xdomea:ID>([^<]+)<\/xdomea:ID>/.exec(teil)![1]!;
    // the Akte's own proposal sits before its Akteninhalt
    const kopf = teil.split('<xdomea:Akteninhalt>')[0]!;
    const vorschlag = /<xdomea:Bewertungsvorschlag[^>]*>\s*<code>([ABV])<\/code>/.exec(kopf)?.[1];
    const akte: 'A' | 'V' = vorschlag === 'V' ? 'V' : 'A';
    out.push([id, akte]);
    if (vorgaenge.size === 0) continue;
    for (const v of teil.matchAll(/<xdomea:Vorgang>\s*<xdomea:Identifikation>\s*<xdomea:ID>([^<]+)<\/xdomea:ID>[\s\S]*?<xdomea:Kennzeichen>([^<]*)<\/xdomea:Kennzeichen>/g)) {
      const [vid, kennzeichen] = [v[1]!, entschluessele(v[2]!)];
      const eigene = vorgaenge.get(vid) ?? vorgaenge.get(vid.toLowerCase()) ?? vorgaenge.get(kennzeichen);
      for (const k of [vid, vid.toLowerCase(), kennzeichen]) offen.delete(k);
      out.push([vid, eigene ?? akte]);
    }
  }
  if (offen.size) throw new Error(`Kein Vorgang im 0501 mit Kennzeichen oder ID ${[...offen].join(', ')}`);
  return out;
}
