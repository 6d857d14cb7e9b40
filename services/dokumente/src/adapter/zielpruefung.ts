// A mailbox setting is not a way into the data centre's network: the host a tenant enters is
// resolved, and every address it resolves to is checked — when the setting is saved and again at
// every connect (a name may resolve elsewhere later). The connection then goes to the checked address
// (TLS still verifies the certificate against the host name). Refused: loopback, link-local, private
// and shared ranges, unspecified/multicast/reserved addresses and this machine's own addresses,
// unless the operator allows a network; the platform's own services (database, object storage,
// scanner, this service) always. The tenant is told the rule, never the addresses.
import { lookup } from 'node:dns/promises';
import net from 'node:net';
import os from 'node:os';

export type Regel = 'LOOPBACK' | 'LINK_LOCAL' | 'PRIVAT' | 'RESERVIERT' | 'EIGENE_ADRESSE' | 'PLATTFORMDIENST' | 'HOST_UNBEKANNT';

export class ZielUnzulaessig extends Error {
  constructor(
    readonly regel: Regel,
    message: string,
  ) {
    super(message);
  }
}

const TEXTE: Record<Regel, string> = {
  LOOPBACK: 'führt auf eine Loopback-Adresse',
  LINK_LOCAL: 'führt auf eine link-lokale Adresse',
  PRIVAT: 'führt in ein privates oder internes Netz',
  RESERVIERT: 'führt auf eine nicht öffentliche (reservierte) Adresse',
  EIGENE_ADRESSE: 'führt auf eine Adresse der Plattform selbst',
  PLATTFORMDIENST: 'ist ein Dienst der Plattform selbst',
  HOST_UNBEKANNT: 'lässt sich nicht auflösen',
};

function ipv4Zahl(ip: string): number {
  return ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
}

function inV4(ip: string, netz: string, bits: number): boolean {
  if (bits === 0) return true;
  const maske = bits === 32 ? 0xffffffff : (~((1 << (32 - bits)) - 1) >>> 0) >>> 0;
  return (ipv4Zahl(ip) & maske) >>> 0 === (ipv4Zahl(netz) & maske) >>> 0;
}

/** An IPv6 address as 8 groups (:: expanded, an embedded IPv4 tail converted). */
function v6Gruppen(ip: string): number[] {
  let s = ip.toLowerCase().split('%')[0]!;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const n = ipv4Zahl(v4[1]!);
    s = s.slice(0, -v4[1]!.length) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [kopf, rest] = s.split('::');
  const a = kopf ? kopf.split(':') : [];
  const b = rest !== undefined ? (rest ? rest.split(':') : []) : [];
  const fehlend = rest !== undefined ? 8 - a.length - b.length : 0;
  return [...a, ...Array(fehlend).fill('0'), ...b].map((g) => parseInt(g || '0', 16));
}

function inV6(ip: string, netz: string, bits: number): boolean {
  const x = v6Gruppen(ip);
  const y = v6Gruppen(netz);
  for (let i = 0; i < 8 && bits > 0; i++, bits -= 16) {
    const m = bits >= 16 ? 0xffff : (0xffff << (16 - bits)) & 0xffff;
    if ((x[i]! & m) !== (y[i]! & m)) return false;
  }
  return true;
}

/** `a.b.c.d/n` or `x::/n`: whether `ip` lies in it (families must match; IPv4-mapped IPv6 counts as IPv4). */
export function imNetz(ip: string, cidr: string): boolean {
  const [netz, b] = cidr.split('/');
  const ipV4 = alsV4(ip);
  if (net.isIPv4(netz!)) return ipV4 !== null && inV4(ipV4, netz!, b === undefined ? 32 : Number(b));
  return ipV4 === null && net.isIPv6(ip) && inV6(ip, netz!, b === undefined ? 128 : Number(b));
}

/** IPv4, also when written as IPv4-mapped IPv6 (::ffff:10.0.0.1); null for other IPv6. */
function alsV4(ip: string): string | null {
  if (net.isIPv4(ip)) return ip;
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (m) return m[1]!;
  if (net.isIPv6(ip) && inV6(ip, '::ffff:0:0', 96)) {
    const g = v6Gruppen(ip);
    return `${g[6]! >> 8}.${g[6]! & 255}.${g[7]! >> 8}.${g[7]! & 255}`;
  }
  return null;
}

const NETZE: [Regel, string][] = [
  ['LOOPBACK', '127.0.0.0/8'],
  ['LOOPBACK', '::1/128'],
  ['LINK_LOCAL', '169.254.0.0/16'],
  ['LINK_LOCAL', 'fe80::/10'],
  ['PRIVAT', '10.0.0.0/8'],
  ['PRIVAT', '172.16.0.0/12'],
  ['PRIVAT', '192.168.0.0/16'],
  ['PRIVAT', '100.64.0.0/10'],
  ['PRIVAT', 'fc00::/7'],
  ['RESERVIERT', '0.0.0.0/8'],
  ['RESERVIERT', '192.0.0.0/24'],
  ['RESERVIERT', '198.18.0.0/15'],
  ['RESERVIERT', '224.0.0.0/4'],
  ['RESERVIERT', '240.0.0.0/4'],
  ['RESERVIERT', '::/128'],
  ['RESERVIERT', 'ff00::/8'],
  ['RESERVIERT', '64:ff9b::/96'],
  ['RESERVIERT', '2001:db8::/32'],
];

/** The rule an address breaks, or null. */
export function regelFuer(ip: string, opts: { erlaubteNetze: readonly string[]; eigeneAdressen: ReadonlySet<string> }): Regel | null {
  if (opts.erlaubteNetze.some((n) => imNetz(ip, n))) return null;
  const v4 = alsV4(ip) ?? ip;
  if (opts.eigeneAdressen.has(v4)) return 'EIGENE_ADRESSE';
  return NETZE.find(([, n]) => imNetz(ip, n))?.[0] ?? null;
}

export interface Zielpruefung {
  /** Resolves and checks `host`; the address to connect to. ZielUnzulaessig otherwise. */
  pruefe(host: string, port: number): Promise<string>;
}

/** This machine's interface addresses (what a tenant must never reach as "its" mail server). */
export function eigeneAdressen(): Set<string> {
  const s = new Set<string>();
  for (const liste of Object.values(os.networkInterfaces())) for (const a of liste ?? []) s.add(a.address.split('%')[0]!);
  return s;
}

/** A service's address and port; every loopback address is one (127.0.0.2 reaches a service on 127.0.0.1). */
function dienstSchluessel(ip: string, port: number): string {
  const a = alsV4(ip) ?? ip;
  return `${imNetz(a, '127.0.0.0/8') || imNetz(a, '::1/128') ? 'loopback' : a}|${port}`;
}

export function createZielpruefung(opts: {
  erlaubteNetze: readonly string[];
  /** host:port of the platform's own services (from its settings), never a mailbox. */
  plattformdienste: readonly { host: string; port: number }[];
  aufloesen?: (host: string) => Promise<string[]>;
}): Zielpruefung {
  const aufloesen = opts.aufloesen ?? (async (h: string) => (await lookup(h, { all: true, verbatim: true })).map((a) => a.address));
  const eigene = eigeneAdressen();
  // interface addresses the operator allowed (e.g. loopback for a local test server) are not "own"
  const eigeneGesperrt = new Set([...eigene].filter((a) => !opts.erlaubteNetze.some((n) => imNetz(a, n)) && !imNetz(a, '127.0.0.0/8') && !imNetz(a, '::1/128')));
  let dienste: Promise<Set<string>> | null = null;
  const dienstAdressen = () =>
    (dienste ??= (async () => {
      const s = new Set<string>();
      for (const d of opts.plattformdienste) {
        // a service listening on every interface is reachable on each of this machine's addresses
        const ueberall = d.host === '0.0.0.0' || d.host === '::';
        const adressen = ueberall ? ['127.0.0.1', ...eigene] : net.isIP(d.host) ? [d.host] : await aufloesen(d.host).catch(() => [] as string[]);
        for (const a of adressen) s.add(dienstSchluessel(a, d.port));
      }
      return s;
    })());

  return {
    async pruefe(host, port) {
      const name = host.replace(/^\[|\]$/g, '');
      let adressen: string[];
      try {
        adressen = net.isIP(name) ? [name] : await aufloesen(name);
      } catch {
        adressen = [];
      }
      if (adressen.length === 0) throw new ZielUnzulaessig('HOST_UNBEKANNT', `Der Host „${host}“ ${TEXTE.HOST_UNBEKANNT}`);
      const gesperrt = await dienstAdressen();
      for (const a of adressen) {
        if (gesperrt.has(dienstSchluessel(a, port))) throw new ZielUnzulaessig('PLATTFORMDIENST', `Das Ziel „${host}:${port}“ ${TEXTE.PLATTFORMDIENST}`);
        const regel = regelFuer(a, { erlaubteNetze: opts.erlaubteNetze, eigeneAdressen: eigeneGesperrt });
        if (regel) throw new ZielUnzulaessig(regel, `Der Host „${host}“ ${TEXTE[regel]}`);
      }
      return adressen[0]!;
    },
  };
}
