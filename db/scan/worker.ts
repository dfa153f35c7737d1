/** A worker thread that reads pages: the election is set once, then one job per message. */
import { parentPort, workerData } from 'node:worker_threads';
import sharp from 'sharp';
import type { ElectionRecord } from '../../core/record.ts';
import type { ScanThresholds } from '../../core/scan/settings.ts';
import type { Paper } from '../../core/documents/ballot-geometry.ts';
import type { PageJob } from './decode-page.ts';
import { readPage } from './read-page.ts';
import { scanTarget } from './target.ts';

// The record was parsed by the thread that started this one (scanFiles takes a parsed record).
const { record, paper, thresholds } = workerData as {
  record: ElectionRecord;
  paper: Paper;
  thresholds: ScanThresholds;
};
// Each page is decoded once: libvips' operation cache would only hold pages no one reads again.
sharp.cache(false);
const target = scanTarget(record, paper);

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
