/**
 * Every kind of audit event, declared once: what the log viewer, the verify report and any export
 * call it, and how much it matters. Typed against the command table, so a new command without an
 * entry here breaks the build.
 */
import type { CommandName } from './api.ts';

export type AuditLevel = 'info' | 'ballot' | 'important';

/** Rows the app writes by itself, changing no table: the offline guard (db/offline-guard.ts). */
export type SystemEventName = 'internetConnected' | 'internetDisconnected' | 'loginRefused';

export const AUDIT_EVENTS: Readonly<
  Record<
    CommandName | SystemEventName,
    { readonly vi: string; readonly en: string; readonly level: AuditLevel }
  >
> = {
  updateCongress: {
    vi: 'Cập nhật thông tin đại hội',
    en: 'Congress details updated',
    level: 'info',
  },
  addOperator: { vi: 'Thêm người dùng', en: 'Operator added', level: 'important' },
  importDelegates: { vi: 'Nhập danh sách đại biểu', en: 'Delegates imported', level: 'info' },
  removeDelegate: {
    vi: 'Bỏ một đại biểu khỏi danh sách',
    en: 'Delegate removed from the list',
    level: 'important',
  },
  setAttendance: { vi: 'Điểm danh', en: 'Attendance', level: 'info' },
  setAttendanceAll: { vi: 'Điểm danh tất cả', en: 'Attendance of everyone', level: 'info' },
  setBase: { vi: 'Đặt cơ sở tính tỷ lệ', en: 'Base set', level: 'important' },
  setCommittee: { vi: 'Đặt Ban kiểm phiếu', en: 'Counting committee set', level: 'info' },
  createElection: { vi: 'Tạo cuộc bầu', en: 'Election created', level: 'info' },
  setCandidates: { vi: 'Đặt danh sách bầu cử', en: 'Candidates set', level: 'info' },
  reorderCandidates: { vi: 'Sắp xếp lại danh sách', en: 'Candidates reordered', level: 'info' },
  setIssued: { vi: 'Ghi số phiếu phát ra', en: 'Ballots issued recorded', level: 'info' },
  openElection: { vi: 'Mở bỏ phiếu', en: 'Voting opened', level: 'info' },
  startCounting: { vi: 'Bắt đầu kiểm phiếu', en: 'Counting started', level: 'important' },
  openBatch: { vi: 'Bắt đầu tập phiếu', en: 'Batch opened', level: 'info' },
  closeBatch: { vi: 'Đóng tập phiếu', en: 'Batch closed', level: 'info' },
  enterBallot: { vi: 'Nhập phiếu', en: 'Ballot entered', level: 'ballot' },
  correctBallot: { vi: 'Sửa phiếu', en: 'Ballot corrected', level: 'important' },
  voidBallot: { vi: 'Hủy phiếu', en: 'Ballot voided', level: 'important' },
  ruleBallot: { vi: 'Ban kiểm phiếu xác định phiếu', en: 'Ballot ruled', level: 'important' },
  recordScan: { vi: 'Quét một tờ phiếu', en: 'Sheet scanned', level: 'ballot' },
  decideScan: { vi: 'Duyệt tờ phiếu quét', en: 'Scanned sheet decided', level: 'ballot' },
  closeElection: { vi: 'Kết thúc kiểm phiếu', en: 'Counting closed', level: 'important' },
  finalizeElection: { vi: 'Chốt kết quả', en: 'Result finalized', level: 'important' },
  reopenElection: { vi: 'Mở lại cuộc bầu', en: 'Election reopened', level: 'important' },
  suspendElection: { vi: 'Tạm dừng cuộc bầu', en: 'Election suspended', level: 'important' },
  resumeElection: { vi: 'Tiếp tục cuộc bầu', en: 'Election resumed', level: 'important' },
  setDisplay: { vi: 'Đổi màn chiếu', en: 'Projector changed', level: 'info' },
  setCandidateDetails: {
    vi: 'Nhập thông tin giới thiệu ứng cử viên',
    en: 'Candidate details set',
    level: 'info',
  },
  setCandidatePhoto: { vi: 'Đặt ảnh ứng cử viên', en: 'Candidate photo set', level: 'info' },
  importElection: { vi: 'Nhập hồ sơ bầu cử', en: 'Election record imported', level: 'important' },
  createFollowUp: {
    vi: 'Tạo cuộc bầu lại / bầu tiếp',
    en: 'Re-vote or further round created',
    level: 'important',
  },
  loginRefused: {
    vi: 'Đăng nhập sai tên hoặc mã PIN',
    en: 'Login refused: wrong name or PIN',
    level: 'important',
  },
  internetConnected: {
    vi: 'Máy tính có kết nối Internet',
    en: 'Computer connected to the Internet',
    level: 'important',
  },
  internetDisconnected: {
    vi: 'Máy tính không còn kết nối Internet',
    en: 'Computer no longer connected to the Internet',
    level: 'info',
  },
};

export const auditLabel = (command: string, lang: 'vi' | 'en'): string =>
  (AUDIT_EVENTS as Readonly<Record<string, { vi: string; en: string }>>)[command]?.[lang] ??
  command;
