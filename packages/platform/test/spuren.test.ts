import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/config.js';
import { spurenAktiv, starteSpuren } from '../src/spuren.js';

describe('tracing configuration', () => {
  it('is off unless an OTLP endpoint is set, and a malformed one fails the boot', async () => {
    expect(await starteSpuren({})).toBe(false);
    expect(await starteSpuren({ OTEL_EXPORTER_OTLP_ENDPOINT: '' })).toBe(false);
    expect(spurenAktiv()).toBe(false);
    await expect(starteSpuren({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).rejects.toThrow(ConfigError);
    expect(spurenAktiv()).toBe(false);
  });
});
