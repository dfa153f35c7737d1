/** `npm run bench`: the figures each issue names, as medians and ratios (not a timed test). */
import { benchCongressFile } from './congress-file.ts';
import { benchDocuments } from './documents.ts';
import { benchDoubleEntry } from './double-entry.ts';
import { benchEngine } from './engine.ts';
import { benchStart } from './start.ts';
import { benchScan } from './scan.ts';
import { benchScanSim2 } from './scan-sim2.ts';
import { benchScanThin } from './scan-thin.ts';
import { benchEntryToProjector, benchKeystrokes } from './ui.ts';
import { benchVerify } from './verify.ts';

console.log(
  `Kiểm phiếu benchmarks — node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
);
benchEngine();
await benchCongressFile();
benchVerify();
benchKeystrokes();
await benchEntryToProjector();
await benchDocuments();
await benchScan();
await benchScanSim2();
await benchScanThin();
await benchDoubleEntry();
await benchStart();
