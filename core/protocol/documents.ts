/** The documents a station can ask for: which, with what, and what comes back. */
import { z } from 'zod';

export const DOCUMENT_KINDS = [
  'ballot',
  'minutes',
  'announcement',
  'results-xlsx',
  'ballots-xlsx',
  'congress-xlsx',
  'record',
  /** The candidates' introduction handout (danh sách trích ngang), with their photos. */
  'candidate-handout',
  /** The pre-congress scanner test: pre-marked ballots whose readings the app knows. */
  'scan-test',
  /** The entry log (nhật ký nhập phiếu): per stack its readings, differences and rulings. */
  'entry-log',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const documentRequest = z.strictObject({
  electionId: z.int().min(1),
  paper: z.enum(['A4', 'A5']).default('A4'),
  /** The signing certificate (.p12) and its password, for the minutes; used once, never kept. */
  sign: z
    .strictObject({ p12Base64: z.string().min(1).max(1_000_000), passphrase: z.string().max(200) })
    .optional(),
});
export type DocumentRequest = z.output<typeof documentRequest>;

/** A document as a station receives it: its bytes in base64. */
export interface MadeDocumentView {
  readonly fileName: string;
  readonly mime: string;
  readonly base64: string;
  /** Where the copy beside the congress file was written. */
  readonly savedTo: string | null;
}
