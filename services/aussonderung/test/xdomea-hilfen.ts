// Test helpers for xdomea: the shared schema folder (beside the repository), xmllint, ZIP reading.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yauzl from 'yauzl';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
export const XDOMEA_DIR = path.resolve(repoRoot, '..', 'shared', 'xdomea');
export const XSD = path.join(XDOMEA_DIR, '3.1.0', 'xdomea.xsd');

if (!existsSync(XSD)) throw new Error(`xdomea schemas not found beside the repository (${XSD})`);

/** Validates with libxml2 (what x-man uses); returns xmllint's complaints, empty when valid. */
export function xsdFehler(xml: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'xdomea-'));
  const datei = path.join(dir, 'nachricht.xml');
  writeFileSync(datei, xml);
  try {
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', XSD, datei], { stdio: 'pipe' });
    return '';
  } catch (err) {
    return String((err as { stderr?: Buffer }).stderr ?? err);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface ZipEintrag {
  name: string;
  utf8: boolean;
  inhalt: Buffer;
}

export function leseZip(buf: Buffer): Promise<ZipEintrag[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true, decodeStrings: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out: ZipEintrag[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        zip.openReadStream(e, (err2, s) => {
          if (err2 || !s) return reject(err2);
          const teile: Buffer[] = [];
          s.on('data', (c: Buffer) => teile.push(c));
          s.on('end', () => {
            out.push({ name: e.fileName, utf8: (e.generalPurposeBitFlag & 0x800) !== 0, inhalt: Buffer.concat(teile) });
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}
