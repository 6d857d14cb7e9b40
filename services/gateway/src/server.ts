// Runs the gateway on its own (production); configuration from the environment.
// first: tracing (when configured) must start before pg and node:http are loaded
import '@eakte/platform/spuren-start';
import { closeOnSignals, createServer, serverOptionen, loadConfig } from '@eakte/platform';
import gatewayApp, { gatewayConfigSchema } from './app.js';

const config = loadConfig(gatewayConfigSchema);
const app = createServer(serverOptionen(config, process.stdout.isTTY));
await app.register(gatewayApp, { config });
closeOnSignals(app);
await app.listen({ host: config.HOST, port: config.PORT });
