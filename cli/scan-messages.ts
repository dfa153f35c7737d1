/** Every message of `kiem-phieu scan`, Vietnamese and English side by side. */
import type { Lang } from '../core/refusal.ts';

const REASONS: Readonly<Record<string, { vi: string; en: string }>> = {
  blank: { vi: 'trang trắng (mặt sau), bỏ qua', en: 'blank page (a back side), skipped' },
  'missing-mark': { vi: 'thiếu dấu định vị ở góc', en: 'a registration mark is missing' },
  'marks-inconsistent': {
    vi: 'các dấu định vị không khớp với phiếu (tờ bị cong, gấp hoặc không phải phiếu)',
    en: 'the registration marks do not fit a ballot (sheet bent, folded or not a ballot)',
  },
  resolution: { vi: 'độ phân giải quét dưới 100 dpi', en: 'scanned below 100 dpi' },
  'unreadable-code': { vi: 'không đọc được mã QR', en: 'the QR code cannot be read' },
  'not-a-ballot': {
    vi: 'mã QR không phải của phiếu Kiểm phiếu',
    en: 'the QR code is not a Kiểm phiếu ballot code',
  },
  'other-election': { vi: 'phiếu của cuộc bầu khác', en: 'a ballot of another election' },
  'other-round': { vi: 'phiếu của vòng bầu khác', en: 'a ballot of another round' },
  'other-list': {
    vi: 'phiếu của danh sách khác (đại hội khác hoặc danh sách đã thay đổi)',
    en: 'a ballot of another list (another congress, or the list changed)',
  },
  'missing-side': {
    vi: 'thiếu một mặt của phiếu hai mặt',
    en: 'one side of a two-sided ballot is missing',
  },
  'unreadable-file': { vi: 'không đọc được tệp', en: 'the file cannot be read' },
  'not-an-image': {
    vi: 'không phải tệp ảnh (PNG, JPEG, TIFF) hay PDF',
    en: 'not an image (PNG, JPEG, TIFF) or PDF',
  },
  'too-large': { vi: 'ảnh quá lớn', en: 'the image is too large' },
  corrupt: { vi: 'tệp hỏng hoặc bị cắt cụt', en: 'the file is corrupt or truncated' },
  'unsupported-pdf-image': {
    vi: 'ảnh trong PDF có kiểu nén chưa hỗ trợ',
    en: 'the PDF image uses an unsupported encoding',
  },
  'no-image-on-page': {
    vi: 'trang PDF không có ảnh quét',
    en: 'the PDF page holds no scanned image',
  },
  'duplicate-file': {
    vi: 'trùng nội dung với tệp đã đưa vào',
    en: 'the same content as a file given before',
  },
  'reader-crashed': {
    vi: 'trình đọc dừng lại ở trang này (ảnh quá nặng hoặc lỗi); các trang khác vẫn được đọc',
    en: 'the reader stopped on this page (too heavy an image, or a fault); the other pages are still read',
  },
  'doubtful-line': { vi: 'dòng không chắc chắn', en: 'uncertain line' },
  'ink-beside-name': { vi: 'có mực bên cạnh tên', en: 'ink beside a name' },
  'ink-outside-lines': {
    vi: 'có chữ viết hoặc vết mực ngoài các dòng tên',
    en: 'writing or ink outside the name lines',
  },
};

export const reasonText = (code: string, lang: Lang): string => REASONS[code]?.[lang] ?? code;

export const SCAN_TEXT = {
  sheet: { vi: 'Tờ', en: 'Sheet' },
  page: { vi: 'trang', en: 'page' },
  read: { vi: 'đọc được', en: 'read' },
  review: { vi: 'cần xem lại', en: 'review' },
  rejected: { vi: 'bị từ chối', en: 'rejected' },
  skipped: { vi: 'bỏ qua', en: 'skipped' },
  struck: { vi: 'gạch', en: 'struck' },
  nothingStruck: { vi: 'không gạch tên nào', en: 'no name struck' },
  uncertain: { vi: 'chưa chắc', en: 'uncertain' },
  summary: {
    vi: (n: number, r: number, v: number, x: number, s: number) =>
      `${n} tờ: ${r} đọc được, ${v} cần xem lại, ${x} bị từ chối, ${s} trang trắng bỏ qua.`,
    en: (n: number, r: number, v: number, x: number, s: number) =>
      `${n} sheets: ${r} read, ${v} to review, ${x} rejected, ${s} blank pages skipped.`,
  },
  countMismatch: {
    vi: (got: number, declared: number) =>
      `!!! SỐ TỜ KHÔNG KHỚP: quét được ${got} phiếu, số phiếu khai báo của tập là ${declared}. Kiểm tra lại tập phiếu (có thể một tờ đã bị quét hai lần hoặc bị sót).`,
    en: (got: number, declared: number) =>
      `!!! COUNT MISMATCH: ${got} ballots scanned, the stack's declared count is ${declared}. Check the stack (a sheet may have been fed twice, or missed).`,
  },
  scores: { vi: 'Phân bố điểm các dòng (‰)', en: 'Distribution of line scores (‰)' },
  margin: {
    vi: (lo: string, hi: string) =>
      `Điểm thấp nhất của dòng gạch: ${lo}; cao nhất của dòng không gạch: ${hi}.`,
    en: (lo: string, hi: string) =>
      `Lowest score of a struck line: ${lo}; highest of an unstruck line: ${hi}.`,
  },
} as const;
