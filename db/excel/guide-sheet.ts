/** "Hướng dẫn": how to recount an election from the ballots sheet, in Vietnamese. */
import type { ElectionRecord } from '../../core/record.ts';
import type { ElectionResult } from '../../core/tally.ts';
import type { BallotsLayout } from './ballots-sheet.ts';
import { baseExplanation } from './ballots-sheet.ts';
import { a4, columnLetter, fitHeight, put, type Worksheet } from './sheet.ts';
import { T } from './text.ts';

const WIDTH = 100;

export function guideParagraphs(
  record: ElectionRecord,
  result: ElectionResult,
  layout: BallotsLayout,
  ballotsSheet: string,
): string[] {
  const { rows } = layout;
  const firstCol = columnLetter(layout.firstCandidateColumn);
  const lastCol = columnLetter(layout.lastCandidateColumn);
  const layoutRule =
    record.election.layout === 'strike'
      ? 'Phiếu kiểu gạch tên: ô bằng 1 khi phiếu hợp lệ và tên người đó không bị gạch; tên bị gạch là 0.'
      : 'Phiếu kiểu "Đồng ý / Không đồng ý": ô bằng 1 khi phiếu hợp lệ và dòng của người đó chỉ đánh dấu ở cột "Đồng ý"; đánh dấu "Không đồng ý", cả hai cột hoặc bỏ trống là 0.';
  const baseRule =
    record.rules === 'party'
      ? 'Theo Quy chế bầu cử trong Đảng, cơ sở tính không phải là số phiếu hợp lệ mà là số đại biểu (đảng viên) được triệu tập trừ các trường hợp được loại trừ; Đoàn Chủ tịch có thể quyết định khác và ghi rõ lý do.'
      : 'Đại hội này áp dụng quy tắc của tổ chức mình về cơ sở tính tỷ lệ.';
  return [
    `Trang "${ballotsSheet}" ghi từng phiếu bầu của cuộc bầu "${record.election.title}" để bất kỳ ai cũng có thể kiểm lại kết quả bằng bảng tính.`,
    `1. Mỗi dòng (từ dòng ${layout.first}) là một phiếu thu vào. "Phiếu số" là thứ tự nhập phiếu của Tổ kỹ thuật, không phải số in trên phiếu: phiếu bầu không có số và không có dấu hiệu nào nhận biết người bỏ phiếu; tệp này cũng không ghi thời điểm nhập từng phiếu.`,
    `2. Cột "Tình trạng" ghi "${T.validBallot}" hoặc lý do phiếu không hợp lệ (do phần mềm đọc từ các dấu trên phiếu, hoặc do Ban kiểm phiếu quyết định từ tờ phiếu). Cột "Ghi chú" là ghi chú của Ban kiểm phiếu, nếu có.`,
    `3. Mỗi cột từ ${firstCol} đến ${lastCol} là một người trong danh sách bầu cử, theo thứ tự trên phiếu. ${layoutRule} Phiếu không hợp lệ có mọi ô bằng 0. Cột cuối cùng đếm số người được bầu trên phiếu đó; phiếu hợp lệ không bầu quá ${record.election.seats} người.`,
    `4. Dòng ${rows.sum} cộng từng cột bằng công thức SUM: đó là số phiếu bầu của từng người. Dòng ${rows.valid} đếm số phiếu hợp lệ bằng COUNTIF, dòng ${rows.collected} đếm số phiếu thu vào, dòng ${rows.invalid} là số phiếu không hợp lệ. Các số này phải khớp với biên bản kiểm phiếu.`,
    `5. Cơ sở tính tỷ lệ (dòng ${rows.base}) là ${result.base} (${baseExplanation(record)}). ${baseRule}`,
    `6. Người được quá một nửa là người có 2 × số phiếu > cơ sở tính, tức từ ${result.threshold} phiếu trở lên (dòng ${rows.threshold}; dòng ${rows.qualifies} kiểm tra điều này bằng công thức). Tỷ lệ % (dòng ${rows.percent}) tính trên cơ sở tính, làm tròn 2 chữ số thập phân, chỉ để công bố, không dùng để quyết định.`,
    `7. Trong số người được quá một nửa, lấy từ người nhiều phiếu nhất xuống cho đủ ${record.election.seats} chỗ. Nếu chỗ cuối cùng rơi vào nhóm người bằng phiếu nhau thì không ai trong nhóm trúng cử tự động; Đại hội có thể bầu lại trong số đúng những người đó. Nếu ít người được quá một nửa hơn số lượng cần bầu, số chỗ còn lại để Đại hội quyết định có bầu tiếp hay không. Dòng ${rows.outcome} ghi kết quả phần mềm đã tính.`,
    '8. Cách kiểm lại: lọc cột "Tình trạng" để xem riêng phiếu hợp lệ hoặc không hợp lệ; xem các dòng tổng cộng và so với biên bản. Bảng tính tự tính lại các công thức khi mở tệp; nếu sửa một ô 0/1 để thử, các dòng tổng thay đổi theo — đừng lưu đè tệp gốc.',
    '9. Có thể kiểm lại độc lập bằng tệp hồ sơ cuộc bầu (kiem-phieu/election-record@1) với lệnh: npx kiem-phieu tally HỒ-SƠ.json',
  ];
}

export function writeGuideSheet(
  ws: Worksheet,
  record: ElectionRecord,
  result: ElectionResult,
  layout: BallotsLayout,
  ballotsSheet: string,
): void {
  ws.getColumn(1).width = WIDTH;
  put(ws, 1, 1, 'HƯỚNG DẪN KIỂM LẠI KẾT QUẢ TỪ DỮ LIỆU TỪNG PHIẾU', { bold: true, size: 13 });
  guideParagraphs(record, result, layout, ballotsSheet).forEach((text, i) => {
    const row = 3 + i;
    put(ws, row, 1, text, { wrap: true });
    fitHeight(ws, row, text, WIDTH);
  });
  a4(ws, { orientation: 'portrait' });
}
