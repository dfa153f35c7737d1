/** A worker thread that reads pages: the election is set once, then one job per message. */
import { parentPort, workerData } from 'node:worker_threads';
import sharp from 'sharp';
import { parseRecord } from '../../core/record.ts';
import type { ScanThresholds } from '../../core/scan/settings.ts';
import type { Paper } from '../../core/documents/ballot-geometry.ts';
import type { PageJob } from './decode.ts';
import { readPage } from './read-page.ts';
import { scanTarget } from './target.ts';

const { record, paper, thresholds } = workerData as {
  record: unknown;
  paper: Paper;
  thresholds: ScanThresholds;
};
// Each page is decoded once: libvips' operation cache would only hold pages no one reads again.
sharp.cache(false);
const parsed = parseRecord(record);
if (!parsed.ok) throw new Error('the worker was given a record that does not parse');
const target = scanTarget(parsed.value, paper);

parentPort?.on(
  'message',
  async (msg: { id: number; job: PageJob; debug?: { dir: string; name: string } }) => {
    const outcome = await readPage({
      job: msg.job,
      target,
      thresholds,
      ...(msg.debug ? { debug: msg.debug } : {}),
    });
    parentPort?.postMessage({ id: msg.id, outcome });
  },
);
