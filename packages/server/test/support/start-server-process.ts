/**
 * Started as a child process by the shutdown test: runs the server from the environment like the
 * CLI would, installs the signal handlers and prints its URL on stdout.
 */
import { loadConfig } from '../../src/config.ts';
import { handleShutdownSignals, startServer } from '../../src/server.ts';

const server = await startServer({ ...loadConfig(process.env), port: 0 }, { logger: false });
handleShutdownSignals(server);
process.stdout.write(`${server.url}\n`);
