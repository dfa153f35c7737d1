/** Every user-facing text in Vietnamese: the UI, refusals, warnings, labels of the engine's codes. */
import type { ElectionKind, ExclusionCategory, InvalidCode, Mark } from '../codes.ts';
import type { ScanReason } from '../scan/reasons.ts';
import type { ReadingKind, StackStatus } from '../readings/stack.ts';
import type { Outcome } from '../labels.ts';
import type { ElectionStatus, Entity } from '../refusal.ts';
import type { AuditEventName } from '../audit-catalogue.ts';
import type { BallotInStack, ReadingSummary } from '../record-recount.ts';
import { HEADER_SEARCH_ROWS, type LeftOutReason, type PeopleField } from '../protocol/sheet.ts';
import {
  typed,
  type BallotStatus,
  type RefusalTexts,
  type SheetProblemTexts,
  type Texts,
  type VerifyProblemTexts,
  type WarningTexts,
} from './types.ts';
import { list, mib, rowList } from './format.ts';

const lower = (text: string): string => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);

const status = {
  draft: 'Đang chuẩn bị',
  open: 'Đang bỏ phiếu',
  counting: 'Đang kiểm phiếu',
  closed: 'Đã kết thúc kiểm phiếu',
  finalized: 'Đã chốt (khóa)',
  suspended: 'Tạm dừng',
} satisfies Texts<ElectionStatus>;

const entity = {
  election: 'cuộc bầu',
  ballot: 'phiếu',
  candidate: 'ứng cử viên',
  delegate: 'đại biểu',
  batch: 'tập phiếu',
  operator: 'người dùng',
  backup: 'bản sao lưu',
  base: 'cơ sở tính tỷ lệ (số đại biểu được triệu tập)',
  congress: 'thông tin đại hội',
  scan: 'tờ quét',
  reading: 'lần đọc',
} satisfies Texts<Entity>;

/** The states of a stack's readings (core/readings/stack.ts). */
const stackStatus = {
  open: 'Chưa đọc',
  reading: 'Đang đọc',
  differ: 'Các lần đọc khác nhau',
  resolved: 'Đã xử lý chênh lệch',
  agreed: 'Các lần đọc khớp nhau',
} satisfies Texts<StackStatus>;

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'chuỗi ký tự',
  number: 'số',
  int: 'số nguyên',
  boolean: 'true/false',
  object: 'đối tượng',
  array: 'mảng',
  null: 'null',
};
const typeName = (t: string): string => TYPE_NAMES[t] ?? t;

export const vi = {
  appName: 'Kiểm phiếu',
  internet: {
    banner:
      'Máy tính đang có kết nối Internet — không xử lý tài liệu của Đảng trên máy kết nối Internet',
  },
  practice: {
    label: 'TẬP HUẤN',
    bar: 'Tệp tập huấn: không phải đại hội thật. Mọi màn hình và tài liệu in ra đều ghi TẬP HUẤN.',
    title: 'Tập huấn tổ kỹ thuật',
    help: 'Một tệp đại hội hoàn chỉnh để luyện tập: 13 đại biểu, Ban kiểm phiếu, bầu Ban Chấp hành có số dư (kết thúc bằng một trường hợp ngang phiếu phải bầu lại) và bầu Bí thư; kèm bộ phiếu đã đánh dấu sẵn (PDF) để in, với kết quả đúng. Nhập xong, đối chiếu từng phiếu.',
    path: 'Đường dẫn tệp tập huấn',
    pathHint: 'ví dụ: /home/to-ky-thuat/tap-huan.kiemphieu',
    create: 'Tạo đại hội tập huấn',
    created: (deck: string) => `Đã tạo tệp tập huấn. Bộ phiếu in sẵn (PDF): ${deck}`,
    check: 'Đối chiếu với bộ phiếu mẫu',
    checkTitle: (title: string) => `Đối chiếu với bộ phiếu mẫu — ${title}`,
    noElection: 'Chọn một cuộc bầu để đối chiếu.',
    notInDeck: 'Cuộc bầu này không có trong bộ phiếu mẫu.',
    n: 'Phiếu số',
    printed: 'Phiếu in',
    entered: 'Đã nhập',
    verdictColumn: 'Đối chiếu',
    match: 'Khớp',
    wrong: 'Sai',
    missing: 'Chưa nhập',
    extra: 'Thừa (bộ phiếu không có)',
    ruled: 'Ban kiểm phiếu xác định không hợp lệ',
    ok: (n: number) => `KHỚP: cả ${n} phiếu đã nhập đúng như phiếu in.`,
    notOk: (matched: number, total: number, wrong: number, missing: number) =>
      `CHƯA KHỚP: ${matched}/${total} phiếu khớp; ${wrong} phiếu sai; ${missing} phiếu chưa nhập.`,
    close: 'Đóng',
    cliCreated: (file: string, deck: string) =>
      `Đã tạo đại hội TẬP HUẤN: ${file}\nBộ phiếu đã đánh dấu sẵn và kết quả đúng (PDF): ${deck}\n`,
    cliRefused: (file: string) => `Không tạo được tệp tập huấn ${file}`,
  },
  nav: {
    start: 'Tệp đại hội',
    setup: 'Chuẩn bị',
    count: 'Nhập phiếu',
    results: 'Kết quả',
    audit: 'Nhật ký',
    projector: 'Màn chiếu',
    intro: 'Giới thiệu',
  },
  lang: 'English',
  common: {
    save: 'Lưu',
    cancel: 'Hủy',
    confirm: 'Xác nhận',
    close: 'Đóng',
    add: 'Thêm',
    remove: 'Xóa',
    up: 'Lên',
    down: 'Xuống',
    yes: 'Có',
    no: 'Không',
    loading: 'Đang tải…',
    saved: 'Đã lưu',
    error: 'Lỗi',
    votes: 'phiếu',
    none: '—',
    reconnecting: 'Mất kết nối với máy chủ — đang kết nối lại… Dữ liệu đang nhập vẫn được giữ.',
    round: 'vòng',
    back: 'Quay lại',
  },
  start: {
    title: 'Tệp đại hội',
    intro:
      'Mỗi đại hội là một tệp .kiemphieu chứa toàn bộ dữ liệu: đại biểu, các cuộc bầu, từng phiếu đã nhập và nhật ký.',
    create: 'Tạo tệp đại hội mới',
    open: 'Mở tệp đại hội',
    path: 'Đường dẫn tệp',
    pathHint: 'ví dụ: /home/to-ky-thuat/dai-hoi-xa.kiemphieu',
    recent: 'Mở gần đây',
    noRecent: 'Chưa mở tệp nào.',
    current: 'Đang mở',
    name: 'Tên đại hội',
    organisation: 'Tổ chức đảng',
    kind: 'Loại đại hội',
    kindDelegates: 'Đại hội đại biểu',
    kindMembers: 'Đại hội đảng viên',
    rules: 'Cách tính cơ sở',
    rulesParty: 'Theo Quy chế bầu cử trong Đảng',
    rulesValid: 'Trên số phiếu hợp lệ',
    rulesCollected: 'Trên số phiếu thu vào',
    term: 'Nhiệm kỳ',
    place: 'Địa điểm',
    dateStart: 'Ngày khai mạc',
    browse: 'Chọn…',
    usbTitle: 'Sao lưu ra USB',
    usbHelp:
      'Bản sao nhất quán của tệp đại hội, kể cả khi đang nhập phiếu, được kiểm tra lại trước khi báo xong. Không tự sao chép tệp .kiemphieu khi ứng dụng đang chạy: bản chép tay có thể thiếu những phiếu vừa lưu.',
    usbFolder: 'Thư mục đích (ví dụ ổ USB)',
    usbChoose: 'Chọn thư mục và sao lưu…',
    usbCopy: 'Sao lưu',
    usbDone: (path: string, head: string) =>
      `Đã sao lưu và kiểm tra bản sao: ${path} (mã băm cuối ${head})`,
  },
  setup: {
    title: 'Chuẩn bị đại hội',
    tabs: {
      congress: 'Thông tin',
      delegates: 'Đại biểu',
      base: 'Cơ sở tính',
      committee: 'Ban kiểm phiếu',
      elections: 'Cuộc bầu',
      operators: 'Người dùng',
    },
    importFile: 'Nhập từ Excel/CSV',
    paste: 'Dán danh sách (mỗi dòng một người)',
    addPeople: 'Thêm vào danh sách',
    preview: 'Xem trước',
    rows: 'dòng',
    problems: 'Cần xử lý trước khi nhập',
    confirmDuplicates: 'Tôi xác nhận các tên trùng là những người khác nhau',
    importN: (n: number) => `Nhập ${n} người`,
    delegates: (n: number) => `${n} đại biểu`,
    unit: 'Đơn vị',
    status: 'Chính thức / Dự khuyết',
    official: 'Chính thức',
    alternate: 'Dự khuyết',
    attendance: 'Có mặt',
    present: 'Có mặt',
    absent: 'Vắng',
    unknown: 'Chưa điểm danh',
    presentCount: (p: number, a: number, u: number) =>
      `Có mặt ${p} · Vắng ${a} · Chưa điểm danh ${u}`,
    convened: 'Số được triệu tập',
    present_: 'Số có mặt khi phát phiếu',
    exclusions: 'Loại trừ khỏi cơ sở tính',
    override: 'Đoàn Chủ tịch quyết định cơ sở tính khác',
    overrideNote: 'Lý do / căn cứ',
    computedBase: (b: number) => `Cơ sở tính tỷ lệ: ${b}`,
    threshold: (t: number) => `Trúng cử khi được từ ${t} phiếu trở lên (quá một nửa)`,
    committeeHelp: 'Trưởng ban và các thành viên Ban kiểm phiếu ký biên bản.',
    head: 'Trưởng ban',
    member: 'Thành viên',
    newElection: 'Tạo cuộc bầu',
    electionTitle: 'Tên cuộc bầu',
    electionKind: 'Loại',
    layout: 'Mẫu phiếu',
    layoutStrike: 'Gạch tên (có số dư)',
    layoutApprove: 'Đồng ý / Không đồng ý (không có số dư)',
    seats: 'Số lượng cần bầu',
    candidates: 'Danh sách bầu cử (mỗi dòng một người)',
    candidatesFile: 'hoặc lấy danh sách từ tệp Excel/CSV',
    ballotOrder: 'Xếp theo thứ tự A, B, C của tên',
    asGiven: 'Giữ nguyên thứ tự đã nhập',
    create: 'Tạo cuộc bầu',
    list: 'Danh sách trên phiếu',
    startCounting: 'Bắt đầu kiểm phiếu',
    operatorName: 'Họ tên',
    role: 'Vai trò',
    pin: 'Mã PIN (4–12 chữ số)',
    roles: { admin: 'Quản trị', operator: 'Nhập phiếu', committee: 'Ban kiểm phiếu' },
    allPresent: 'Tất cả có mặt',
    findDelegate: 'Tìm đại biểu vắng (gõ tên, ↑↓ chọn, Enter: vắng ⇄ có mặt)',
    matches: (n: number) => `${n} người khớp`,
    position: 'Chức vụ',
    leaveOut: 'Không nhập',
    leftOut: (n: number) => `${n} dòng không nhập`,
    leaveOutRow: (row: number) => `Không nhập dòng ${row}`,
    removeDelegate: (name: string) => `Xóa ${name} khỏi danh sách đại biểu?`,
    ownBase: 'Cơ sở tính của cuộc bầu này',
    usesCongressBase: 'Dùng cơ sở tính của đại hội',
    setOwnBase: 'Đặt cơ sở tính riêng',
    conferenceBase:
      'Bầu tại hội nghị Ban Chấp hành mới: cơ sở tính là số ủy viên Ban Chấp hành mới, trừ các ủy viên vắng mặt.',
    conferenceDefault: (n: number) => `Số ủy viên Ban Chấp hành mới trúng cử: ${n}`,
    conferenceNoBase:
      'Cuộc bầu tại hội nghị này chưa có cơ sở tính riêng nên đang tính trên cơ sở của đại hội. Hãy đặt cơ sở tính là số ủy viên Ban Chấp hành mới.',
  },
  kinds: {
    committee: 'Ban Chấp hành',
    'standing-committee': 'Ban Thường vụ',
    secretary: 'Bí thư',
    'deputy-secretary': 'Phó Bí thư',
    'inspection-committee': 'Ủy ban Kiểm tra',
    'inspection-chair': 'Chủ nhiệm Ủy ban Kiểm tra',
    'official-delegates': 'Đại biểu chính thức đi dự đại hội cấp trên',
    'alternate-delegates': 'Đại biểu dự khuyết',
    other: 'Khác',
  } satisfies Texts<ElectionKind>,
  /** The exclusions from the base, worded as the minutes and the spreadsheets print them. */
  exclusionLabels: {
    'committee-absent': 'Cấp ủy viên triệu tập vắng mặt suốt thời gian đại hội',
    'delegate-absent-no-alternate':
      'Đại biểu chính thức vắng mặt suốt thời gian đại hội, không có đại biểu dự khuyết thay thế',
    transferred: 'Đảng viên chuyển sinh hoạt đảng tạm thời',
    'exempt-absent': 'Đảng viên được miễn công tác và sinh hoạt đảng vắng mặt',
    suspended: 'Đảng viên bị đình chỉ sinh hoạt đảng, bị khởi tố, truy tố, tạm giam',
    'absent-with-reason': 'Đảng viên vắng mặt suốt thời gian đại hội có lý do chính đáng',
    'member-absent': 'Ủy viên vắng mặt',
  } satisfies Texts<ExclusionCategory>,
  status,
  readingScreen: {
    required: 'Số lần đọc độc lập mỗi tập phiếu',
    requiredHelp:
      '1: một người nhập. 2 hoặc 3: mỗi tập được đọc độc lập bởi người khác nhau (hoặc máy quét); chỉ tập mà các lần đọc khớp nhau (hoặc Ban kiểm phiếu đã xử lý chênh lệch) mới được tính.',
    readThis: 'Đọc tập này',
    reading: (stack: string, n: number, ballots: number) =>
      `${stack} — lần đọc ${n} của bạn: đã nhập ${ballots} phiếu`,
    scanThis: 'Quét tập này',
    confirmThis: 'Xác nhận tập này',
    scanning: (stack: string, n: number, sheets: number, undecided: number) =>
      `${stack} — lần đọc ${n} bằng máy quét: ${sheets} tờ${undecided > 0 ? `, ${undecided} tờ chờ xem xét` : ''}`,
    finishScan: 'Kết thúc lượt quét tập này',
    noScanPass: 'Chọn tập phiếu sẽ quét (“Quét tập này”) trước khi đưa phiếu vào máy quét.',
    nothingScanned: 'Chưa tập nào được quét: bắt đầu quét một tập ở máy quét.',
    savedInPass: 'Đã lưu quyết định vào lượt quét (chưa tính cho đến khi các lần đọc khớp nhau).',
    scanImage: (file: string) => `Xem ảnh tờ quét (${file})`,
    confirmMode: 'Xác nhận ảnh quét',
    confirmModeHelp:
      'Xác nhận nhanh (khoảng 1–2 giây một phiếu) nhưng người xác nhận nhìn thấy kết quả máy đọc. Enter: đúng như ảnh. Gõ số để sửa, rồi Enter.',
    scanTypeHelp:
      'Quét + gõ: hai lần đọc hoàn toàn độc lập, tốc độ bằng gõ phiếu. Người gõ không xem kết quả máy quét.',
    confirmHeading: (position: number, stack: string, file: string) =>
      `Tờ thứ ${position} — ${stack} (${file})`,
    differencesSoFar:
      'Các lần đọc đã khác nhau ở những phiếu sau (các lần đọc chưa xong): tìm sẵn các tờ này trong tập giấy; quyết định khi các lần đọc kết thúc.',
    confirmNext: (stack: string) => `${stack} đã quét: Enter để xác nhận tập này.`,
    waitingForScanner: (position: number) => `Đang chờ máy quét đọc tờ thứ ${position}…`,
    inReviewHere: 'Máy quét chưa chắc tờ này: đọc trên ảnh, sửa nếu cần, rồi Enter.',
    finish: 'Kết thúc lần đọc',
    chooseStack: 'Chọn một tập để đọc (hoặc mở tập mới) trước khi nhập.',
    heading: (position: number, stack: string, n: number) =>
      `Phiếu thứ ${position} — ${stack}, lần đọc ${n}`,
    savedAt: (position: number) =>
      `Đã lưu phiếu thứ ${position} của lần đọc (chưa tính cho đến khi các lần đọc khớp nhau).`,
    finished: (status: string) => `Đã kết thúc lần đọc. Tập phiếu: ${status}.`,
    title: 'Đối chiếu các lần đọc',
    stackLine: (label: string, declared: number, status: string) =>
      `${label} (${declared} phiếu): ${status}`,
    readingLine: (n: number, kind: string, who: string, ballots: number, done: boolean) =>
      `Lần ${n} (${kind}) — ${who}: ${ballots} phiếu${done ? '' : ', đang đọc'}`,
    choose: (n: number) => `Chọn lần ${n}`,
    ruled: (by: string, what: string) => `Đã xử lý bởi ${by}: ${what}`,
    settle: 'Tính các phiếu của tập',
    counted: (n: number) => `Đã tính ${n} phiếu của tập.`,
    committeeOnly: 'Chỉ thành viên Ban kiểm phiếu (đã đăng nhập) xử lý được chênh lệch.',
    confirmTitle: 'Ban kiểm phiếu xác nhận kết quả',
    confirmHelp:
      'Trưởng ban (hoặc thành viên được ủy quyền) nhập tên và mã PIN để xác nhận kết quả trước khi chốt.',
    confirmName: 'Họ và tên',
    confirmPin: 'Mã PIN',
    confirm: 'Xác nhận kết quả',
    confirmed: (by: string, at: string) => `Đã xác nhận bởi ${by} lúc ${at}.`,
    stale: 'Kết quả đã thay đổi sau lần xác nhận: cần xác nhận lại.',
  },
  scanScreen: {
    testTitle: 'Kiểm tra máy quét trước đại hội',
    testHelp:
      'In bộ 20 phiếu thử đã đánh dấu sẵn, quét bằng đúng máy quét và cài đặt sẽ dùng, lưu ảnh vào một thư mục riêng, rồi đối chiếu. Phiếu thử không bao giờ được tính vào cuộc bầu.',
    testPrint: 'In bộ phiếu thử (PDF)',
    testFolder: 'Thư mục ảnh quét bộ phiếu thử',
    testRun: 'Đọc và đối chiếu',
    keyboard: 'Gõ phiếu (bàn phím)',
    scanner: 'Quét phiếu (máy quét)',
    folder: 'Thư mục máy quét ghi ảnh vào',
    chooseFolder: 'Chọn thư mục…',
    chooseFiles: 'Chọn tệp ảnh…',
    watch: 'Theo dõi thư mục',
    stopWatch: 'Dừng theo dõi',
    readOnce: 'Đọc thư mục một lần',
    watching: (folder: string) =>
      `Đang theo dõi: ${folder} — tờ mới được đọc ngay khi máy quét ghi xong.`,
    notWatching:
      'Chưa theo dõi thư mục nào. Chọn thư mục máy quét ghi ảnh vào, rồi bấm “Theo dõi thư mục”.',
    stackFirst:
      'Mở một tập phiếu (số tờ khai báo) trước khi quét: số tờ quét được đối chiếu với số khai báo.',
    progress: (done: number, listed: number, perSecond: string) =>
      `Đang đọc ${done}/${listed} tờ — ${perSecond} tờ/giây`,
    lastRun: (sheets: number, counted: number, review: number, rejected: number, seconds: string) =>
      `Lượt vừa đọc: ${sheets} tờ trong ${seconds} giây — ${counted} đọc chắc chắn, ${review} chờ duyệt, ${rejected} bị từ chối.`,
    counted: 'Đọc chắc chắn (đã thành phiếu)',
    inReview: 'Chờ duyệt',
    decided: 'Đã duyệt',
    rejected: 'Bị từ chối',
    skipped: 'Mặt sau trắng (bỏ qua)',
    rejectedTitle: 'Tờ bị từ chối',
    rejectedHelp:
      'Không tờ nào trong số này được tính. Nếu là phiếu của cuộc bầu này, nhập nó bằng bàn phím (Gõ phiếu) vào cùng tập.',
    problemsTitle: 'Tệp không đọc được',
    reviewTitle: (file: string, left: number) => `Duyệt tờ ${file} — còn ${left} tờ chờ duyệt`,
    why: 'Lý do cần xem',
    proposed: 'Máy đọc',
    decision: 'Quyết định',
    undecided: '?',
    zoom: 'Dòng đang xét (phóng to)',
    reviewHelp:
      'Nhìn tờ giấy. Mỗi dòng chưa chắc: 1 = gạch, 0 = không gạch · Enter: lưu phiếu · P, T, K, O: Ban kiểm phiếu xác định phiếu không hợp lệ · Backspace: lùi lại · Esc: để sau',
    reviewHelpApprove:
      'Nhìn tờ giấy. Mỗi dòng chưa chắc: 1 = đồng ý, 2 = không đồng ý, 3 = cả hai, 0 = bỏ trống · Enter: lưu phiếu · P, T, K, O: Ban kiểm phiếu xác định · Backspace: lùi lại · Esc: để sau',
    decideRemaining: (n: number) => `Còn ${n} dòng chưa quyết định.`,
    saved: (n: number) => `Đã lưu phiếu số ${n}.`,
    noReview: 'Không có tờ nào chờ duyệt.',
    pageOf: (page: number) => `trang ${page}`,
    scannedBy: (name: string) => `quét bởi ${name}`,
    decidedBy: (name: string) => `duyệt bởi ${name}`,
  },
  count: {
    title: 'Nhập phiếu',
    choose: 'Chọn cuộc bầu',
    notCounting: 'Cuộc bầu chưa ở trạng thái kiểm phiếu.',
    help: 'Gõ số thứ tự người bị gạch · Enter: lưu phiếu · P: không do BKP phát · T: ghi thêm tên · K: có ký hiệu riêng · O: lý do khác · Esc: xóa · Ctrl+Z: hoàn tác phiếu vừa lưu',
    helpApprove:
      'Gõ số thứ tự để đổi ô: Đồng ý → Không đồng ý → Cả hai → Bỏ trống · Enter: lưu phiếu',
    ballot: (n: number) => `Phiếu số ${n}`,
    editing: (n: number) => `Đang sửa phiếu số ${n}`,
    struck: 'Gạch',
    kept: 'Bầu',
    agree: 'Đồng ý',
    disagree: 'Không đồng ý',
    both: 'Cả hai',
    blank: 'Bỏ trống',
    reading: 'Phiếu này',
    valid: (k: number) => `Hợp lệ — bầu ${k} người`,
    savedAs: (n: number, what: string) => `Đã lưu phiếu số ${n}: ${what}`,
    saving: (k: number) => `Đang lưu ${k} phiếu…`,
    failed: 'Không lưu được phiếu — dữ liệu phiếu vẫn giữ nguyên ở đây',
    retry: 'Thử lưu lại',
    noSuchNumber: (n: number) => `Không có ứng cử viên số ${n}`,
    collected: 'Đã nhập',
    validCount: 'Hợp lệ',
    invalidCount: 'Không hợp lệ',
    voidedCount: 'Đã hủy',
    batch: 'Tập phiếu',
    declared: 'Số phiếu trong tập',
    openBatch: 'Bắt đầu tập',
    closeBatch: 'Đóng tập',
    batchProgress: (e: number, d: number) => `${e} / ${d} phiếu`,
    slipCode: (code: string) => `Ghi mã kiểm tra tệp lên phiếu tập: ${code}`,
    batchOk: 'Khớp số phiếu của tập',
    batchDiff: (d: number) =>
      d > 0 ? `Thừa ${d} phiếu so với số đã đếm` : `Thiếu ${-d} phiếu so với số đã đếm`,
    list: 'Danh sách phiếu đã nhập',
    search: 'Tìm theo số phiếu, tên, lý do…',
    correct: 'Sửa',
    void: 'Hủy phiếu',
    voidReason: 'Lý do hủy phiếu (bắt buộc)',
    note: 'Ghi chú của Ban kiểm phiếu (bắt buộc với lý do khác)',
    undone: (n: number) => `Đã hoàn tác phiếu số ${n} — nhập lại phiếu này`,
    undoReason: 'Hoàn tác ngay khi nhập (Ctrl+Z)',
    issued: 'Số phiếu phát ra',
    untouched: 'Chưa nhập gì — gõ số thứ tự người bị gạch',
    voidThis: 'Hủy phiếu này',
    stackFull: (declared: number, n: number) =>
      `Tập này khai báo ${declared} phiếu, đây là phiếu thứ ${n}: kiểm tra lại tập phiếu trước khi nhập tiếp`,
    mixReminder:
      'Khi mở hòm phiếu, trộn đều các phiếu trước khi chia thành tập, để thứ tự nhập không phản ánh thứ tự bỏ phiếu.',
    markedWarning:
      'Không chép lại chữ ký, ký hiệu hay dấu hiệu riêng trên phiếu vào bất kỳ ghi chú nào.',
    openStacks: 'Tập đang mở ở máy khác hoặc bị bỏ dở',
    resume: 'Nhập tiếp tập này',
    tabStays: 'Phím Tab không rời phiếu đang nhập; muốn nhập ô khác thì bấm chuột vào ô đó.',
    loginToSave: 'Cần đăng nhập lại để lưu các phiếu đang chờ — phiếu vẫn được giữ trên máy này.',
  },
  invalid: {
    'over-vote': 'Bầu quá số lượng',
    'all-struck': 'Gạch hết tên',
    'no-choice': 'Không dòng nào đánh dấu đúng một ô',
    'not-issued': 'Không do Ban kiểm phiếu phát ra / không có dấu',
    'added-name': 'Ghi thêm tên ngoài danh sách',
    marked: 'Có ký tên hoặc dấu hiệu riêng',
    other: 'Lý do khác',
    voided: 'Đã hủy',
    valid: 'Hợp lệ',
  } satisfies Texts<BallotStatus>,
  /** The reasons a ballot is invalid, worded in full for the minutes and the spreadsheets. */
  invalidFull: {
    'over-vote': 'Bầu quá số lượng cần bầu',
    'all-struck': 'Gạch hết tên',
    'no-choice':
      'Không dòng nào chỉ đánh dấu một ô "Đồng ý" hoặc "Không đồng ý" (các dòng bỏ trống hoặc đánh dấu cả hai ô)',
    'not-issued': 'Không phải phiếu do Ban kiểm phiếu phát ra hoặc không có dấu',
    'added-name': 'Ghi thêm tên người ngoài danh sách',
    marked: 'Có ký tên hoặc dấu hiệu riêng',
    other: 'Lý do khác',
  } satisfies Texts<InvalidCode>,
  results: {
    title: 'Kết quả',
    base: 'Cơ sở tính tỷ lệ',
    threshold: 'Ngưỡng trúng cử',
    issued: 'Phát ra',
    collected: 'Thu vào',
    valid: 'Hợp lệ',
    invalid: 'Không hợp lệ',
    no: 'STT',
    name: 'Họ và tên',
    votes: 'Số phiếu',
    percent: 'Tỷ lệ',
    outcome: 'Kết quả',
    elected: 'Trúng cử',
    tied: 'Bằng phiếu',
    qualified: 'Quá một nửa',
    notQualified: 'Không đủ',
    electedTitle: 'Người trúng cử (theo thứ tự số phiếu)',
    rank: 'Thứ tự',
    tie: (names: string, v: number, k: number) =>
      `Bằng phiếu ở chỗ cuối: ${names} cùng được ${v} phiếu, tranh ${k} chỗ. Không ai trong nhóm này trúng cử tự động. Đại hội có thể bầu lại trong số đúng những người này cho ${k} chỗ.`,
    open: (k: number) =>
      `Còn ${k} chỗ chưa có người trúng cử. Đại hội quyết định có bầu tiếp hay không; nếu bầu, danh sách gồm những người chưa trúng cử (có thể bổ sung), bầu cho ${k} chỗ còn lại.`,
    complete: 'Đã bầu đủ số lượng.',
    createRevote: 'Tạo cuộc bầu lại',
    createRound: 'Tạo vòng bầu tiếp',
    warnings: 'Cảnh báo — Ban kiểm phiếu cần giải trình',
    close: 'Kết thúc kiểm phiếu',
    finalize: 'Chốt kết quả (khóa)',
    reopen: 'Mở lại',
    reopenReason: 'Lý do mở lại (bắt buộc)',
    confirmClose:
      'Kết thúc kiểm phiếu cuộc bầu này? Sau đó không nhập thêm phiếu được nữa (trừ khi mở lại).',
    confirmFinalize:
      'Chốt kết quả? Cuộc bầu sẽ bị khóa; chỉ quản trị viên mới mở lại được và việc đó được ghi vào nhật ký.',
    project: 'Chiếu kết quả này',
    showFigures: 'Hiện số liệu trên màn chiếu',
    hideFigures: 'Ẩn số liệu trên màn chiếu',
    provisional:
      'Số liệu tạm thời trong khi kiểm phiếu: kết quả bầu cử chỉ được xác định sau khi kết thúc kiểm phiếu.',
  },
  docs: {
    title: 'Tài liệu',
    minutes: 'Biên bản kiểm phiếu',
    announcement: 'Công bố kết quả',
    preview: 'Xem trước / In',
    print: 'In',
    save: 'Lưu',
    saveBallot: 'Lưu phiếu bầu PDF',
    sign: 'Ký số biên bản',
    certificate: 'Chứng thư số (.p12)',
    password: 'Mật khẩu chứng thư số',
    signMinutes: 'Ký và lưu biên bản',
    ballot: 'Phiếu bầu',
    paper: 'Khổ giấy',
    data: 'Dữ liệu',
    resultsXlsx: 'Excel kết quả',
    ballotsXlsx: 'Excel từng phiếu',
    congressXlsx: 'Excel toàn đại hội',
    record: 'Hồ sơ bầu cử (.json)',
    savedTo: (p: string) => `Đã lưu một bản bên cạnh tệp đại hội: ${p}`,
  },
  /** Giới thiệu ứng cử viên: details and photos, the hall's slides, the handout. */
  intro: {
    title: 'Giới thiệu ứng cử viên',
    lead: 'Thông tin và ảnh của từng ứng cử viên, chiếu lên màn hình hội trường trước khi bỏ phiếu và in phát cho đại biểu.',
    election: 'Cuộc bầu',
    noElection: 'Chưa có cuộc bầu nào có danh sách ứng cử viên.',
    sheet:
      'Bảng tính ứng cử viên (.xlsx, .csv) có các cột Năm sinh, Quê quán, Chức vụ, Đơn vị, Trình độ, Tóm tắt',
    photos:
      'Ảnh ứng cử viên: chọn cả thư mục (hoặc nhiều ảnh); tên tệp là họ và tên, hoặc số thứ tự (STT) trong bảng tính',
    photosFiles: 'hoặc chọn các tệp ảnh',
    read: (details: number, total: number) =>
      `Đọc được thông tin của ${details}/${total} ứng cử viên.`,
    notOnList: (names: readonly string[]) =>
      `Không có trong danh sách bầu cử, bỏ qua: ${names.join('; ')}`,
    saveDetails: (n: number) => `Lưu thông tin ${n} ứng cử viên`,
    savedDetails: (n: number) => `Đã lưu thông tin ${n} ứng cử viên.`,
    preparing: (done: number, total: number) => `Đang xử lý ảnh ${done}/${total}…`,
    savedPhotos: (n: number) => `Đã lưu ${n} ảnh.`,
    removePhoto: 'Bỏ ảnh',
    present: 'Trình chiếu',
    handout: 'Tài liệu giới thiệu (PDF)',
    no: 'STT',
    name: 'Họ và tên',
    born: 'Năm sinh',
    hometown: 'Quê quán',
    position: 'Chức vụ',
    unit: 'Đơn vị công tác',
    education: 'Trình độ',
    biography: 'Tóm tắt quá trình công tác',
    photo: 'Ảnh',
    noPhoto: 'Chưa có ảnh',
    listTitle: 'Danh sách bầu cử',
    candidatesCount: (n: number, seats: number) => `${n} ứng cử viên, bầu ${seats}`,
    slideOf: (i: number, n: number) => `${i}/${n}`,
    keys: '→ ← chuyển · Home: danh sách · End: người cuối · gõ STT rồi Enter · F: toàn màn hình',
    typed: (text: string) => `Đến số ${text}…`,
    photoProblem: {
      'not-image': (p: { fileName: string }) =>
        `Tệp “${p.fileName}” không phải ảnh (JPEG, PNG, WebP, TIFF, GIF hoặc HEIF) hoặc bị hỏng`,
      'file-too-big': (p: { fileName: string; max: number }) =>
        `Tệp “${p.fileName}” lớn quá ${Math.round(p.max / 1024 / 1024)} MB`,
      'too-many-pixels': (p: { fileName: string; width: number; height: number; max: number }) =>
        `Ảnh “${p.fileName}” quá lớn (${p.width} × ${p.height} điểm ảnh, tối đa ${p.max / 1_000_000} triệu)`,
      'too-small': (p: { fileName: string; width: number; height: number }) =>
        `Ảnh “${p.fileName}” nhỏ quá (${p.width} × ${p.height} điểm ảnh): chiếu lên sẽ mờ`,
      'no-candidate': (p: { fileName: string }) =>
        `Ảnh “${p.fileName}”: tên tệp không trùng họ tên hay STT của ứng cử viên nào`,
      ambiguous: (p: { fileName: string; names: readonly string[] }) =>
        `Ảnh “${p.fileName}” có thể là của ${p.names.join(' hoặc ')}: hãy đặt tên tệp đúng họ tên có dấu`,
      'two-photos': (p: { fileName: string; other: string; name: string }) =>
        `Ảnh “${p.fileName}” và “${p.other}” cùng là của ${p.name}: chỉ giữ một ảnh`,
    },
  },
  projector: {
    counted: (c: number, i: number | null) =>
      i === null ? `Đã kiểm ${c} phiếu` : `Đã kiểm ${c} / ${i} phiếu`,
    threshold: (t: number) => `Ngưỡng trúng cử: ${t} phiếu`,
    hidden: 'Số liệu sẽ được công bố sau khi Ban kiểm phiếu thống nhất',
    nothing: 'Chưa chọn cuộc bầu để chiếu',
    stale: (time: string) =>
      `MẤT KẾT NỐI với máy chủ từ ${time} — số liệu dưới đây có thể chưa cập nhật`,
  },
  audit: {
    title: 'Nhật ký',
    verified: (n: number) => `Chuỗi băm hợp lệ: ${n} dòng`,
    broken: (seq: number | null) => `Chuỗi băm BỊ ĐỨT ở dòng ${seq ?? '?'}`,
    filter: 'Lọc theo lệnh',
    all: 'Tất cả',
    seq: '#',
    at: 'Thời gian',
    actor: 'Người thực hiện',
    command: 'Lệnh',
    payload: 'Nội dung',
  },
  /** What the log viewer, the verify report and any export call each audit event. */
  auditEvent: {
    updateCongress: 'Cập nhật thông tin đại hội',
    addOperator: 'Thêm người dùng',
    importDelegates: 'Nhập danh sách đại biểu',
    removeDelegate: 'Bỏ một đại biểu khỏi danh sách',
    setAttendance: 'Điểm danh',
    setAttendanceAll: 'Điểm danh tất cả',
    setBase: 'Đặt cơ sở tính tỷ lệ',
    setCommittee: 'Đặt Ban kiểm phiếu',
    createElection: 'Tạo cuộc bầu',
    setCandidates: 'Đặt danh sách bầu cử',
    reorderCandidates: 'Sắp xếp lại danh sách',
    setIssued: 'Ghi số phiếu phát ra',
    openElection: 'Mở bỏ phiếu',
    startCounting: 'Bắt đầu kiểm phiếu',
    openBatch: 'Bắt đầu tập phiếu',
    closeBatch: 'Đóng tập phiếu',
    enterBallot: 'Nhập phiếu',
    correctBallot: 'Sửa phiếu',
    voidBallot: 'Hủy phiếu',
    ruleBallot: 'Ban kiểm phiếu xác định phiếu',
    recordScan: 'Quét một tờ phiếu',
    decideScan: 'Duyệt tờ phiếu quét',
    setReadings: 'Đặt số lần đọc mỗi tập phiếu',
    startReading: 'Bắt đầu một lần đọc tập phiếu',
    enterReadingBallot: 'Nhập phiếu của một lần đọc',
    finishReading: 'Đọc xong một lần',
    abandonReading: 'Bỏ dở một lần đọc',
    resolveDifference: 'Ban kiểm phiếu xử lý chênh lệch giữa các lần đọc',
    settleStack: 'Chốt tập phiếu sau khi xử lý chênh lệch',
    confirmResult: 'Ban kiểm phiếu xác nhận kết quả',
    closeElection: 'Kết thúc kiểm phiếu',
    finalizeElection: 'Chốt kết quả',
    reopenElection: 'Mở lại cuộc bầu',
    suspendElection: 'Tạm dừng cuộc bầu',
    resumeElection: 'Tiếp tục cuộc bầu',
    setDisplay: 'Đổi màn chiếu',
    setCandidateDetails: 'Nhập thông tin giới thiệu ứng cử viên',
    setCandidatePhoto: 'Đặt ảnh ứng cử viên',
    importElection: 'Nhập hồ sơ bầu cử',
    createFollowUp: 'Tạo cuộc bầu lại / bầu tiếp',
    loginRefused: 'Đăng nhập sai tên hoặc mã PIN',
    internetConnected: 'Máy tính có kết nối Internet',
    internetDisconnected: 'Máy tính không còn kết nối Internet',
  } satisfies Texts<AuditEventName>,
  /** `kiem-phieu tally`: the result as a table for a terminal (cli/render-result.ts). */
  resultTable: {
    seats: 'Số lượng cần bầu',
    base: 'Cơ sở tính tỷ lệ',
    baseArithmetic: (c: number, x: number) => `triệu tập ${c} − loại trừ ${x}`,
    baseValid: 'bằng số phiếu hợp lệ',
    baseCollected: 'bằng số phiếu thu vào',
    threshold: (t: number) => `Trúng cử khi được quá một nửa: từ ${t} phiếu trở lên`,
    ballots: (i: number, c: number, v: number, inv: number) =>
      `Phiếu phát ra: ${i}   Thu vào: ${c}   Hợp lệ: ${v}   Không hợp lệ: ${inv}`,
    header: ['STT', 'Họ và tên', 'Số phiếu', 'Tỷ lệ', 'Kết quả'],
    electedTitle: 'Người trúng cử, theo thứ tự số phiếu:',
    noneElected: 'Chưa có người trúng cử.',
    votes: 'phiếu',
    tie: (names: string, v: number, k: number) =>
      `Bằng phiếu ở chỗ cuối: ${names} cùng được ${v} phiếu, tranh ${k} chỗ còn lại. Không ai trong nhóm này trúng cử tự động. Đại hội có thể bầu lại trong số đúng những người này cho ${k} chỗ (không phân định bằng tuổi, thứ tự hay bốc thăm).`,
    open: (k: number) =>
      `Còn ${k} chỗ chưa có người trúng cử. Những người đã trúng cử giữ nguyên kết quả. Đại hội quyết định có bầu tiếp (vòng 2) hay không; nếu bầu, danh sách gồm những người chưa trúng cử (Đại hội có thể bổ sung), bầu cho ${k} chỗ còn lại.`,
    complete: 'Đã bầu đủ số lượng.',
    warnings: 'Cảnh báo (Ban kiểm phiếu cần giải trình):',
  },
  /** `verify`'s findings (core/verification.ts). */
  verifyProblem: typed<VerifyProblemTexts>({
    unreadable: (p) => `Tệp bị hỏng hoặc bị cắt cụt, không đọc được: ${p.detail}`,
    integrity: (p) => `SQLite báo tệp hỏng: ${p.detail}`,
    schema: (p) =>
      `Tệp ở phiên bản cấu trúc ${p.version}, phiên bản này đọc ${p.latest}: mở tệp bằng ứng dụng một lần rồi kiểm tra lại`,
    chain: ({ chain: c }) =>
      c.kind === 'gap'
        ? `Nhật ký: dòng ${c.seq} đứng ở chỗ của dòng ${c.expected} (mất hoặc chèn dòng)`
        : `Nhật ký: chuỗi băm bị đứt ở dòng ${c.seq} (nội dung dòng hoặc dòng trước đã bị sửa)`,
    'replay-unknown': (p) =>
      `Nhật ký dòng ${p.seq}: "${p.command}" không phải lệnh hay sự kiện nào ứng dụng ghi`,
    'replay-actor': (p) =>
      `Nhật ký dòng ${p.seq}: người thực hiện "${p.actor}" không đúng dạng "Tên (vai trò)"`,
    'replay-payload': (p) =>
      `Nhật ký dòng ${p.seq} (${p.command}): nội dung không dựng lại được lệnh`,
    'replay-failed': (p) =>
      `Nhật ký dòng ${p.seq} (${p.command}): không chạy lại được — ${p.detail}`,
    'replay-refused': (p, refusals) =>
      `Nhật ký dòng ${p.seq} (${p.command}): chạy lại thì ứng dụng từ chối — ${refusals}`,
    'column-missing': (p, t) => `${t}: thiếu cột ${p.column}`,
    'schema-object': (p) =>
      `Cấu trúc tệp: ${p.type} ${p.name} ${{ missing: 'đã bị xóa khỏi tệp', extra: 'được thêm vào tệp, ứng dụng không tạo ra', changed: 'đã bị sửa' }[p.change]}`,
    'row-not-logged': (p, t) =>
      `${t}, dòng ${p.row}: có trong tệp nhưng nhật ký không ghi — đã thêm ngoài ứng dụng`,
    'row-missing': (p, t) =>
      `${t}, dòng ${p.row}: nhật ký ghi nhận nhưng tệp không còn — đã xóa ngoài ứng dụng`,
    'field-changed': (p, t) =>
      `${t}, dòng ${p.row}, cột ${p.column}: tệp ghi ${p.file}, nhật ký ghi ${p.log} — đã sửa ngoài ứng dụng`,
    'audit-differs': (p) =>
      `Nhật ký dòng ${p.seq}: khác với dòng ứng dụng ghi khi chạy lại (${p.columns.join(', ')})`,
    'backup-ahead': (p) =>
      `Bản sao lưu ${p.backup} có nhật ký đến dòng ${p.seq} nhưng tệp chỉ còn ${p.fileRows} dòng — tệp đã bị cắt bớt sau lần sao lưu`,
    'backup-diverges': (p) =>
      `Bản sao lưu ${p.backup}: nhật ký dòng ${p.seq} khác với tệp — nhật ký của tệp đã bị viết lại`,
    'backup-unreadable': (p) => `Không đọc được bản sao lưu ${p.backup}: ${p.detail}`,
    'scan-missing': (p) =>
      `Thiếu ảnh quét của tờ ${p.file} (SHA-256 ${p.sha256.slice(0, 16)}…) trong thư mục ảnh bên cạnh tệp`,
    'scan-altered': (p) =>
      `Ảnh quét của tờ ${p.file} đã bị thay đổi: SHA-256 không còn là ${p.sha256.slice(0, 16)}…`,
    'readings-mismatch': (p) =>
      `Cuộc bầu ${p.election}${p.stack === null ? '' : `, ${p.stack}`}: phiếu được tính không phải phiếu mà các lần đọc thống nhất — ${
        p.problem === 'outside'
          ? `${p.counted} phiếu không thuộc tập phiếu nào`
          : p.problem === 'unsettled'
            ? `${p.counted} phiếu được tính khi các lần đọc chưa khớp`
            : p.problem === 'unreadable'
              ? 'các lần đọc không cho ra phiếu được tính'
              : p.problem === 'count'
                ? `các lần đọc cho ${p.agreed} phiếu, tệp tính ${p.counted} phiếu`
                : `phiếu số ${p.n} khác phiếu thứ ${p.position} của tập`
      }`,
  }),
  /** A table of the congress file, as verify names it. */
  verifyTable: (table: string): string => {
    const name = (
      {
        congress: 'thông tin đại hội',
        delegate: 'đại biểu',
        base: 'cơ sở tính tỷ lệ',
        base_exclusion: 'loại trừ khỏi cơ sở tính',
        committee_member: 'Ban kiểm phiếu',
        operator: 'người dùng',
        election: 'cuộc bầu',
        candidate: 'danh sách bầu cử',
        batch: 'tập phiếu',
        ballot: 'phiếu bầu',
        display: 'màn chiếu',
        candidate_detail: 'thông tin giới thiệu ứng cử viên',
        candidate_photo: 'ảnh ứng cử viên',
        audit: 'nhật ký',
      } as Readonly<Record<string, string>>
    )[table];
    return name === undefined ? `table ${table}` : `bảng ${table} (${name})`;
  },
  pairing: {
    title: 'Ghép nối máy trạm',
    help: 'Nhập mã ghép nối đang hiện trên màn hình của máy chính (mục "Tệp đại hội").',
    code: 'Mã ghép nối',
    submit: 'Ghép nối',
    other: 'Máy trạm khác trong mạng nội bộ',
    open: 'Mở trên máy trạm:',
  },
  login: {
    title: 'Đăng nhập',
    name: 'Họ tên',
    pin: 'Mã PIN',
    submit: 'Đăng nhập',
    as: (n: string) => `Người dùng: ${n}`,
    logout: 'Đăng xuất',
  },
  entity,
  /** What became of a candidate, as every screen, document and table names it. */
  outcome: {
    elected: 'Trúng cử',
    tied: 'Bằng phiếu',
    // Over half but outside the seats: said in full, so that it never reads as "elected".
    'over-half-not-elected': 'Quá một nửa, không trúng cử (ngoài số lượng)',
    'not-elected': 'Không trúng cử',
  } satisfies Texts<Outcome>,
  /** An election's round, when its title does not say it. */
  roundOf: (round: number) => `vòng ${round}`,
  /** The base in one line, for the header of every screen and document of an election. */
  baseLine: {
    override: (note: string) => `Đoàn Chủ tịch quyết định: ${note}`,
    validBallots: 'bằng số phiếu hợp lệ',
    collectedBallots: 'bằng số phiếu thu vào',
    convened: (convened: number, excluded: number) =>
      `triệu tập ${convened} − loại trừ ${excluded}`,
    line: (base: number, how: string, threshold: number) =>
      `Cơ sở tính tỷ lệ: ${base} (${how}); trúng cử khi được từ ${threshold} phiếu trở lên`,
  },
  /** `kiem-phieu scan` and `scan-test`: why a sheet was refused or doubted, and their lines. */
  scan: {
    reason: {
      blank: 'trang trắng (mặt sau), bỏ qua',
      'missing-mark': 'thiếu dấu định vị ở góc',
      'marks-inconsistent':
        'các dấu định vị không khớp với phiếu (tờ bị cong, gấp hoặc không phải phiếu)',
      resolution: 'độ phân giải quét dưới 100 dpi',
      'unreadable-code': 'không đọc được mã QR',
      'not-a-ballot': 'mã QR không phải của phiếu Kiểm phiếu',
      'other-election': 'phiếu của cuộc bầu khác',
      'other-round': 'phiếu của vòng bầu khác',
      'other-list': 'phiếu của danh sách khác (đại hội khác hoặc danh sách đã thay đổi)',
      'missing-side': 'thiếu một mặt của phiếu hai mặt',
      'unreadable-file': 'không đọc được tệp',
      'not-an-image': 'không phải tệp ảnh (PNG, JPEG, TIFF) hay PDF',
      'too-large': 'ảnh quá lớn',
      corrupt: 'tệp hỏng hoặc bị cắt cụt',
      'unsupported-pdf-image': 'ảnh trong PDF có kiểu nén chưa hỗ trợ',
      'no-image-on-page': 'trang PDF không có ảnh quét',
      'duplicate-file': 'trùng nội dung với tệp đã đưa vào',
      'reader-crashed':
        'trình đọc dừng lại ở trang này (ảnh quá nặng hoặc lỗi); các trang khác vẫn được đọc',
      'doubtful-line': 'dòng không chắc chắn',
      'ink-beside-name': 'có mực bên cạnh tên',
      'ink-outside-lines': 'có chữ viết hoặc vết mực ngoài các dòng tên',
      'ink-outside-list':
        'có chữ viết hoặc vết mực ở chỗ khác trên phiếu (phần đầu phiếu, lề, dưới danh sách)',
    } satisfies Texts<ScanReason>,
    status: {
      read: 'đọc được',
      review: 'cần xem lại',
      rejected: 'bị từ chối',
      skipped: 'bỏ qua',
    },
    sheet: 'Tờ',
    page: 'trang',
    struck: 'gạch',
    nothingStruck: 'không gạch tên nào',
    uncertain: 'chưa chắc',
    summary: (n: number, r: number, v: number, x: number, s: number) =>
      `${n} tờ: ${r} đọc được, ${v} cần xem lại, ${x} bị từ chối, ${s} trang trắng bỏ qua.`,
    countMismatch: (got: number, declared: number) =>
      `!!! SỐ TỜ KHÔNG KHỚP: quét được ${got} phiếu, số phiếu khai báo của tập là ${declared}. Kiểm tra lại tập phiếu (có thể một tờ đã bị quét hai lần hoặc bị sót).`,
    scores: 'Phân bố điểm các dòng (‰)',
    margin: (lo: string, hi: string) =>
      `Điểm thấp nhất của dòng gạch: ${lo}; cao nhất của dòng không gạch: ${hi}.`,
    mark: {
      agree: 'đồng ý',
      disagree: 'không đồng ý',
      both: 'cả hai ô',
      none: 'không ô nào',
    } satisfies Texts<Mark>,
    testWritten: (pdf: string, out: string, n: number) =>
      `Đã in ${n} phiếu thử vào ${pdf}; kết quả đúng ghi vào ${out}.`,
    testBallot: 'Phiếu',
    testMatch: 'khớp',
    testMismatch: 'KHÔNG KHỚP',
    testExpected: 'đúng ra',
    testReview: 'máy đòi xem lại',
    testMissing: 'không có tờ quét nào',
    testExtra: 'Tờ thừa',
    testVerdictOk: (n: number) =>
      `Kết quả: khớp — cả ${n} phiếu thử đọc đúng. Máy quét và thiết lập này dùng được.`,
    testVerdictBad: (bad: number, n: number) =>
      `Kết quả: KHÔNG KHỚP — ${bad}/${n} phiếu thử đọc sai hoặc thiếu. Chưa dùng máy quét với thiết lập này; xem các dòng trên.`,
    testBadExpected: (f: string) => `Tệp kết quả đúng không hợp lệ: ${f}`,
    testOtherElection: (f: string) => `${f} là bộ phiếu thử của cuộc bầu khác.`,
  },
  /** A stack's readings and their differences, in the committee's words (core/readings). */
  readings: {
    status: stackStatus,
    kind: {
      keyboard: 'Nhập bàn phím',
      scan: 'Máy quét',
      confirm: 'Xác nhận ảnh quét',
    } satisfies Texts<ReadingKind>,
    difference: (stack: string, position: number, readings: readonly string[]) =>
      `tập ${stack}, phiếu thứ ${position}: ${readings.join('; ')}`,
    reading: (n: number, text: string) => `lần ${n} ${text}`,
    /** After a gap a reading's own count runs apart from the position: said, to find the sheet. */
    readingAt: (n: number, at: number, text: string) =>
      `lần ${n} (phiếu thứ ${at} của lần này) ${text}`,
    struck: (numbers: readonly string[]) =>
      numbers.length === 0 ? 'không gạch tên nào' : `gạch ${numbers.join(', ')}`,
    mark: {
      agree: 'đồng ý',
      disagree: 'không đồng ý',
      both: 'cả hai ô',
      none: 'bỏ trống',
    } satisfies Texts<Mark>,
    markGroup: (mark: string, numbers: readonly string[]) => `${mark} ${numbers.join(', ')}`,
    paper: (label: string) => `không hợp lệ: ${label}`,
    ruling: (label: string) => `Ban kiểm phiếu xác định không hợp lệ: ${label}`,
    gap: 'thiếu phiếu',
  },
  /** The command line's sentences (cli/). */
  cli: {
    openFailed: 'Không mở được tệp đại hội',
    internalError: 'Lỗi nội bộ của kiem-phieu (lỗi phần mềm, không phải do dữ liệu bị từ chối)',
    unknownCommand: (command: string) => `Lệnh không rõ: ${command}`,
    recordRefused: (file: string) => `Hồ sơ bị từ chối: ${file}`,
    importRefused: (into: string) => `Không nhập được vào ${into}`,
    imported: (code: string, ballots: number, into: string) =>
      `Đã nhập cuộc bầu "${code}" với ${ballots} phiếu vào ${into}.\n`,
    exportRefused: 'Không xuất được',
    exported: (code: string, ballots: number, out: string) =>
      `Đã xuất cuộc bầu "${code}" (${ballots} phiếu) ra ${out}.\n`,
    auditExported: (rows: number, out: string) => `Đã xuất nhật ký (${rows} dòng) ra ${out}.\n`,
    auditVerified: (rows: number, head: string) =>
      `✓ Chuỗi băm nhật ký hợp lệ: ${rows} dòng.\n  Mã băm cuối: ${head}\n`,
    checkIntegrity: 'Tính toàn vẹn của tệp (SQLite integrity_check)',
    checkChain: (rows: number) => `Chuỗi băm nhật ký: ${rows} dòng`,
    checkTables: (rows: number) => `Mọi bảng đối chiếu với nhật ký chạy lại: ${rows} dòng`,
    checkScans: (n: number) => `Ảnh quét bên cạnh tệp (đúng SHA-256 đã ghi): ${n}`,
    checkBackups: (n: number) =>
      `Bản sao lưu bên cạnh tệp (nhật ký là phần đầu của nhật ký tệp): ${n}`,
    headHash: 'Mã băm cuối của nhật ký',
    resultEmpty:
      'KẾT QUẢ: tệp trống, nhật ký không có dòng nào. Nếu tệp này đã dùng cho kiểm phiếu thì nó đã bị xóa: đối chiếu với bản sao lưu và mã băm in trên giấy.\n',
    resultOk:
      'KẾT QUẢ: tệp hợp lệ, không bị sửa ngoài ứng dụng. Đối chiếu mã băm cuối với mã in trên biên bản và phiếu tập.\n',
    noBackupsNote:
      'Lưu ý: không có bản sao lưu bên cạnh tệp để đối chiếu; nếu phần cuối nhật ký bị cắt bớt thì chỉ mã băm in trên giấy mới cho thấy.\n',
    resultBad: 'KẾT QUẢ: tệp KHÔNG hợp lệ. Các chỗ hỏng đầu tiên:',
    andMore: (n: number) => `\n  … và ${n} chỗ khác`,
    noBackups: (file: string) => `Chưa có bản sao lưu nào của ${file}.\n`,
    restoreRefused: 'Không khôi phục được',
    backupInvalid: 'Bản sao lưu không hợp lệ, không khôi phục:',
    restored: (file: string, from: string, keptAs: string | null) =>
      `Đã khôi phục ${file} từ ${from}.${keptAs ? ` Tệp cũ được giữ lại: ${keptAs}` : ''}\n`,
    backupRefused: 'Không sao lưu được',
    backedUp: (path: string, kib: string, rows: number, head: string) =>
      `Đã sao lưu ra ${path} (${kib} KiB) và kiểm tra bản sao: hợp lệ, ${rows} dòng nhật ký.\n  Mã băm cuối: ${head}\n`,
    notSigned: (file: string) => `Không ký được biên bản, chưa ghi tệp nào. Chứng thư số: ${file}`,
    ballotWritten: (paper: string, pdf: string) => `Đã tạo phiếu bầu ${paper}: ${pdf}\n`,
    passEnvMissing: (name: string) =>
      `Biến môi trường ${name} (mật khẩu tệp .p12) chưa được đặt.\n`,
    minutesWritten: (signed: boolean, pdf: string) =>
      `Đã tạo biên bản kiểm phiếu${signed ? ' (đã ký số)' : ''}: ${pdf}\n`,
    announcementWritten: (path: string) => `Đã tạo văn bản công bố kết quả: ${path}\n`,
    signatureInvalid: (problem: string) => `Chữ ký KHÔNG hợp lệ: ${problem}.\n`,
    signatureValid: (signer: string, at: string | null) =>
      `✓ Chữ ký số hợp lệ, tài liệu không bị thay đổi sau khi ký.\n  Người ký: ${signer}\n  Thời điểm ký: ${at ?? '(không ghi)'}\n`,
    signatureProblem: {
      'no-signature': 'tệp không có chữ ký số',
      'byte-range': 'vùng ký (ByteRange) không hợp lệ',
      'not-whole-file': 'có nội dung được thêm sau khi ký',
      digest: 'nội dung đã bị thay đổi sau khi ký',
      signature: 'chữ ký không khớp với chứng thư số',
      malformed: 'chữ ký số không đọc được',
    },
  },
  /** `kiem-phieu readings`: a record's readings recounted (core/record-recount.ts). */
  recount: {
    noReadings: (file: string) =>
      `Hồ sơ ${file} không mang các lần đọc (trường "readings"): chỉ tính lại được các phiếu đã thống nhất, bằng lệnh tally.\n`,
    title: (election: string, required: number) =>
      `Kiểm tra các lần đọc: ${election} — mỗi tập cần ${required} lần đọc`,
    stack: (label: string, declared: number, status: string) =>
      `Tập ${label} (khai ${declared} phiếu): ${status}`,
    reading: (r: ReadingSummary, kind: string) =>
      `${r.number === null ? 'lần đọc bỏ dở' : `lần ${r.number}`}: ${kind}, ${r.operator}, ${r.station}, ${r.ballots} phiếu`,
    differences: (positions: readonly number[], ruled: number) =>
      positions.length === 0
        ? 'các lần đọc khớp nhau'
        : `${positions.length} chỗ khác nhau (phiếu thứ ${positions.slice(0, 20).join(', ')}${positions.length > 20 ? ', …' : ''}), Ban kiểm phiếu đã quyết định ${ruled} chỗ`,
    recounted: (recounted: number, entered: number, changed: number) =>
      `tính lại được ${recounted} phiếu; hồ sơ ghi ${entered} phiếu của tập${changed > 0 ? ` (${changed} phiếu Ban kiểm phiếu sửa hoặc xác định lại sau khi tính)` : ''}`,
    notCounted: 'chưa được tính',
    outside: (count: number) => `${count} phiếu nhập thẳng, không qua lần đọc của tập nào`,
    tableTitle: 'Kết quả nếu chỉ tính từng lần đọc (lần đọc k của mọi tập đã được tính):',
    candidate: 'Ứng cử viên',
    recordColumn: 'Hồ sơ',
    readingColumn: (k: number) => `Lần ${k}`,
    valid: 'Phiếu hợp lệ',
    invalid: 'Phiếu không hợp lệ',
    elected: 'Trúng cử (số thứ tự)',
    ok: 'KẾT QUẢ: các lần đọc và quyết định của Ban kiểm phiếu cho đúng các phiếu của hồ sơ, theo đúng thứ tự từng tập.\n',
    bad: (count: number) => `KẾT QUẢ: KHÔNG khớp — ${count} chỗ:`,
    field: {
      shape: 'loại phiếu (struck / marks / invalid)',
      struck: 'struck (tên bị gạch)',
      marks: 'marks (ô đánh dấu)',
      invalid: 'invalid (lý do không hợp lệ)',
      ruling: 'ruling (Ban kiểm phiếu xác định không hợp lệ)',
    },
    problem: {
      refused: (stack: string, reason: string) => `tập ${stack}: ${reason}`,
      status: (stack: string, status: string, recounted: string) =>
        `tập ${stack}: hồ sơ ghi trạng thái "${status}", nhưng các lần đọc và quyết định dẫn đến "${recounted}"`,
      unsettled: (stack: string, entered: number) =>
        `tập ${stack}: chưa được tính, vậy mà hồ sơ có ${entered} phiếu của tập này`,
      count: (stack: string, recounted: number, entered: number) =>
        `tập ${stack}: các lần đọc cho ${recounted} phiếu, hồ sơ ghi ${entered} phiếu của tập`,
      ballot: (at: BallotInStack, field: string, recounted: string, entered: string) =>
        `tập ${at.stack}, phiếu thứ ${at.position} của tập (phiếu số ${at.n} của hồ sơ), trường ${field}: các lần đọc cho “${recounted}”, hồ sơ ghi “${entered}”`,
      missing: (at: BallotInStack) =>
        `tập ${at.stack}, phiếu thứ ${at.position} của tập: hồ sơ không có phiếu số ${at.n}`,
      voided: (at: BallotInStack) =>
        `tập ${at.stack}, phiếu thứ ${at.position} của tập: phiếu số ${at.n} ghi là đã hủy, vậy mà hồ sơ vẫn tính`,
      outside: (count: number, n: number) =>
        `${count} phiếu của hồ sơ (đầu tiên là phiếu số ${n}) không do tập nào cho, trong khi mỗi tập cần nhiều lần đọc`,
    },
  },
  /** Why a call got no answer. */
  unavailable: {
    disconnected: 'Mất kết nối với máy chủ — đang kết nối lại. Dữ liệu đang nhập vẫn được giữ.',
    internal:
      'Máy chủ gặp lỗi ngoài dự kiến khi xử lý yêu cầu; chưa có gì thay đổi do yêu cầu này. Hãy thử lại.',
  },
  /** Where a refusal is: the ballot's number first, when it is about one ballot. */
  refusalBallot: (n: number) => `Phiếu số ${n} — `,
  /** The columns of a people sheet, as the preview and its problems name them. */
  sheetField: {
    no: 'STT',
    name: 'Họ và tên',
    family: 'Họ và tên đệm',
    given: 'Tên',
    unit: 'Đơn vị',
    position: 'Chức vụ',
    category: 'Thành phần',
    status: 'Chính thức / Dự khuyết',
    gender: 'Giới tính',
    birthYear: 'Năm sinh',
    hometown: 'Quê quán',
    education: 'Trình độ',
    biography: 'Tóm tắt tiểu sử',
  } satisfies Texts<PeopleField>,
  sheetWhere: (rows: readonly number[], field: string) =>
    `Dòng ${rowList(rows, (n) => `${n} dòng`)}, cột ${field}`,
  /** Why a row below the header is not read as a person. */
  sheetLeftOut: {
    summary: 'dòng tổng số',
    signature: 'dòng chữ ký',
    date: 'dòng địa danh, ngày tháng',
    'count-only': 'dòng chỉ có con số, không có tên',
    'below-signature': 'nằm dưới phần chữ ký',
    operator: 'người dùng bỏ ra',
  } satisfies Texts<LeftOutReason>,
  sheetProblem: typed<SheetProblemTexts>({
    'unsupported-type': (p) =>
      /\.xls$/iu.test(p.fileName)
        ? `Tệp “${p.fileName}” là dạng .xls cũ: hãy mở bằng Excel và lưu lại dạng .xlsx`
        : `Tệp “${p.fileName}” không phải bảng tính .xlsx hoặc .csv`,
    unreadable: (p) =>
      `Không đọc được tệp “${p.fileName}” (tệp hỏng, có mật khẩu hoặc không đúng định dạng)`,
    'empty-file': (p) => `Tệp “${p.fileName}” không có dữ liệu`,
    'no-header': () =>
      `Không tìm thấy dòng tiêu đề có cột Họ và tên (hoặc Họ và Tên) trong ${HEADER_SEARCH_ROWS} dòng đầu`,
    'column-out-of-range': (p, field) =>
      `Cột ${field} được chọn là cột ${p.column}, nhưng bảng chỉ có ${p.columns} cột`,
    'bad-mapping': (p) => `Cách ghép cột không hợp lệ: ${p.reason}`,
    'no-people': (p) =>
      `Không có người nào dưới dòng tiêu đề${p.rows.length > 0 ? ` (dòng ${p.rows.join(', ')})` : ''}`,
    'empty-name': () => 'để trống',
    'duplicate-name': (p) => `trùng tên “${p.name}”`,
    'unknown-status': (p) => `“${p.value}” không phải “Chính thức” hay “Dự khuyết”`,
    'invalid-birth-year': (p) => `“${p.value}” không phải năm sinh`,
    'too-long': (p) =>
      `dài ${p.length} ký tự, quá ${p.max} ký tự mà màn hình chiếu và tài liệu in đọc được: hãy rút gọn`,
    'over-limit': (p) => {
      const at = p.cell ? ` (ô ${p.cell})` : p.row ? ` (dòng ${p.row})` : '';
      const f = `Tệp “${p.fileName}”`;
      switch (p.limit) {
        case 'file-bytes':
          return `${f} lớn quá ${mib(p.max)} MB`;
        case 'expanded-bytes':
          return `${f} giải nén ra quá ${mib(p.max)} MB${p.part ? ` (ở phần ${p.part})` : ''}: không phải một danh sách bình thường, không đọc`;
        case 'zip-entries':
          return `${f} có quá ${p.max} thành phần: không phải một danh sách bình thường, không đọc`;
        case 'rows':
          return `${f} có quá ${p.max} dòng${at}`;
        case 'columns':
          return `${f} có dữ liệu ngoài cột thứ ${p.max}${at}`;
        case 'cells':
          return `${f} có quá ${p.max} ô${at}`;
        case 'cell-chars':
          return `${f} có ô dài quá ${p.max} ký tự${at}`;
        case 'time':
          return `Đọc tệp “${p.fileName}” quá ${p.max} giây nên đã dừng`;
        case 'memory':
          return `Đọc tệp “${p.fileName}” cần quá ${p.max} MB bộ nhớ nên đã dừng`;
      }
    },
    'unterminated-quote': (p) =>
      `Tệp “${p.fileName}”, dòng ${p.row}: dấu ngoặc kép " mở ra mà không đóng lại`,
    'mixed-encoding': (p) =>
      `Tệp “${p.fileName}” trộn hai bảng mã: dòng ${p.utf8Line} là Unicode (UTF-8), dòng ${p.otherLine} thì không; hãy lưu lại tệp dạng CSV UTF-8`,
    'doubtful-encoding': (p) =>
      `Không chắc bảng mã của tệp “${p.fileName}” (${p.charset}: chỉ ${p.confidence}% số từ đọc ra tiếng Việt); hãy lưu lại tệp dạng CSV UTF-8`,
    formula: (p) => `là công thức “=${p.formula}”, không phải tên; hãy nhập tên`,
  }),
  refusal: typed<RefusalTexts>({
    'not-json': (r) => `không đọc được JSON (${r.reason})`,
    'wrong-format': (r) => `định dạng "${r.received}" không đúng, phải là "${r.expected}"`,
    required: () => 'thiếu trường bắt buộc',
    type: (r) => `phải là ${typeName(r.expected)}, nhận được ${typeName(r.received)}`,
    enum: (r) => `giá trị "${r.value}" không hợp lệ; cho phép: ${list(r.allowed)}`,
    'too-small': (r) => `phải từ ${r.min} trở lên`,
    'too-big': (r) => `không được quá ${r.max}`,
    'not-integer': () => 'phải là số nguyên',
    'empty-text': () => 'không được để trống',
    'bad-date': (r) => `ngày "${r.value}" không hợp lệ (dạng YYYY-MM-DD)`,
    'bad-format': () => 'không đúng dạng quy định',
    'unknown-field': (r) => `trường không được phép: ${list(r.keys)}`,
    'ballot-shape': () =>
      'phiếu phải có đúng một trong các trường "struck", "marks" hoặc "invalid"',
    'unsafe-character': (r) =>
      `chứa ký tự điều khiển hoặc ký tự đổi chiều chữ ${r.character}, không được phép trong văn bản`,
    'bad-utf8': (r) => `tệp không phải UTF-8 hợp lệ: byte sai ở vị trí ${r.offset} (tính từ 0)`,
    'too-deep': (r) => `dữ liệu lồng nhau quá ${r.limit} tầng`,
    'client-key-conflict': (r) =>
      `mã lưu của máy này đã dùng cho phiếu số ${r.n} với nội dung khác; phiếu mới không được lưu — hãy nhập lại phiếu`,
    'duplicate-n': (r) => `số thứ tự phiếu ${r.n} bị trùng`,
    'duplicate-candidate-id': (r) => `mã ứng cử viên "${r.id}" bị trùng`,
    'unknown-candidate': (r) => `ứng cử viên "${r.id}" không có trong danh sách bầu cử`,
    'duplicate-struck': (r) => `ứng cử viên "${r.id}" bị gạch hai lần`,
    'missing-mark': (r) => `thiếu ô đánh dấu của ứng cử viên "${r.id}"`,
    'layout-mismatch': (r) => `phiếu kiểu "${r.ballotLayout}" trong cuộc bầu kiểu "${r.layout}"`,
    'note-required': () => 'lý do "other" (khác) phải kèm ghi chú của Ban kiểm phiếu',
    'exclusion-category': (r) =>
      `loại trừ "${r.category}" không áp dụng cho đại hội này; cho phép: ${list(r.allowed)}`,
    'base-below-one': (r) =>
      `số được triệu tập (${r.convened}) trừ số loại trừ (${r.excluded}) phải còn ít nhất 1`,
    'not-found': (r) => `không có ${entity[r.what]} "${r.id}"`,
    'wrong-status': (r) =>
      `cuộc bầu đang ở trạng thái "${lower(status[r.status])}"; lệnh này chỉ làm được khi ${list(r.allowed.map((s) => lower(status[s])))}`,
    forbidden: (r) => `vai trò "${r.role}" không được làm việc này; cần: ${list(r.needed)}`,
    'wrong-pin': () => 'tên hoặc mã PIN không đúng',
    'stack-status': (r) =>
      `tập phiếu đang ở trạng thái "${lower(stackStatus[r.status])}"; việc này chỉ làm được ở trạng thái ${list(r.allowed.map((s) => `"${lower(stackStatus[s])}"`))}`,
    'readings-complete': (r) => `tập phiếu này cần ${r.required} lần đọc và đã có đủ người đọc`,
    'same-operator': (r) =>
      `${r.operator} đã đọc tập phiếu này (lần ${r.reading}); mỗi lần đọc phải do một người khác (trừ lần đọc của máy quét), để lần sau không lặp lại nhầm lẫn của lần trước`,
    'confirm-needs-scan': () =>
      'tập phiếu chưa được máy quét đọc: chỉ xác nhận được kết quả đọc của máy quét',
    'second-scan': (r) =>
      `tập phiếu đã được máy quét đọc (lần ${r.reading}); lần đọc khác phải do người nhập hoặc xác nhận`,
    'reading-not-open': (r) => `lần đọc ${r.reading} không phải lần đọc đang diễn ra của tập này`,
    'readings-unfinished': (r) =>
      `mới đọc xong ${r.finished}/${r.required} lần; chỉ so sánh khi đã đọc xong cả ${r.required} lần`,
    'not-a-difference': (r) => `ở phiếu thứ ${r.position} các lần đọc không khác nhau`,
    'no-such-reading': (r) => `không có lần đọc ${r.reading} (tập phiếu có ${r.readings} lần đọc)`,
    'differences-open': (r) =>
      `còn ${r.positions.length} chỗ khác nhau chưa xử lý: phiếu thứ ${rowList(r.positions, (n) => `${n} chỗ`)}`,
    'stack-too-large': (r) =>
      `một lần đọc có ${r.ballots} phiếu, quá ${r.max} phiếu của một tập: hãy chia thành các tập nhỏ hơn`,
    'bad-order': () => 'thứ tự mới phải gồm đúng mỗi ứng cử viên một lần',
    'duplicate-code': (r) => `mã "${r.id}" đã được dùng`,
    'no-follow-up': (r) =>
      `kết quả hiện tại (${r.status}) không có bằng phiếu hay chỗ trống để bầu lại hoặc bầu tiếp`,
    'already-voided': (r) => `phiếu số ${r.n} đã bị hủy`,
    'one-head': (r) => `Ban kiểm phiếu phải có đúng một Trưởng ban (đang có ${r.heads})`,
    'ruling-on-paper-invalid': () =>
      'phiếu này đã được Ban kiểm phiếu xác định không hợp lệ từ tờ phiếu; muốn đổi lý do thì sửa phiếu',
    token: () => 'thiếu hoặc sai mã phiên của máy chủ (mã được in ra khi khởi động)',
    'login-required': () => 'cần đăng nhập bằng tên và mã PIN',
    'too-large': (r) => `dữ liệu gửi lên quá lớn (tối đa ${r.limit} byte)`,
    pairing: (r) =>
      r.reason === 'too-many'
        ? 'nhập sai mã ghép nối quá nhiều lần; chờ một phút rồi thử lại'
        : 'mã ghép nối không đúng hoặc đã hết hạn; xem mã mới trên màn hình chính',
    'no-file': () => 'chưa mở tệp đại hội nào',
    'file-exists': (r) => `đã có tệp ${r.path}; hãy mở tệp đó hoặc chọn tên khác`,
    'practice-mixed': (r) =>
      r.practice
        ? 'đây là tệp TẬP HUẤN: không trộn với dữ liệu của đại hội thật, và không đổi thành tệp thật được'
        : 'đây là tệp đại hội thật: không nhận dữ liệu TẬP HUẤN, và không đổi thành tệp tập huấn được',
    'p12-password': () =>
      'sai mật khẩu của tệp chứng thư số (.p12): kiểm tra chữ hoa, chữ thường và dấu tiếng Việt',
    'p12-unreadable': (r) =>
      r.problem === 'no-key'
        ? 'tệp chứng thư số (.p12) không có khóa bí mật'
        : r.problem === 'no-certificate'
          ? 'tệp chứng thư số (.p12) không có chứng thư khớp với khóa bí mật'
          : 'không đọc được tệp chứng thư số (.p12): tệp hỏng hoặc không phải PKCS#12',
    throttled: (r) => `đã nhập sai nhiều lần; chờ ${r.seconds} giây rồi thử lại`,
    'duplicate-scan': (r) =>
      `tờ đã quét rồi (cùng ảnh): ${r.file}${r.page > 1 ? `, trang ${r.page}` : ''} — không tính lần hai`,
    'scan-not-open': (r) =>
      `tờ quét này không còn chờ quyết định (${r.status === 'decided' ? 'đã quyết định' : r.status === 'read' ? 'đã đọc chắc chắn' : 'bỏ qua'})`,
    'scan-busy': (r) =>
      `đang đọc một lượt quét khác (${r.done}/${r.listed} tờ); chờ xong rồi quét tiếp`,
    'scans-undecided': (r) => `còn ${r.count} tờ quét chờ duyệt; duyệt xong rồi mới đóng được`,
    'readings-in-use': (r) =>
      `cuộc bầu này cần ${r.required} lần đọc mỗi tập phiếu: phiếu được nhập qua các lần đọc của tập`,
    'readings-fixed': () => 'đã có phiếu hoặc lần đọc: số lần đọc mỗi tập không đổi được nữa',
    'not-your-reading': (r) =>
      `lần đọc ${r.reading} của tập này là của ${r.operator}; mỗi người chỉ nhập vào lần đọc của mình`,
    'stacks-unsettled': (r) =>
      `các tập phiếu chưa khớp hoặc chưa xử lý xong chênh lệch: ${list(r.stacks)}`,
    'not-confirmed': (r) =>
      r.changed
        ? 'kết quả đã thay đổi sau khi Ban kiểm phiếu xác nhận: cần xác nhận lại trước khi chốt'
        : 'Ban kiểm phiếu chưa xác nhận kết quả (một thành viên nhập mã PIN) nên chưa chốt được',
    'unknown-call': (r) =>
      `không có lời gọi "${r.kind}${r.name === '' ? '' : ` ${r.name}`}"; có: ${list(r.allowed)}`,
    file: (r) => `lỗi tệp: ${r.reason}`,
  }),
  warning: typed<WarningTexts>({
    'base-override': (w) =>
      `Đoàn Chủ tịch đã quyết định cơ sở tính là ${w.base} (theo quy tắc là ${w.computed}): ${w.note}`,
    'surplus-over-limit': (w) =>
      `Số dư ${w.surplus} (${w.candidates} người cho ${w.seats} chỗ) vượt mức tối đa ${w.limit} của Quy chế`,
    'no-surplus': (w) =>
      `Danh sách không có số dư (${w.candidates} người cho ${w.seats} chỗ) nhưng phiếu là kiểu gạch tên`,
    'approve-with-surplus': (w) =>
      `Danh sách có số dư (${w.candidates} người cho ${w.seats} chỗ) nhưng phiếu là kiểu đồng ý/không đồng ý`,
    'issued-exceeds-present': (w) =>
      `Số phiếu phát ra (${w.issued}) nhiều hơn số người có mặt (${w.present})`,
    'collected-exceeds-issued': (w) =>
      `Số phiếu thu vào (${w.collected}) nhiều hơn số phiếu phát ra (${w.issued})`,
  }),
};
