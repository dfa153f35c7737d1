/**
 * The worker thread that reads spreadsheets for in-worker.ts: one file at a time, each request
 * answered with its id. Its parent kills it when a read runs past the time or memory limits.
 */
import { parentPort } from 'node:worker_threads';
import { readPeopleSheet } from './read.ts';
import type { ReadPeopleSheetInput } from './types.ts';

const port = parentPort;
if (port === null) throw new Error('people-sheet/worker.ts runs only as a worker thread');
port.on('message', async ({ id, input }: { id: number; input: ReadPeopleSheetInput }) => {
  port.postMessage({ id, result: await readPeopleSheet(input) });
});
