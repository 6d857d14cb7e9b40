// A raw HTTP/1.1 client on `node:net` for the edge cases curl smooths over: pipelining, half-close,
// bytes trickled slowly, declared lengths that never come, malformed request lines.
import http from 'node:http';
import net from 'node:net';
import { plattform } from './lib.js';

export interface RohAntwort {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  json<T = any>(): T;
}

export interface Verbindung {
  socket: net.Socket;
  /** Everything the server sent so far. */
  empfangen(): Buffer;
  /** Resolves once the server closed its side (or after `ms`, then `false`). */
  geschlossen(ms: number): Promise<boolean>;
  /** Waits until `n` complete responses arrived (bounded by `ms`) and returns them parsed. */
  antworten(n: number, ms?: number): Promise<RohAntwort[]>;
}

export function verbinden(): Promise<Verbindung> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(plattform().port, '127.0.0.1');
    let puffer = Buffer.alloc(0);
    let zu = false;
    const warten: (() => void)[] = [];
    const wecken = () => warten.splice(0).forEach((w) => w());
    socket.on('data', (d: Buffer) => {
      puffer = Buffer.concat([puffer, d]);
      wecken();
    });
    socket.on('close', () => {
      zu = true;
      wecken();
    });
    // a reset by the server counts as closed; the test looks at what arrived
    socket.on('error', () => {});
    const bis = async (bedingung: () => boolean, ms: number) => {
      const ende = Date.now() + ms;
      while (!bedingung() && !zu && Date.now() < ende) {
        await new Promise<void>((r) => {
          const t = setTimeout(r, Math.max(1, ende - Date.now()));
          warten.push(() => {
            clearTimeout(t);
            r();
          });
        });
      }
      return bedingung();
    };
    socket.once('connect', () =>
      resolve({
        socket,
        empfangen: () => puffer,
        geschlossen: (ms) => bis(() => zu, ms),
        antworten: async (n, ms = 10_000) => {
          await bis(() => zerlegen(puffer).length >= n, ms);
          const r = zerlegen(puffer);
          if (r.length < n) throw new Error(`${r.length} of ${n} responses within ${ms} ms; received: ${puffer.toString('latin1').slice(0, 2000)}`);
          return r;
        },
      }),
    );
    socket.once('error', reject);
  });
}

/** Sends `anfrage` on a new connection and returns the first response (the server may close afterwards). */
export async function roh(anfrage: string | Buffer, ms = 10_000): Promise<RohAntwort & { geschlossen: boolean }> {
  const v = await verbinden();
  v.socket.write(anfrage);
  const [a] = await v.antworten(1, ms);
  const geschlossen = await v.geschlossen(1_000);
  v.socket.destroy();
  return { ...a!, geschlossen };
}

/** Complete responses in `puffer` (Content-Length, chunked, or none for bodiless statuses); interim 1xx skipped. */
export function zerlegen(puffer: Buffer): RohAntwort[] {
  const ergebnis: RohAntwort[] = [];
  let pos = 0;
  for (;;) {
    const ende = puffer.indexOf('\r\n\r\n', pos);
    if (ende < 0) break;
    const kopf = puffer.subarray(pos, ende).toString('latin1').split('\r\n');
    const status = Number(kopf[0]!.split(' ')[1]);
    const headers: Record<string, string> = {};
    for (const zeile of kopf.slice(1)) {
      const i = zeile.indexOf(':');
      if (i > 0) headers[zeile.slice(0, i).trim().toLowerCase()] = zeile.slice(i + 1).trim();
    }
    let p = ende + 4;
    let body: Buffer;
    if (status < 200 || status === 204 || status === 304) body = Buffer.alloc(0);
    else if (headers['transfer-encoding']?.includes('chunked')) {
      const teile: Buffer[] = [];
      let fertig = false;
      for (;;) {
        const zeilenende = puffer.indexOf('\r\n', p);
        if (zeilenende < 0) break;
        const groesse = parseInt(puffer.subarray(p, zeilenende).toString('latin1'), 16);
        if (groesse === 0) {
          if (puffer.length < zeilenende + 4) break;
          p = zeilenende + 4;
          fertig = true;
          break;
        }
        if (puffer.length < zeilenende + 2 + groesse + 2) break;
        teile.push(puffer.subarray(zeilenende + 2, zeilenende + 2 + groesse));
        p = zeilenende + 2 + groesse + 2;
      }
      if (!fertig) break;
      body = Buffer.concat(teile);
    } else {
      const laenge = Number(headers['content-length'] ?? 0);
      if (puffer.length < p + laenge) break;
      body = puffer.subarray(p, p + laenge);
      p += laenge;
    }
    pos = p;
    if (status < 200) continue;
    ergebnis.push({ status, headers, body, json: () => JSON.parse(body.toString('utf8')) });
  }
  return ergebnis;
}

// node:http on one keep-alive connection to the gateway, for the corpora sent request by request
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
export const schliesseAgent = () => agent.destroy();

/** One request to the gateway on the shared keep-alive connection (`pfad` sent as it is). */
export function senden(method: string, pfad: string, headers: Record<string, string>, payload?: string) {
  return new Promise<{ status: number; contentType: string | undefined; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: plattform().port, method, path: pfad, headers, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, contentType: res.headers['content-type'], body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}
