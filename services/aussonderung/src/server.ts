// Runs the Aussonderung service on its own (production); configuration from the environment.
// first: tracing (when configured) must start before pg and node:http are loaded
import '@eakte/platform/spuren-start';
import { closeOnSignals, createServer, serverOptionen, loadConfig, serviceConfigSchema } from '@eakte/platform';
import aussonderungApp, { aussonderungConfigSchema } from './app.js';

const config = loadConfig(serviceConfigSchema.merge(aussonderungConfigSchema));
const app = createServer(serverOptionen(config, process.stdout.isTTY));
await app.register(aussonderungApp, { config });
closeOnSignals(app);
await app.listen({ host: config.HOST, port: config.PORT });
