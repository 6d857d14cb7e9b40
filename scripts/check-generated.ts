// Fails when committed generated files are stale or the database schema has no migration.
import { readFileSync } from 'node:fs';
import { artefacts, berechtigungenTabelle, bundleContract, contractTypes, lintContract, pendingMigrations } from './lib/generated.js';

const problems: string[] = [];
const bundle = bundleContract();
if (readFileSync(artefacts.bundle, 'utf8') !== bundle) problems.push('openapi bundle is stale: run `pnpm generate`');
if (readFileSync(artefacts.types, 'utf8') !== (await contractTypes(bundle))) problems.push('api-client types are stale: run `pnpm generate`');
if (readFileSync(artefacts.berechtigungen, 'utf8') !== berechtigungenTabelle(bundle)) problems.push('openapi/berechtigungen.md is stale: run `pnpm generate`');
try {
  lintContract(artefacts.bundle);
} catch (err) {
  problems.push(`contract lint failed:\n${String((err as { stdout?: Buffer }).stdout ?? err)}`);
}
const pending = pendingMigrations();
if (pending.length > 0) problems.push(`schema and migrations disagree: \`pnpm db:generate\` would add ${pending.join(', ')}`);

if (problems.length > 0) {
  process.stderr.write(`check failed:\n- ${problems.join('\n- ')}\n`);
  process.exit(1);
}
process.stdout.write('check: contract bundle, client types, contract lint and migrations are up to date\n');
