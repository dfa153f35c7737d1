#!/usr/bin/env node
// Until the UI issue lands there is no window to open.
console.log(
  'Kiểm phiếu: giao diện chưa có trong phiên bản này — dùng "npx kiem-phieu tally RECORD.json". (The UI is not there yet.)',
);
