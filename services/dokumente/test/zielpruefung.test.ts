// The SSRF guard of the mailbox settings, as plain functions: which address breaks which rule.
import { describe, expect, it } from 'vitest';
import { createZielpruefung, imNetz, regelFuer } from '../src/adapter/zielpruefung.js';

const ohne = { erlaubteNetze: [] as string[], eigeneAdressen: new Set<string>() };

describe('mailbox target check', () => {
  it.each([
    ['127.0.0.1', 'LOOPBACK'],
    ['127.8.9.10', 'LOOPBACK'],
    ['::1', 'LOOPBACK'],
    ['::ffff:127.0.0.1', 'LOOPBACK'],
    ['::ffff:7f00:1', 'LOOPBACK'],
    ['169.254.169.254', 'LINK_LOCAL'],
    ['fe80::1', 'LINK_LOCAL'],
    ['10.1.2.3', 'PRIVAT'],
    ['172.31.255.1', 'PRIVAT'],
    ['192.168.0.10', 'PRIVAT'],
    ['100.64.0.1', 'PRIVAT'],
    ['fd12:3456::1', 'PRIVAT'],
    ['0.0.0.0', 'RESERVIERT'],
    ['::', 'RESERVIERT'],
    ['224.0.0.1', 'RESERVIERT'],
    ['64:ff9b::a00:1', 'RESERVIERT'],
    ['93.184.216.34', null],
    ['172.32.0.1', null],
    ['2a00:1450:4001:82a::200e', null],
  ])('%s → %s', (ip, regel) => {
    expect(regelFuer(ip, ohne)).toBe(regel);
  });

  it('lets the operator allow a network, and refuses the machine’s own addresses otherwise', () => {
    expect(regelFuer('127.0.0.1', { ...ohne, erlaubteNetze: ['127.0.0.0/8'] })).toBeNull();
    expect(regelFuer('10.0.0.5', { ...ohne, erlaubteNetze: ['10.0.0.0/24'] })).toBeNull();
    expect(regelFuer('10.0.1.5', { ...ohne, erlaubteNetze: ['10.0.0.0/24'] })).toBe('PRIVAT');
    expect(regelFuer('93.184.216.34', { ...ohne, eigeneAdressen: new Set(['93.184.216.34']) })).toBe('EIGENE_ADRESSE');
    expect(imNetz('::ffff:10.0.0.1', '10.0.0.0/8')).toBe(true);
  });

  it('checks every address a name resolves to, and the platform’s own services even where loopback is allowed', async () => {
    const p = createZielpruefung({
      erlaubteNetze: ['127.0.0.0/8'],
      plattformdienste: [{ host: 'localhost', port: 5432 }],
      aufloesen: async (h) => ({ localhost: ['127.0.0.1'], 'mail.example.org': ['93.184.216.34', '10.0.0.1'], 'imap.example.org': ['93.184.216.34'] })[h] ?? [],
    });
    await expect(p.pruefe('mail.example.org', 993)).rejects.toMatchObject({ regel: 'PRIVAT' });
    await expect(p.pruefe('imap.example.org', 993)).resolves.toBe('93.184.216.34');
    await expect(p.pruefe('127.0.0.2', 5432)).rejects.toMatchObject({ regel: 'PLATTFORMDIENST' });
    await expect(p.pruefe('127.0.0.1', 1143)).resolves.toBe('127.0.0.1');
    await expect(p.pruefe('nirgends.example', 993)).rejects.toMatchObject({ regel: 'HOST_UNBEKANNT' });
    // the tenant learns the rule, not the addresses
    await expect(p.pruefe('mail.example.org', 993)).rejects.toThrow(/^Der Host „mail.example.org“ führt in ein privates oder internes Netz$/);
  });
});
