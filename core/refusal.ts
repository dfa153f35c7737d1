import { assertNever } from './result.ts';

/** Why a record or a command was refused; `path` is the JSON path of the offending field. */
export type RefusalDetail =
  | { readonly code: 'not-json'; readonly reason: string }
  | { readonly code: 'wrong-format'; readonly expected: string; readonly received: string }
  | { readonly code: 'required' }
  | { readonly code: 'type'; readonly expected: string; readonly received: string }
  | { readonly code: 'enum'; readonly value: string; readonly allowed: readonly string[] }
  | { readonly code: 'too-small'; readonly min: number }
  | { readonly code: 'too-big'; readonly max: number }
  | { readonly code: 'not-integer' }
  | { readonly code: 'empty-text' }
  | { readonly code: 'bad-date'; readonly value: string }
  | { readonly code: 'bad-format' }
  | { readonly code: 'unknown-field'; readonly keys: readonly string[] }
  | { readonly code: 'ballot-shape' }
  | { readonly code: 'duplicate-n'; readonly n: number }
  | { readonly code: 'duplicate-candidate-id'; readonly id: string }
  | { readonly code: 'unknown-candidate'; readonly id: string }
  | { readonly code: 'duplicate-struck'; readonly id: string }
  | { readonly code: 'missing-mark'; readonly id: string }
  | { readonly code: 'layout-mismatch'; readonly layout: string; readonly ballotLayout: string }
  | { readonly code: 'note-required' }
  | {
      readonly code: 'exclusion-category';
      readonly category: string;
      readonly allowed: readonly string[];
    }
  | { readonly code: 'base-below-one'; readonly convened: number; readonly excluded: number }
  | { readonly code: 'not-found'; readonly what: Entity; readonly id: string }
  | {
      readonly code: 'wrong-status';
      readonly status: ElectionStatus;
      readonly allowed: readonly ElectionStatus[];
    }
  | { readonly code: 'forbidden'; readonly role: string; readonly needed: readonly string[] }
  | { readonly code: 'wrong-pin' }
  | { readonly code: 'bad-order' }
  | { readonly code: 'duplicate-code'; readonly id: string }
  | { readonly code: 'no-follow-up'; readonly status: string }
  | { readonly code: 'already-voided'; readonly n: number }
  | { readonly code: 'file'; readonly reason: string }
  | { readonly code: 'one-head'; readonly heads: number }
  | { readonly code: 'ruling-on-paper-invalid' }
  | { readonly code: 'token' }
  | { readonly code: 'login-required' }
  | { readonly code: 'too-large'; readonly limit: number }
  | { readonly code: 'no-file' }
  | { readonly code: 'pairing'; readonly reason: 'wrong-code' | 'too-many' }
  | { readonly code: 'file-exists'; readonly path: string };

export const ELECTION_STATUSES = [
  'draft',
  'open',
  'counting',
  'closed',
  'finalized',
  'suspended',
] as const;
export type ElectionStatus = (typeof ELECTION_STATUSES)[number];

export const STATUS_LABELS: Readonly<Record<ElectionStatus, { vi: string; en: string }>> = {
  draft: { vi: 'đang chuẩn bị', en: 'draft' },
  open: { vi: 'đang bỏ phiếu', en: 'open' },
  counting: { vi: 'đang kiểm phiếu', en: 'counting' },
  closed: { vi: 'đã kết thúc kiểm phiếu', en: 'closed' },
  finalized: { vi: 'đã chốt kết quả (khóa)', en: 'finalized (locked)' },
  suspended: { vi: 'tạm dừng chờ ý kiến cấp trên', en: 'suspended' },
};

export type Entity =
  | 'election'
  | 'ballot'
  | 'candidate'
  | 'delegate'
  | 'batch'
  | 'operator'
  | 'backup'
  | 'base'
  | 'congress';
const ENTITY_VI: Readonly<Record<Entity, string>> = {
  election: 'cuộc bầu',
  ballot: 'phiếu',
  candidate: 'ứng cử viên',
  delegate: 'đại biểu',
  batch: 'tập phiếu',
  operator: 'người dùng',
  backup: 'bản sao lưu',
  base: 'cơ sở tính tỷ lệ (số đại biểu được triệu tập)',
  congress: 'thông tin đại hội',
};

export type Refusal = RefusalDetail & {
  /** JSON path, e.g. `ballots.entered[3].struck[0]`. */
  readonly path: string;
  /** The ballot's number `n`, when the refusal is about one ballot. */
  readonly ballot?: number;
};

export type Lang = 'vi' | 'en';

const list = (items: readonly string[]): string => items.join(', ');

const TYPE_VI: Readonly<Record<string, string>> = {
  string: 'chuỗi ký tự',
  number: 'số',
  int: 'số nguyên',
  boolean: 'true/false',
  object: 'đối tượng',
  array: 'mảng',
  null: 'null',
};
const typeVi = (t: string): string => TYPE_VI[t] ?? t;

function detailText(r: RefusalDetail, lang: Lang): string {
  const vi = lang === 'vi';
  switch (r.code) {
    case 'not-json':
      return vi ? `không đọc được JSON (${r.reason})` : `not readable as JSON (${r.reason})`;
    case 'wrong-format':
      return vi
        ? `định dạng "${r.received}" không đúng, phải là "${r.expected}"`
        : `format "${r.received}" is wrong, expected "${r.expected}"`;
    case 'required':
      return vi ? 'thiếu trường bắt buộc' : 'required field is missing';
    case 'type':
      return vi
        ? `phải là ${typeVi(r.expected)}, nhận được ${typeVi(r.received)}`
        : `must be ${r.expected}, got ${r.received}`;
    case 'enum':
      return vi
        ? `giá trị "${r.value}" không hợp lệ; cho phép: ${list(r.allowed)}`
        : `value "${r.value}" is not allowed; allowed: ${list(r.allowed)}`;
    case 'too-small':
      return vi ? `phải từ ${r.min} trở lên` : `must be at least ${r.min}`;
    case 'too-big':
      return vi ? `không được quá ${r.max}` : `must be at most ${r.max}`;
    case 'not-integer':
      return vi ? 'phải là số nguyên' : 'must be a whole number';
    case 'empty-text':
      return vi ? 'không được để trống' : 'must not be empty';
    case 'bad-date':
      return vi
        ? `ngày "${r.value}" không hợp lệ (dạng YYYY-MM-DD)`
        : `date "${r.value}" is invalid (YYYY-MM-DD)`;
    case 'bad-format':
      return vi ? 'không đúng dạng quy định' : 'is not in the required form';
    case 'unknown-field':
      return vi ? `trường không được phép: ${list(r.keys)}` : `unknown field: ${list(r.keys)}`;
    case 'ballot-shape':
      return vi
        ? 'phiếu phải có đúng một trong các trường "struck", "marks" hoặc "invalid"'
        : 'a ballot must have exactly one of "struck", "marks" or "invalid"';
    case 'duplicate-n':
      return vi ? `số thứ tự phiếu ${r.n} bị trùng` : `ballot number ${r.n} is used twice`;
    case 'duplicate-candidate-id':
      return vi ? `mã ứng cử viên "${r.id}" bị trùng` : `candidate id "${r.id}" is used twice`;
    case 'unknown-candidate':
      return vi
        ? `ứng cử viên "${r.id}" không có trong danh sách bầu cử`
        : `candidate "${r.id}" is not on the election list`;
    case 'duplicate-struck':
      return vi ? `ứng cử viên "${r.id}" bị gạch hai lần` : `candidate "${r.id}" is struck twice`;
    case 'missing-mark':
      return vi
        ? `thiếu ô đánh dấu của ứng cử viên "${r.id}"`
        : `no mark entered for candidate "${r.id}"`;
    case 'layout-mismatch':
      return vi
        ? `phiếu kiểu "${r.ballotLayout}" trong cuộc bầu kiểu "${r.layout}"`
        : `a "${r.ballotLayout}" ballot in a "${r.layout}" election`;
    case 'note-required':
      return vi
        ? 'lý do "other" (khác) phải kèm ghi chú của Ban kiểm phiếu'
        : 'reason "other" needs the committee\'s written note';
    case 'exclusion-category':
      return vi
        ? `loại trừ "${r.category}" không áp dụng cho đại hội này; cho phép: ${list(r.allowed)}`
        : `exclusion "${r.category}" does not apply to this congress; allowed: ${list(r.allowed)}`;
    case 'base-below-one':
      return vi
        ? `số được triệu tập (${r.convened}) trừ số loại trừ (${r.excluded}) phải còn ít nhất 1`
        : `convened (${r.convened}) minus exclusions (${r.excluded}) must leave at least 1`;
    case 'not-found':
      return vi ? `không có ${ENTITY_VI[r.what]} "${r.id}"` : `there is no ${r.what} "${r.id}"`;
    case 'wrong-status': {
      const allowed = r.allowed.map((s) => STATUS_LABELS[s][lang]);
      return vi
        ? `cuộc bầu đang ở trạng thái "${STATUS_LABELS[r.status].vi}"; lệnh này chỉ làm được khi ${list(allowed)}`
        : `the election is ${STATUS_LABELS[r.status].en}; this needs it to be ${list(allowed)}`;
    }
    case 'forbidden':
      return vi
        ? `vai trò "${r.role}" không được làm việc này; cần: ${list(r.needed)}`
        : `role "${r.role}" may not do this; needs: ${list(r.needed)}`;
    case 'wrong-pin':
      return vi ? 'tên hoặc mã PIN không đúng' : 'wrong name or PIN';
    case 'bad-order':
      return vi
        ? 'thứ tự mới phải gồm đúng mỗi ứng cử viên một lần'
        : 'the new order must list every candidate exactly once';
    case 'duplicate-code':
      return vi ? `mã "${r.id}" đã được dùng` : `the id "${r.id}" is already used`;
    case 'no-follow-up':
      return vi
        ? `kết quả hiện tại (${r.status}) không có bằng phiếu hay chỗ trống để bầu lại hoặc bầu tiếp`
        : `the result (${r.status}) has no tie or open seat to vote again on`;
    case 'already-voided':
      return vi ? `phiếu số ${r.n} đã bị hủy` : `ballot ${r.n} is already voided`;
    case 'one-head':
      return vi
        ? `Ban kiểm phiếu phải có đúng một Trưởng ban (đang có ${r.heads})`
        : `the counting committee needs exactly one head (has ${r.heads})`;
    case 'ruling-on-paper-invalid':
      return vi
        ? 'phiếu này đã được Ban kiểm phiếu xác định không hợp lệ từ tờ phiếu; muốn đổi lý do thì sửa phiếu'
        : 'this ballot was already ruled invalid from the paper; correct it to change the reason';
    case 'token':
      return vi
        ? 'thiếu hoặc sai mã phiên của máy chủ (mã được in ra khi khởi động)'
        : 'missing or wrong session token (printed when the server started)';
    case 'login-required':
      return vi ? 'cần đăng nhập bằng tên và mã PIN' : 'log in with your name and PIN first';
    case 'too-large':
      return vi
        ? `dữ liệu gửi lên quá lớn (tối đa ${r.limit} byte)`
        : `the request is too large (at most ${r.limit} bytes)`;
    case 'pairing':
      return r.reason === 'too-many'
        ? vi
          ? 'nhập sai mã ghép nối quá nhiều lần; chờ một phút rồi thử lại'
          : 'too many wrong pairing codes; wait a minute and try again'
        : vi
          ? 'mã ghép nối không đúng hoặc đã hết hạn; xem mã mới trên màn hình chính'
          : 'wrong or expired pairing code; read the new one on the main screen';
    case 'no-file':
      return vi ? 'chưa mở tệp đại hội nào' : 'no congress file is open';
    case 'file-exists':
      return vi
        ? `đã có tệp ${r.path}; hãy mở tệp đó hoặc chọn tên khác`
        : `${r.path} already exists; open it or choose another name`;
    case 'file':
      return vi ? `lỗi tệp: ${r.reason}` : `file error: ${r.reason}`;
    default:
      return assertNever(r);
  }
}

/** One line naming where and what: the ballot number when there is one, then the field. */
export function refusalText(r: Refusal, lang: Lang): string {
  const where = r.path === '' ? '' : `${r.path}: `;
  const ballot =
    r.ballot === undefined
      ? ''
      : lang === 'vi'
        ? `Phiếu số ${r.ballot} — `
        : `Ballot n=${r.ballot} — `;
  return `${ballot}${where}${detailText(r, lang)}`;
}

/** JSON path text from a path array: ["ballots","entered",3,"n"] → "ballots.entered[3].n". */
export function pathText(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}
