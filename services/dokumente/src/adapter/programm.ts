// Running a system program (OCRmyPDF, qpdf) as a child process: its exit code and the tail of its
// output, and whether it is installed at all.
import { spawn } from 'node:child_process';

export interface Lauf {
  code: number | null;
  stdout: string;
  stderr: string;
  fehlt: boolean;
}

/** Runs a program, keeping only the tail of its output; `fehlt` when it is not installed. */
export function starte(programm: string, args: string[], timeoutMs: number): Promise<Lauf> {
  return new Promise((resolve, reject) => {
    const kind = spawn(programm, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    kind.stdout.on('data', (c: Buffer) => (stdout = (stdout + c.toString()).slice(-65536)));
    kind.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-65536)));
    const uhr = setTimeout(() => kind.kill('SIGKILL'), timeoutMs);
    kind.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(uhr);
      if (err.code === 'ENOENT' || err.code === 'EACCES') resolve({ code: null, stdout, stderr, fehlt: true });
      else reject(err);
    });
    kind.on('close', (code) => {
      clearTimeout(uhr);
      resolve({ code, stdout, stderr, fehlt: false });
    });
  });
}
