import { describe, expect, it } from 'vitest';
import { ConfigError, datenbankUrlFuer, loadConfig, serviceConfigSchema } from '../src/index.js';

const valid = {
  DATABASE_URL: 'postgres://u:p@localhost:5432/eakte',
  S3_ENDPOINT: 'http://127.0.0.1:9000',
  S3_ACCESS_KEY: 'a',
  S3_SECRET_KEY: 'b',
  OIDC_ISSUER: 'https://login.example.org/realms/land',
};

describe('configuration', () => {
  it('applies defaults', () => {
    const cfg = loadConfig(serviceConfigSchema, valid);
    expect(cfg).toMatchObject({ PORT: 3000, S3_BUCKET: 'eakte', S3_PATH_STYLE: true, OIDC_AUDIENCE: 'eakte', OIDC_TENANT_CLAIM: 'mandant' });
  });

  it('names every bad or missing variable', () => {
    try {
      loadConfig(serviceConfigSchema, { ...valid, DATABASE_URL: 'keine-url', PORT: 'zwölf', S3_PATH_STYLE: 'vielleicht' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const msg = (err as Error).message;
      expect(msg).toContain('DATABASE_URL');
      expect(msg).toContain('PORT');
      expect(msg).toContain('S3_PATH_STYLE');
      expect(msg).not.toContain('OIDC_ISSUER');
    }
  });

  it('refuses a JWKS refetch cooldown below a second: each made-up key id would reach the issuer', () => {
    for (const wert of ['0', '0.5', '-1']) expect(() => loadConfig(serviceConfigSchema, { ...valid, OIDC_JWKS_COOLDOWN_SECONDS: wert })).toThrow(/OIDC_JWKS_COOLDOWN_SECONDS: .*1/);
    expect(loadConfig(serviceConfigSchema, { ...valid, OIDC_JWKS_COOLDOWN_SECONDS: '1' }).OIDC_JWKS_COOLDOWN_SECONDS).toBe(1);
  });

  it('gives each service its own database URL, else DATABASE_URL, and names the missing one', () => {
    const eigene = 'postgres://eakte_dokumente:p@localhost:5432/eakte';
    expect(datenbankUrlFuer(loadConfig(serviceConfigSchema, { ...valid, DATABASE_URL_DOKUMENTE: eigene }), 'dokumente')).toBe(eigene);
    expect(datenbankUrlFuer(loadConfig(serviceConfigSchema, valid), 'akten')).toBe(valid.DATABASE_URL);
    const ohne = loadConfig(serviceConfigSchema, { ...valid, DATABASE_URL: undefined });
    expect(() => datenbankUrlFuer(ohne, 'akten')).toThrow(ConfigError);
    expect(() => datenbankUrlFuer(ohne, 'akten')).toThrow(/DATABASE_URL_AKTEN/);
  });
});
