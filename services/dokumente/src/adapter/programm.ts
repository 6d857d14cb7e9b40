// Running a system program (OCRmyPDF, qpdf) as a child process: its exit code and the tail of its
// output, and whether it is installed at all.
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';

/** The nice value of a program that may wait: the preview's runs give way to OCR on a busy machine. */
export const NACHRANG = 10;

export interface Lauf {
  code: number | null;
  stdout: string;
  stderr: string;
  fehlt: boolean;
}

/**
 * Runs a program, keeping only the tail of its output; `fehlt` when it is not installed. It runs in
 * its own process group, and a timeout or `signal` kills the whole group: OCRmyPDF's Tesseract and
 * Ghostscript children would otherwise run on and keep its pipes open.
 */
export function starte(programm: string, args: string[], timeoutMs: number, signal?: AbortSignal, opts: { nachrangig?: boolean } = {}): Promise<Lauf> {
  return new Promise((resolve, reject) => {
    const kind = spawn(programm, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    if (opts.nachrangig && kind.pid) {
      try {
        // before it forks: its children inherit the value
        setPriority(kind.pid, NACHRANG);
      } catch {
        // gone already, or not allowed: it runs at normal priority
      }
    }
    let stdout = '';
    let stderr = '';
    kind.stdout.on('data', (c: Buffer) => (stdout = (stdout + c.toString()).slice(-65536)));
    kind.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-65536)));
    const beende = () => {
      try {
        if (kind.pid) process.kill(-kind.pid, 'SIGKILL');
      } catch {
        // the group is gone already
      }
    };
    const uhr = setTimeout(beende, timeoutMs);
    signal?.addEventListener('abort', beende, { once: true });
    const fertig = () => {
      clearTimeout(uhr);
      signal?.removeEventListener('abort', beende);
    };
    kind.on('error', (err: NodeJS.ErrnoException) => {
      fertig();
      if (err.code === 'ENOENT' || err.code === 'EACCES') resolve({ code: null, stdout, stderr, fehlt: true });
      else reject(err);
    });
    // what is left of the group when the program ends (a grandchild holding the pipes) goes with it;
    // done once the pipes have given everything
    kind.on('exit', beende);
    kind.on('close', (code) => {
      fertig();
      resolve({ code, stdout, stderr, fehlt: false });
    });
  });
}

/**
 * Whether programs run, asked once per process while they do (a start of OCRmyPDF's Python costs a
 * fraction of a page). A failed answer (not installed, or a failed start: ENOMEM, EMFILE) is asked again
 * by the next job: the program may have been installed since. `vergiss` drops every answer (a program
 * that answered has gone missing).
 */
export function verfuegbarkeit(timeoutMs: number) {
  const antworten = new Map<string, Promise<boolean>>();
  return {
    frage(programm: string, args: string[]): Promise<boolean> {
      const k = `${programm} ${args.join(' ')}`;
      let p = antworten.get(k);
      if (!p) {
        p = starte(programm, args, timeoutMs).then(
          (l) => !l.fehlt && l.code === 0,
          () => false,
        );
        antworten.set(k, p);
        void p.then((ja) => ja || antworten.delete(k));
      }
      return p;
    },
    vergiss: () => antworten.clear(),
  };
}
