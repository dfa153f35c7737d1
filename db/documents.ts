/**
 * Every document an election yields, made from its record: ballot, minutes (signed on request),
 * announcement, the three workbooks and the record itself. Both hosts serve these; a copy is kept
 * beside the congress file in FILE.kiemphieu.documents/.
 */
import { scanTestDeck, testRecord } from '../core/documents/ballot-test-deck.ts';
import { SCAN_TEST_BALLOTS } from '../core/protocol/scan.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { announcementDocument } from '../core/documents/announcement.ts';
import { ballotDocument } from '../core/documents/ballot.ts';
import { candidateHandoutDocument } from '../core/documents/candidate-handout.ts';
import { minutesDocument } from '../core/documents/minutes.ts';
import { entryLogDocument } from '../core/documents/entry-log.ts';
import type { EnteredBallot } from '../core/ballot.ts';
import type { EntryLogModel } from '../core/readings/entry-log-model.ts';
import { entryLogStacks } from './commands/readings.ts';
import { requiredReadings } from './store/reading-rows.ts';
import type { ElectionRecord } from '../core/record.ts';
import type { Refusal } from '../core/refusal.ts';
import { err, ok, type Result } from '../core/result.ts';
import { Tally } from '../core/tally.ts';
import { ballotsWorkbook, congressWorkbook, resultsWorkbook } from './excel-export.ts';
import * as store from './store.ts';
import { shortHash } from '../core/audit-chain.ts';
import { layoutFingerprint, recordFingerprint } from './fingerprint.ts';
import { exportRecordWithReadings as withReadings } from './record-export.ts';
import { renderPdf } from './pdf/render.ts';
import { practiceFileName, practiceMarked } from './practice-label.ts';
import { signPdf } from './pdf/sign.ts';
import type { Service } from './service.ts';

export {
  DOCUMENT_KINDS,
  documentRequest,
  type DocumentKind,
  type DocumentRequest,
} from '../core/protocol/documents.ts';
import type { DocumentKind, DocumentRequest } from '../core/protocol/documents.ts';
import { DOCUMENT_KINDS } from '../core/protocol/documents.ts';

export interface MadeDocument {
  readonly fileName: string;
  readonly mime: string;
  readonly bytes: Uint8Array;
  /** Where the copy beside the congress file was written. */
  readonly savedTo: string | null;
}

const PDF = 'application/pdf';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function recordOf(service: Service, electionId: number): Result<ElectionRecord, Refusal[]> {
  return service.query('exportRecord', { electionId });
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/đ/giu, 'd')
    .replace(/[^A-Za-z0-9]+/gu, '-')
    .replace(/^-|-$/gu, '')
    .toLowerCase()
    .slice(0, 60);
}

export async function makeDocument(
  service: Service,
  kind: DocumentKind,
  input: DocumentRequest,
  { today = new Date().toISOString().slice(0, 10) }: { today?: string } = {},
): Promise<Result<MadeDocument, Refusal[]>> {
  const record = recordOf(service, input.electionId);
  if (!record.ok) return record;
  const r = record.value;
  const result = Tally.ofRecord(r).result();
  const date = r.congress.date ?? today;
  const stem = `${slug(r.election.id)}-vong-${r.election.round}`;
  let made: Omit<MadeDocument, 'savedTo'>;
  switch (kind) {
    case 'ballot':
      made = {
        fileName: `phieu-bau-${stem}-${input.paper}.pdf`,
        mime: PDF,
        bytes: await renderPdf(
          practiceMarked(
            ballotDocument({
              record: r,
              paper: input.paper,
              layoutFingerprint: layoutFingerprint(r),
            }),
            r,
            { watermark: false },
          ),
        ),
      };
      break;
    case 'minutes': {
      let bytes = await renderPdf(
        practiceMarked(
          minutesDocument({
            record: r,
            result,
            fingerprint: recordFingerprint(r),
            date,
            parentTitle: parentTitle(service, r),
            chainHead: chainHead(service),
            confirmation: confirmationOf(service, input.electionId),
          }),
          r,
          { watermark: true },
        ),
      );
      if (input.sign !== undefined) {
        const signed = await signPdf(bytes, {
          p12: Buffer.from(input.sign.p12Base64, 'base64'),
          passphrase: input.sign.passphrase,
          reason: `Biên bản kiểm phiếu: ${r.election.title}`,
          ...(r.congress.place === undefined ? {} : { location: r.congress.place }),
        });
        if (!signed.ok) return signed;
        bytes = signed.value;
      }
      made = {
        fileName: `bien-ban-kiem-phieu-${stem}${input.sign ? '-da-ky' : ''}.pdf`,
        mime: PDF,
        bytes,
      };
      break;
    }
    case 'announcement':
      made = {
        fileName: `cong-bo-ket-qua-${stem}.pdf`,
        mime: PDF,
        bytes: await renderPdf(
          practiceMarked(announcementDocument({ record: r, result, date }), r, { watermark: true }),
        ),
      };
      break;
    case 'candidate-handout': {
      const candidates = service.query('candidateDetails', { electionId: input.electionId });
      if (!candidates.ok) return candidates;
      const photos = new Map<string, string>();
      for (const c of candidates.value) {
        if (c.photo === null) continue;
        const photo = service.query('candidatePhoto', { sha256: c.photo.sha256 });
        if (photo.ok) photos.set(c.photo.sha256, photo.value.base64);
      }
      made = {
        fileName: `gioi-thieu-ung-cu-vien-${stem}.pdf`,
        mime: PDF,
        bytes: await renderPdf(
          practiceMarked(
            candidateHandoutDocument({
              congress: r.congress,
              election: r.election,
              candidates: candidates.value,
              photos,
              date,
            }),
            r,
            { watermark: true },
          ),
        ),
      };
      break;
    }
    case 'results-xlsx':
      made = { fileName: `ket-qua-${stem}.xlsx`, mime: XLSX, bytes: await resultsWorkbook(r) };
      break;
    case 'ballots-xlsx':
      made = {
        fileName: `phieu-bau-chi-tiet-${stem}.xlsx`,
        mime: XLSX,
        bytes: await ballotsWorkbook(r),
      };
      break;
    case 'congress-xlsx': {
      const elections = service.query('elections');
      if (!elections.ok) return elections;
      const records: ElectionRecord[] = [];
      for (const e of elections.value) {
        const one = recordOf(service, e.id);
        if (one.ok) records.push(one.value);
      }
      made = {
        fileName: `ket-qua-dai-hoi.xlsx`,
        mime: XLSX,
        bytes: await congressWorkbook(records),
      };
      break;
    }
    case 'scan-test':
      made = {
        fileName: `phieu-thu-may-quet-${stem}-${input.paper}.pdf`,
        mime: PDF,
        bytes: await renderPdf(
          scanTestDeck({
            record: r,
            paper: input.paper,
            count: SCAN_TEST_BALLOTS,
            layoutFingerprint: layoutFingerprint(testRecord(r)),
          }).document,
        ),
      };
      break;
    case 'entry-log': {
      const tally = Tally.ofRecord(r);
      const stacks = entryLogStacks(service.db, input.electionId, (ballot) =>
        tally.classify(tally.fromEntered({ n: 0, ...ballot } as EnteredBallot)),
      );
      if (!stacks.ok) return err([{ ...stacks.error, path: 'electionId' }]);
      const model: EntryLogModel = {
        record: r,
        required: requiredReadings(service.db, input.electionId),
        stacks: stacks.value,
        chainHead: chainHead(service) ?? '',
        date,
      };
      made = {
        fileName: `nhat-ky-nhap-phieu-${stem}.pdf`,
        mime: PDF,
        bytes: await renderPdf(practiceMarked(entryLogDocument(model), r, { watermark: true })),
      };
      break;
    }
    case 'record':
      made = {
        fileName: `ho-so-${stem}.json`,
        mime: 'application/json',
        // With every reading of its stacks (core/record-readings.md): the same tally, the same fingerprint.
        bytes: Buffer.from(
          `${JSON.stringify(withReadings(service.db, input.electionId), null, 2)}\n`,
          'utf8',
        ),
      };
      break;
    default:
      return err([
        { code: 'enum', value: String(kind), allowed: [...DOCUMENT_KINDS], path: 'kind' },
      ]);
  }
  // A practice congress's files say so in their names too (db/practice-label.ts).
  made = { ...made, fileName: practiceFileName(r, made.fileName) };
  return ok({ ...made, savedTo: keepCopy(service.path, made) });
}

/** The committee's latest confirmation, when it still stands (nothing changed the result since). */
function confirmationOf(
  service: Service,
  electionId: number,
): { by: string; at: string } | undefined {
  const view = service.query('readings', { electionId });
  const c = view.ok ? view.value.confirmation : null;
  return c !== null && c.current ? { by: c.by, at: c.at } : undefined;
}

/** The title of the election a re-vote or further round follows, by its code. */
function parentTitle(service: Service, r: ElectionRecord): string | undefined {
  const code = r.election.parent;
  if (code === undefined || code === null) return undefined;
  return store.electionTitleByCode(service.db, code);
}

/**
 * The head of the file's audit chain, short: the first hex digits of the last row's hash. Printed
 * on the minutes, it ties the paper to the state of the file when it was made.
 */
function chainHead(service: Service): string | undefined {
  const hash = store.lastAuditHash(service.db);
  return hash === null ? undefined : shortHash(hash);
}

/** A copy beside the congress file, so nothing the committee signed exists only in a browser. */
function keepCopy(file: string, doc: Omit<MadeDocument, 'savedTo'>): string | null {
  if (file === ':memory:') return null;
  try {
    const dir = `${file}.documents`;
    mkdirSync(dir, { recursive: true });
    const target = join(dir, basename(doc.fileName));
    writeFileSync(target, doc.bytes);
    return target;
  } catch {
    return null;
  }
}
