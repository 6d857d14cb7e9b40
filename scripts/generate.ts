// pnpm generate: regenerates the bundled contract and its TypeScript types (both committed).
import { writeFileSync } from 'node:fs';
import { artefacts, berechtigungenTabelle, bundleContract, contractTypes, lintContract } from './lib/generated.js';

const bundle = bundleContract();
writeFileSync(artefacts.bundle, bundle);
writeFileSync(artefacts.types, await contractTypes(bundle));
writeFileSync(artefacts.berechtigungen, berechtigungenTabelle(bundle));
lintContract(artefacts.bundle);
process.stdout.write(`generated the contract bundle and the api-client types\n`);
