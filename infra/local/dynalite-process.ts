/**
 * Child process that runs the embedded DynamoDB (dynalite on LevelDB). Started by dynalite.ts with an
 * IPC channel: it reports its port, and exits when the parent goes away for any reason (kill -9
 * included), so it never holds the LevelDB lock for a parent that is gone.
 */
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

const require = createRequire(import.meta.url);
const path = process.argv[2];
if (!path || !process.send) {
  console.error('usage: forked with an IPC channel and the data path as argument');
  process.exit(2);
}

const dynalite = require('dynalite') as (opts: object) => Server;
const server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.listen(0, '127.0.0.1', () => {
  process.send!({ port: (server.address() as AddressInfo).port });
});

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections?.();
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on('disconnect', stop);
process.on('SIGTERM', stop);
process.on('SIGINT', () => {}); // Ctrl-C reaches the whole group; the parent decides when we stop.
