// The check that the drizzle schema and the committed migrations agree (`pnpm run check`) must see
// a schema change that has no migration; it once ran drizzle-kit on an absolute folder, which
// drizzle-kit cannot read, and passed whatever the schema said.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { pendingMigrations } from '../lib/generated.js';

const root = path.resolve(import.meta.dirname, '../..');

describe('migration drift check', () => {
  it('finds nothing to add for the committed migrations', () => {
    expect(pendingMigrations()).toEqual([]);
  });

  it('finds the schema change of a migration left out', () => {
    const dir = mkdtempSync(path.join(root, 'node_modules/.cache/migrationen-test-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    cpSync(path.join(root, 'db/migrations'), dir, { recursive: true });
    // the newest migration and its snapshot gone, as if it had never been written
    const journal = JSON.parse(readFileSync(path.join(dir, 'meta/_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };
    const letzte = journal.entries.pop()!;
    writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify(journal, null, 2));
    rmSync(path.join(dir, `${letzte.tag}.sql`));
    // only the newest snapshot is kept, under the name it had (it may be older than the newest migration)
    const snapshots = readdirSync(path.join(dir, 'meta'))
      .filter((f) => f.endsWith('_snapshot.json'))
      .sort();
    rmSync(path.join(dir, 'meta', snapshots.at(-1)!));
    expect(pendingMigrations(path.relative(root, dir))).toEqual([expect.stringMatching(/_drift\.sql$/)]);
  }, 120_000);
});
