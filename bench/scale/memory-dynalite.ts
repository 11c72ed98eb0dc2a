/**
 * dynalite with its in-memory store (no LevelDB on disk), in its own process like the local server's, for
 * loading a generated market fast. Reports its port over IPC and exits with the parent.
 */
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

const require = createRequire(import.meta.url);
const dynalite = require('dynalite') as (opts: object) => Server;
const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }));
process.on('disconnect', () => process.exit(0));
