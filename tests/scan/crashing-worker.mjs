// A stand-in reader for the pool test: dies on a page whose file name says "crash", and reads
// every other page as a blank back side.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', (msg) => {
  if (String(msg.job.path ?? '').includes('crash')) process.exit(3);
  parentPort.postMessage({ id: msg.id, outcome: { status: 'rejected', reason: 'blank' } });
});
