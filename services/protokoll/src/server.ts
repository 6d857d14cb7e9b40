// Runs the Protokoll service on its own (production); configuration from the environment.
// first: tracing (when configured) must start before pg and node:http are loaded
import '@eakte/platform/spuren-start';
import { closeOnSignals, createServer, serverOptionen, loadConfig } from '@eakte/platform';
import protokollApp, { protokollConfigSchema } from './app.js';

const config = loadConfig(protokollConfigSchema);
const app = createServer(serverOptionen(config, process.stdout.isTTY));
await app.register(protokollApp, { config });
closeOnSignals(app);
await app.listen({ host: config.HOST, port: config.PORT });
