// PDF structure check for the tests: `qpdf --check` from qpdf compiled to WebAssembly, so the tests
// need no system qpdf. Runs in a child Node process (see qpdf-kind.cjs).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const KIND = fileURLToPath(new URL('./qpdf-kind.cjs', import.meta.url));

export interface PdfPruefung {
  /** qpdf's exit code: 0 no errors and no warnings, 2 errors, 3 warnings only. */
  code: number;
  /** what qpdf printed (stdout, then stderr) */
  ausgabe: string;
}

/** `qpdf --check` on the bytes; a usable PDF gives `code: 0`. */
export function pruefePdf(pdf: Uint8Array): Promise<PdfPruefung> {
  return new Promise((resolve, reject) => {
    const kind = spawn(process.execPath, [KIND], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    kind.stdout.on('data', (c: Buffer) => out.push(c));
    kind.stderr.on('data', (c: Buffer) => err.push(c));
    kind.on('error', reject);
    kind.on('close', (code) => resolve({ code: code ?? 1, ausgabe: Buffer.concat(out).toString('utf8') + Buffer.concat(err).toString('utf8') }));
    kind.stdin.end(pdf);
  });
}
