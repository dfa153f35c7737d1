/**
 * A candidates' list as a party office sends it for the introductions: an .xlsx with a title, a
 * header row in Vietnamese (Năm sinh, Quê quán, Chức vụ, Đơn vị công tác, Trình độ, Tóm tắt) and
 * a folder of photos, each a real picture (drawn as SVG, encoded by sharp as JPEG or PNG), named
 * by full name (with and without tone marks, NFD as macOS writes it) or by number.
 */
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { matchPhotos } from '../../core/candidate-details.ts';

export interface CandidateFixture {
  readonly no: number;
  readonly name: string;
  readonly born: string;
  readonly hometown: string;
  readonly position: string;
  readonly unit: string;
  readonly education: string;
  readonly biography: string;
  /** The photo's file name in the folder, or null: no photo. */
  readonly photo: string | null;
}

export const CANDIDATES: readonly CandidateFixture[] = [
  {
    no: 1,
    name: 'Nguyễn Văn An',
    born: '1971',
    hometown: 'xã Thạch Châu, huyện Lộc Hà, tỉnh Hà Tĩnh',
    position: 'Phó Bí thư Thường trực Đảng ủy',
    unit: 'Đảng bộ xã Thạch Châu',
    education: 'Thạc sĩ Quản lý công; Cao cấp lý luận chính trị',
    biography:
      'Năm 1993 tốt nghiệp Đại học Nông nghiệp, về công tác tại Ủy ban nhân dân xã. Từ 2005 là Chủ tịch Ủy ban nhân dân xã; từ 2015 là Phó Bí thư Thường trực Đảng ủy, Chủ tịch Hội đồng nhân dân xã. Được tặng Bằng khen của Thủ tướng Chính phủ năm 2020.',
    photo: 'Nguyen Van An.jpg',
  },
  {
    no: 2,
    name: 'Trần Thị Bích Ngọc',
    born: '12/05/1980',
    hometown: 'phường Bắc Hà, thành phố Hà Tĩnh',
    position: 'Trưởng ban Tuyên giáo',
    unit: 'Đảng ủy Khối các cơ quan tỉnh',
    education: 'Tiến sĩ Ngữ văn',
    biography:
      'Giảng viên Trường Chính trị Trần Phú (2004–2012); Phó Trưởng ban, rồi Trưởng ban Tuyên giáo từ 2018.',
    // macOS writes file names decomposed (NFD).
    photo: 'Trần Thị Bích Ngọc.jpeg'.normalize('NFD'),
  },
  {
    no: 3,
    name: 'Lê Quang Huy',
    born: '1985',
    hometown: 'xã Cẩm Bình, huyện Cẩm Xuyên',
    position: 'Bí thư Đoàn Thanh niên',
    unit: 'Tỉnh đoàn Hà Tĩnh',
    education: 'Cử nhân Luật',
    biography: 'Bí thư Đoàn xã (2008–2013), Phó Bí thư Tỉnh đoàn (2016), Bí thư Tỉnh đoàn từ 2020.',
    photo: '3.png',
  },
  {
    no: 4,
    name: 'Phạm Thị Hồng Nhung',
    born: '1976',
    hometown: 'thị trấn Nghèn, huyện Can Lộc',
    position: 'Chủ tịch Hội Liên hiệp Phụ nữ',
    unit: 'Hội Liên hiệp Phụ nữ tỉnh',
    education: 'Cử nhân Kinh tế; Cao cấp lý luận chính trị',
    biography: 'Nhiều năm công tác Hội ở cơ sở; Chủ tịch Hội Liên hiệp Phụ nữ tỉnh từ 2019.',
    photo: '04. PHAM THI HONG NHUNG.JPG',
  },
  {
    no: 5,
    name: 'Võ Đức Thắng',
    born: '1968',
    hometown: 'xã Sơn Kim 1, huyện Hương Sơn',
    position: 'Giám đốc',
    unit: 'Sở Nông nghiệp và Phát triển nông thôn',
    education: 'Kỹ sư Lâm nghiệp',
    biography: 'Kiểm lâm viên, Hạt trưởng Hạt Kiểm lâm, Phó Giám đốc rồi Giám đốc Sở từ 2021.',
    photo: null,
  },
];

/** The sheet: a title and a date above the header, like a real office's list. */
export async function candidatesXlsx(
  rows: readonly CandidateFixture[] = CANDIDATES,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách ứng cử');
  ws.addRow(['DANH SÁCH ỨNG CỬ VIÊN BAN CHẤP HÀNH ĐẢNG BỘ TỈNH KHÓA XX']);
  ws.addRow(['(Kèm theo Tờ trình số 12-TTr/ĐU)']);
  ws.addRow([]);
  ws.addRow([
    'STT',
    'Họ và tên',
    'Ngày tháng năm sinh',
    'Quê quán',
    'Chức vụ',
    'Đơn vị công tác',
    'Trình độ chuyên môn, lý luận chính trị',
    'Tóm tắt quá trình công tác',
  ]);
  for (const c of rows) {
    ws.addRow([c.no, c.name, c.born, c.hometown, c.position, c.unit, c.education, c.biography]);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const COLOURS = ['#8b1a1a', '#1f4e79', '#2e6b30', '#6b4a1f', '#4b2e6b'];

/** A portrait to stand in a photo: a plain background, a head and shoulders, the initials. */
export async function portrait(
  index: number,
  format: 'jpeg' | 'png',
  { width = 900, height = 1200 }: { width?: number; height?: number } = {},
): Promise<Buffer> {
  const bg = COLOURS[index % COLOURS.length];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 300 400">
    <rect width="300" height="400" fill="#dfe7ef"/>
    <ellipse cx="150" cy="400" rx="130" ry="110" fill="${bg}"/>
    <circle cx="150" cy="170" r="75" fill="#e9c7a8"/>
    <path d="M75 160 Q150 60 225 160 Q210 100 150 95 Q90 100 75 160Z" fill="#222"/>
    <text x="150" y="385" font-family="sans-serif" font-size="40" fill="#fff" text-anchor="middle">${index + 1}</text>
  </svg>`;
  const image = sharp(Buffer.from(svg));
  return format === 'jpeg' ? image.jpeg({ quality: 90 }).toBuffer() : image.png().toBuffer();
}

/** The photo folder's files: name and bytes, with one file that is no picture at all. */
export async function photoFolder(): Promise<{ name: string; bytes: Buffer }[]> {
  const files: { name: string; bytes: Buffer }[] = [];
  for (const [i, c] of CANDIDATES.entries()) {
    if (c.photo === null) continue;
    const png = c.photo.toLowerCase().endsWith('.png');
    files.push({ name: c.photo, bytes: await portrait(i, png ? 'png' : 'jpeg') });
  }
  return files;
}

/** The photo folder's pictures matched to the candidates (by name, or by number on the ballot). */
export async function matchedPhotos(): Promise<
  { name: string; fileName: string; bytes: Buffer }[]
> {
  const folder = await photoFolder();
  const { matches } = matchPhotos(
    folder.map((f) => f.name),
    CANDIDATES.map((c) => ({ name: c.name, number: c.no })),
  );
  return matches.map((m) => ({ ...m, bytes: folder.find((f) => f.name === m.fileName)!.bytes }));
}

/** The congress the candidates stand in, as updateCongress takes it. */
export const CANDIDATES_CONGRESS = {
  name: 'Đại hội đại biểu Đảng bộ tỉnh Hà Tĩnh lần thứ XX',
  organisation: 'Đảng bộ tỉnh Hà Tĩnh',
  kind: 'delegates',
  dateStart: '2025-10-14',
} as const;

/** Their election, as createElection takes it. */
export const CANDIDATES_ELECTION = {
  title: 'Bầu Ban Chấp hành Đảng bộ tỉnh khóa XX, nhiệm kỳ 2025–2030',
  kind: 'committee',
  layout: 'strike',
  seats: 4,
  candidates: CANDIDATES.map((c) => c.name),
} as const;
