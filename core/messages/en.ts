/** Every user-facing text in English: the UI, refusals, warnings, labels of the engine's codes. */
import type { ElectionStatus, Entity } from '../refusal.ts';
import type { BallotInStack, ReadingSummary } from '../record-recount.ts';
import type { Messages } from './index.ts';
import { HEADER_SEARCH_ROWS, type LeftOutReason } from '../protocol/sheet.ts';
import type { Texts } from './types.ts';
import { list, mib, rowList } from './format.ts';
import type { StackStatus } from '../readings/stack.ts';

const lower = (text: string): string => text.charAt(0).toLocaleLowerCase('en') + text.slice(1);

const status: Texts<ElectionStatus> = {
  draft: 'Draft',
  open: 'Voting',
  counting: 'Counting',
  closed: 'Counting closed',
  finalized: 'Finalized (locked)',
  suspended: 'Suspended',
};

const entity: Texts<Entity> = {
  election: 'election',
  ballot: 'ballot',
  candidate: 'candidate',
  delegate: 'delegate',
  batch: 'stack',
  operator: 'operator',
  backup: 'backup',
  base: 'base (delegates convened)',
  congress: 'congress details',
  scan: 'scanned sheet',
  reading: 'reading',
};

/** The states of a stack's readings (core/readings/stack.ts). */
const stackStatus: Texts<StackStatus> = {
  open: 'Not read',
  reading: 'Being read',
  differ: 'Readings differ',
  resolved: 'Differences resolved',
  agreed: 'Readings agree',
};

export const en: Messages = {
  appName: 'Kiểm phiếu',
  internet: {
    banner:
      'This computer is connected to the Internet — do not process Party documents on a computer connected to the Internet',
  },
  practice: {
    label: 'PRACTICE',
    bar: 'Practice file: not a real congress. Every screen and every printed document says TẬP HUẤN (practice).',
    title: 'Technical team training',
    help: 'A complete congress file to practise on: 13 delegates, a counting committee, a committee election with a surplus (ending in a tie that needs a re-vote) and a secretary election; with a stack of pre-marked ballots (PDF) to print, and its right result. Once entered, compare ballot by ballot.',
    path: 'Practice file path',
    pathHint: 'e.g. /home/technical-team/practice.kiemphieu',
    create: 'Create a practice congress',
    created: (deck: string) => `Practice file created. Pre-marked ballots (PDF): ${deck}`,
    check: 'Compare with the practice stack',
    checkTitle: (title: string) => `Compare with the practice stack — ${title}`,
    noElection: 'Choose an election to compare.',
    notInDeck: 'This election is not in the practice stack.',
    n: 'Ballot',
    printed: 'Printed',
    entered: 'Entered',
    verdictColumn: 'Comparison',
    match: 'Match',
    wrong: 'Wrong',
    missing: 'Not entered',
    extra: 'Extra (not in the stack)',
    ruled: 'Ruled invalid by the committee',
    ok: (n: number) => `MATCH: all ${n} ballots entered as printed.`,
    notOk: (matched: number, total: number, wrong: number, missing: number) =>
      `NO MATCH YET: ${matched}/${total} ballots match; ${wrong} wrong; ${missing} not entered.`,
    close: 'Close',
    cliCreated: (file: string, deck: string) =>
      `PRACTICE congress created: ${file}\nPre-marked ballots and the right result (PDF): ${deck}\n`,
    cliRefused: (file: string) => `Cannot create the practice file ${file}`,
  },
  nav: {
    start: 'Congress file',
    setup: 'Setup',
    count: 'Ballot entry',
    results: 'Results',
    audit: 'Audit log',
    projector: 'Projector',
    intro: 'Introductions',
  },
  lang: 'Tiếng Việt',
  common: {
    save: 'Save',
    cancel: 'Cancel',
    confirm: 'Confirm',
    close: 'Close',
    add: 'Add',
    remove: 'Remove',
    up: 'Up',
    down: 'Down',
    yes: 'Yes',
    no: 'No',
    loading: 'Working…',
    saved: 'Saved',
    error: 'Error',
    votes: 'votes',
    none: '—',
    reconnecting: 'Lost the connection to the server — reconnecting… What you are typing is kept.',
    round: 'round',
    back: 'Back',
  },
  start: {
    title: 'Congress file',
    intro:
      'Each congress is one .kiemphieu file holding everything: delegates, elections, every ballot entered and the audit log.',
    create: 'Create a new congress file',
    open: 'Open a congress file',
    path: 'File path',
    pathHint: 'e.g. /home/team/commune-congress.kiemphieu',
    recent: 'Recent',
    noRecent: 'No file opened yet.',
    current: 'Open now',
    name: 'Congress name',
    organisation: 'Party organisation',
    kind: 'Congress kind',
    kindDelegates: 'Delegates’ congress',
    kindMembers: 'Members’ congress',
    rules: 'Base rule set',
    rulesParty: 'Party election regulation',
    rulesValid: 'Valid ballots',
    rulesCollected: 'Ballots collected',
    term: 'Term',
    place: 'Place',
    dateStart: 'Opening date',
    browse: 'Choose…',
    usbTitle: 'Back up to USB',
    usbHelp:
      'A consistent copy of the congress file, even while ballots are being entered, checked before it is reported done. Never copy the .kiemphieu file by hand while the app runs: a hand copy can miss the latest ballots.',
    usbFolder: 'Folder (a USB drive, say)',
    usbChoose: 'Choose a folder and back up…',
    usbCopy: 'Back up',
    usbDone: (path: string, head: string) => `Backed up and checked: ${path} (head hash ${head})`,
  },
  setup: {
    title: 'Congress setup',
    tabs: {
      congress: 'Congress',
      delegates: 'Delegates',
      base: 'Base',
      committee: 'Counting committee',
      elections: 'Elections',
      operators: 'Operators',
    },
    importFile: 'Import from Excel/CSV',
    paste: 'Paste a list (one person a line)',
    addPeople: 'Add to the list',
    preview: 'Preview',
    rows: 'rows',
    problems: 'To fix before importing',
    confirmDuplicates: 'I confirm the repeated names are different people',
    importN: (n: number) => `Import ${n} people`,
    delegates: (n: number) => `${n} delegates`,
    unit: 'Unit',
    status: 'Official / Alternate',
    official: 'Official',
    alternate: 'Alternate',
    attendance: 'Present',
    present: 'Present',
    absent: 'Absent',
    unknown: 'Not checked',
    presentCount: (p: number, a: number, u: number) =>
      `Present ${p} · Absent ${a} · Not checked ${u}`,
    convened: 'Convened',
    present_: 'Present when ballots were issued',
    exclusions: 'Excluded from the base',
    override: 'The presidium sets another base',
    overrideNote: 'Reason',
    computedBase: (b: number) => `Base: ${b}`,
    threshold: (t: number) => `Elected with at least ${t} votes (more than half)`,
    committeeHelp: 'The head and the members of the counting committee sign the minutes.',
    head: 'Head',
    member: 'Member',
    newElection: 'New election',
    electionTitle: 'Election title',
    electionKind: 'Kind',
    layout: 'Ballot layout',
    layoutStrike: 'Strike names (with a surplus)',
    layoutApprove: 'Agree / disagree (no surplus)',
    seats: 'Seats',
    candidates: 'Election list (one name a line)',
    candidatesFile: 'or take the list from an Excel/CSV file',
    ballotOrder: 'Put in A, B, C order of the given name',
    asGiven: 'Keep the order as typed',
    create: 'Create the election',
    list: 'List on the ballot',
    startCounting: 'Start counting',
    operatorName: 'Full name',
    role: 'Role',
    pin: 'PIN (4–12 digits)',
    roles: { admin: 'Administrator', operator: 'Ballot entry', committee: 'Counting committee' },
    allPresent: 'Everyone present',
    findDelegate: 'Find an absent delegate (type a name, ↑↓ to choose, Enter: absent ⇄ present)',
    matches: (n: number) => `${n} matching`,
    position: 'Position',
    leaveOut: 'Leave out',
    leftOut: (n: number) => `${n} rows left out`,
    leaveOutRow: (row: number) => `Leave out row ${row}`,
    removeDelegate: (name: string) => `Remove ${name} from the delegates?`,
    ownBase: "This election's base",
    usesCongressBase: "Uses the congress's base",
    setOwnBase: 'Set its own base',
    conferenceBase:
      "Held at the new committee's first conference: the base is the new committee's membership, less the members absent.",
    conferenceDefault: (n: number) => `Members of the new committee elected: ${n}`,
    conferenceNoBase:
      "This conference election has no base of its own, so it counts against the congress's base. Set its base to the new committee's membership.",
  },
  kinds: {
    committee: 'Executive committee',
    'standing-committee': 'Standing committee',
    secretary: 'Secretary',
    'deputy-secretary': 'Deputy secretary',
    'inspection-committee': 'Inspection committee',
    'inspection-chair': 'Inspection committee chair',
    'official-delegates': 'Official delegates to the upper congress',
    'alternate-delegates': 'Alternate delegates',
    other: 'Other',
  },
  exclusionLabels: {
    'committee-absent': 'Committee members convened, absent throughout',
    'delegate-absent-no-alternate': 'Official delegates absent, no alternate replacing them',
    transferred: 'Members transferred temporarily',
    'exempt-absent': 'Members exempted from party work, absent',
    suspended: 'Members suspended, prosecuted or detained',
    'absent-with-reason': 'Absent throughout with an accepted reason',
    'member-absent': 'Members absent',
  },
  status,
  readingScreen: {
    required: 'Independent readings per stack',
    requiredHelp:
      '1: one operator types. 2 or 3: every stack is read independently by different operators (or the scanner); only a stack whose readings agree (or whose differences the committee resolved) counts.',
    readThis: 'Read this stack',
    reading: (stack: string, n: number, ballots: number) =>
      `${stack} — your reading ${n}: ${ballots} ballots typed`,
    scanThis: 'Scan this stack',
    confirmThis: 'Confirm this stack',
    scanning: (stack: string, n: number, sheets: number, undecided: number) =>
      `${stack} — reading ${n} by the scanner: ${sheets} sheets${undecided > 0 ? `, ${undecided} in review` : ''}`,
    finishScan: 'Finish scanning this stack',
    noScanPass: 'Choose the stack to scan (“Scan this stack”) before feeding the scanner.',
    nothingScanned: 'No stack has been scanned yet: start scanning a stack at the scanner.',
    savedInPass: 'Decision saved in the scanner pass (not counted until the readings agree).',
    scanImage: (file: string) => `See the scanned sheet (${file})`,
    confirmMode: 'Confirm scans',
    confirmModeHelp:
      'Fast (about 1–2 s a ballot), but the person confirming sees the machine’s reading. Enter: as the image shows. Type numbers to correct, then Enter.',
    scanTypeHelp:
      'Scan + type: two fully independent readings, at typing speed. The typist does not see the scanner’s reading.',
    confirmHeading: (position: number, stack: string, file: string) =>
      `Sheet ${position} — ${stack} (${file})`,
    differencesSoFar:
      'The readings already differ on these ballots (the readings are not finished): find these sheets in the paper now; rule once the readings are finished.',
    confirmNext: (stack: string) => `${stack} is scanned: Enter to confirm it.`,
    waitingForScanner: (position: number) => `Waiting for the scanner to read sheet ${position}…`,
    inReviewHere:
      'The scanner was unsure of this sheet: read the image, correct if needed, then Enter.',
    finish: 'Finish the reading',
    chooseStack: 'Choose a stack to read (or open a new one) before typing.',
    heading: (position: number, stack: string, n: number) =>
      `Ballot ${position} — ${stack}, reading ${n}`,
    savedAt: (position: number) =>
      `Ballot ${position} of the reading saved (not counted until the readings agree).`,
    finished: (status: string) => `Reading finished. The stack: ${status}.`,
    title: 'Comparing the readings',
    stackLine: (label: string, declared: number, status: string) =>
      `${label} (${declared} ballots): ${status}`,
    readingLine: (n: number, kind: string, who: string, ballots: number, done: boolean) =>
      `Reading ${n} (${kind}) — ${who}: ${ballots} ballots${done ? '' : ', under way'}`,
    choose: (n: number) => `Take reading ${n}`,
    ruled: (by: string, what: string) => `Resolved by ${by}: ${what}`,
    settle: 'Count the stack’s ballots',
    counted: (n: number) => `${n} ballots of the stack counted.`,
    committeeOnly: 'Only a member of the counting committee (logged in) can resolve a difference.',
    confirmTitle: 'The counting committee confirms the result',
    confirmHelp:
      'The head (or a member they delegate) types their name and PIN to confirm the result before finalizing.',
    confirmName: 'Full name',
    confirmPin: 'PIN',
    confirm: 'Confirm the result',
    confirmed: (by: string, at: string) => `Confirmed by ${by} at ${at}.`,
    stale: 'The result changed after the confirmation: confirm again.',
  },
  scanScreen: {
    testTitle: 'Scanner test before the congress',
    testHelp:
      'Print the 20 pre-marked test ballots, scan them on the very scanner and settings you will use into a folder of their own, then compare. Test ballots are never counted in the election.',
    testPrint: 'Print the test deck (PDF)',
    testFolder: 'Folder of the test deck scans',
    testRun: 'Read and compare',
    keyboard: 'Type (keyboard)',
    scanner: 'Scan (scanner)',
    folder: 'Folder the scanner writes images to',
    chooseFolder: 'Choose folder…',
    chooseFiles: 'Choose image files…',
    watch: 'Watch the folder',
    stopWatch: 'Stop watching',
    readOnce: 'Read the folder once',
    watching: (folder: string) =>
      `Watching: ${folder} — each new sheet is read as soon as the scanner has written it.`,
    notWatching:
      'No folder watched. Choose the folder the scanner writes to, then press “Watch the folder”.',
    stackFirst:
      'Open a stack (its declared count) before scanning: the sheets read are reconciled with it.',
    progress: (done: number, listed: number, perSecond: string) =>
      `Reading ${done}/${listed} sheets — ${perSecond} sheets/s`,
    lastRun: (sheets: number, counted: number, review: number, rejected: number, seconds: string) =>
      `Last run: ${sheets} sheets in ${seconds} s — ${counted} read with certainty, ${review} awaiting review, ${rejected} rejected.`,
    counted: 'Read with certainty (ballots now)',
    inReview: 'Awaiting review',
    decided: 'Reviewed',
    rejected: 'Rejected',
    skipped: 'Blank back sides (skipped)',
    rejectedTitle: 'Rejected sheets',
    rejectedHelp:
      'None of these is counted. If one is a ballot of this election, type it on the keyboard (Type) into the same stack.',
    problemsTitle: 'Files that could not be read',
    reviewTitle: (file: string, left: number) => `Review ${file} — ${left} sheets awaiting review`,
    why: 'Why it needs a look',
    proposed: 'Read',
    decision: 'Decision',
    undecided: '?',
    zoom: 'The line under review (zoomed)',
    reviewHelp:
      'Look at the paper. Each doubtful line: 1 = struck, 0 = not struck · Enter: save the ballot · P, T, K, O: the committee rules it invalid · Backspace: back · Esc: later',
    reviewHelpApprove:
      'Look at the paper. Each doubtful line: 1 = agree, 2 = disagree, 3 = both, 0 = blank · Enter: save the ballot · P, T, K, O: the committee rules · Backspace: back · Esc: later',
    decideRemaining: (n: number) => `${n} lines still undecided.`,
    saved: (n: number) => `Ballot ${n} saved.`,
    noReview: 'No sheet awaits review.',
    pageOf: (page: number) => `page ${page}`,
    scannedBy: (name: string) => `scanned by ${name}`,
    decidedBy: (name: string) => `reviewed by ${name}`,
  },
  count: {
    title: 'Ballot entry',
    choose: 'Choose an election',
    notCounting: 'This election is not being counted.',
    help: 'Type the number of each struck name · Enter: save · P: not issued · T: name written in · K: identifying marks · O: other · Esc: clear · Ctrl+Z: undo the ballot just saved',
    helpApprove: 'Type a number to step its row: agree → disagree → both → blank · Enter: save',
    ballot: (n: number) => `Ballot ${n}`,
    editing: (n: number) => `Correcting ballot ${n}`,
    struck: 'Struck',
    kept: 'Kept',
    agree: 'Agree',
    disagree: 'Disagree',
    both: 'Both',
    blank: 'Blank',
    reading: 'This ballot',
    valid: (k: number) => `Valid — elects ${k}`,
    savedAs: (n: number, what: string) => `Saved ballot ${n}: ${what}`,
    saving: (k: number) => `Saving ${k} ballot(s)…`,
    failed: 'The ballot was not saved — its marks are kept here',
    retry: 'Save again',
    noSuchNumber: (n: number) => `There is no candidate ${n}`,
    collected: 'Entered',
    validCount: 'Valid',
    invalidCount: 'Invalid',
    voidedCount: 'Voided',
    batch: 'Stack of ballots',
    declared: 'Ballots in the stack',
    openBatch: 'Start the stack',
    closeBatch: 'Close the stack',
    batchProgress: (e: number, d: number) => `${e} / ${d} ballots`,
    slipCode: (code: string) => `Write the file's check code on the stack slip: ${code}`,
    batchOk: 'The stack reconciles',
    batchDiff: (d: number) => (d > 0 ? `${d} more than counted` : `${-d} fewer than counted`),
    list: 'Ballots entered',
    search: 'Find by number, name, reason…',
    correct: 'Correct',
    void: 'Void',
    voidReason: 'Reason for voiding (required)',
    note: 'The committee’s note (required for “other”)',
    undone: (n: number) => `Ballot ${n} undone — enter it again`,
    undoReason: 'Undone right after entry (Ctrl+Z)',
    issued: 'Ballots issued',
    untouched: 'Nothing typed yet — type the numbers struck',
    voidThis: 'Void this ballot',
    stackFull: (declared: number, n: number) =>
      `This stack was declared with ${declared} ballots and this is ballot ${n} of it: check the stack before typing on`,
    mixReminder:
      'When the ballot box is opened, mix the ballots well before making stacks, so the order of entry says nothing about the order of voting.',
    markedWarning:
      'Never copy the signature, sign or identifying mark on the ballot into any note.',
    openStacks: 'Stacks open on another station or abandoned',
    resume: 'Carry on with this stack',
    tabStays: 'Tab does not leave the ballot being typed; click another field to type there.',
    loginToSave: 'Log in again to save the ballots waiting — they are kept on this station.',
  },
  invalid: {
    'over-vote': 'More names than seats',
    'all-struck': 'Every name struck',
    'no-choice': 'No row marked in exactly one box',
    'not-issued': 'Not issued by the committee / no seal',
    'added-name': 'A name written in',
    marked: 'Signed or marked',
    other: 'Other reason',
    voided: 'Voided',
    valid: 'Valid',
  },
  invalidFull: {
    'over-vote': 'More names left than seats',
    'all-struck': 'Every name struck',
    'no-choice':
      'No row marked agree or disagree alone (rows left blank or with both boxes marked)',
    'not-issued': 'Not issued by the committee, or without the seal',
    'added-name': 'A name written in',
    marked: 'Signed or carrying identifying marks',
    other: 'Other reason',
  },
  results: {
    title: 'Results',
    base: 'Base',
    threshold: 'Threshold',
    issued: 'Issued',
    collected: 'Collected',
    valid: 'Valid',
    invalid: 'Invalid',
    no: 'No.',
    name: 'Full name',
    votes: 'Votes',
    percent: 'Percent',
    outcome: 'Result',
    elected: 'Elected',
    tied: 'Tied',
    qualified: 'Over half',
    notQualified: 'Not enough',
    electedTitle: 'Elected (in order of votes)',
    rank: 'Rank',
    tie: (names: string, v: number, k: number) =>
      `Tie at the last seat(s): ${names} have ${v} votes each for ${k} seat(s). None of them is elected automatically; the congress may hold a re-vote among exactly these candidates for ${k} seat(s).`,
    open: (k: number) =>
      `${k} seat(s) remain open. The congress decides whether to hold a further round among those not elected (it may add names) for the open seats.`,
    complete: 'All seats are filled.',
    createRevote: 'Create the re-vote',
    createRound: 'Create the further round',
    warnings: 'Warnings — for the committee to explain',
    close: 'Close counting',
    finalize: 'Finalize (lock)',
    reopen: 'Reopen',
    reopenReason: 'Reason for reopening (required)',
    confirmClose:
      'Close counting for this election? No more ballots can be entered unless it is reopened.',
    confirmFinalize:
      'Finalize the result? The election will be locked; only an administrator can reopen it, and that is logged.',
    project: 'Show this on the projector',
    showFigures: 'Show the figures on the projector',
    hideFigures: 'Hide the figures on the projector',
    provisional:
      'Provisional figures while counting: the outcome is decided only once counting is closed.',
  },
  docs: {
    title: 'Documents',
    minutes: 'Counting minutes',
    announcement: 'Announcement',
    preview: 'Preview / Print',
    print: 'Print',
    save: 'Save',
    saveBallot: 'Save the ballot PDF',
    sign: 'Sign the minutes',
    certificate: 'Certificate (.p12)',
    password: 'Certificate password',
    signMinutes: 'Sign and save the minutes',
    ballot: 'Ballot',
    paper: 'Paper',
    data: 'Data',
    resultsXlsx: 'Results (Excel)',
    ballotsXlsx: 'Every ballot (Excel)',
    congressXlsx: 'Whole congress (Excel)',
    record: 'Election record (.json)',
    savedTo: (p: string) => `A copy is kept beside the congress file: ${p}`,
  },
  /** Candidate introductions: details and photos, the hall's slides, the handout. */
  intro: {
    title: 'Candidate introductions',
    lead: "Each candidate's details and photo, projected in the hall before the vote and printed as a handout.",
    election: 'Election',
    noElection: 'No election has a list of candidates yet.',
    sheet:
      'Candidates spreadsheet (.xlsx, .csv) with Year of birth, Hometown, Position, Unit, Education, Biography columns',
    photos:
      "Candidates' photos: pick the whole folder (or several pictures); each file named by the full name, or by the number (STT) in the spreadsheet",
    photosFiles: 'or pick the picture files',
    read: (details: number, total: number) => `Details read for ${details}/${total} candidates.`,
    notOnList: (names: readonly string[]) =>
      `Not on the election list, left out: ${names.join('; ')}`,
    saveDetails: (n: number) => `Save the details of ${n} candidates`,
    savedDetails: (n: number) => `Details of ${n} candidates saved.`,
    preparing: (done: number, total: number) => `Preparing photo ${done}/${total}…`,
    savedPhotos: (n: number) => `${n} photos saved.`,
    removePhoto: 'Remove photo',
    present: 'Present',
    handout: 'Handout (PDF)',
    no: 'No.',
    name: 'Full name',
    born: 'Born',
    hometown: 'Hometown',
    position: 'Position',
    unit: 'Unit',
    education: 'Education',
    biography: 'Career in brief',
    photo: 'Photo',
    noPhoto: 'No photo yet',
    listTitle: 'Election list',
    candidatesCount: (n: number, seats: number) => `${n} candidates for ${seats} seats`,
    slideOf: (i: number, n: number) => `${i}/${n}`,
    keys: '→ ← move · Home: the list · End: the last · type a number and Enter · F: full screen',
    typed: (text: string) => `Go to ${text}…`,
    photoProblem: {
      'not-image': (p: { fileName: string }) =>
        `“${p.fileName}” is not a picture (JPEG, PNG, WebP, TIFF, GIF or HEIF) or is damaged`,
      'file-too-big': (p: { fileName: string; max: number }) =>
        `“${p.fileName}” is over ${Math.round(p.max / 1024 / 1024)} MB`,
      'too-many-pixels': (p: { fileName: string; width: number; height: number; max: number }) =>
        `“${p.fileName}” is too large (${p.width} × ${p.height} pixels, at most ${p.max / 1_000_000} million)`,
      'too-small': (p: { fileName: string; width: number; height: number }) =>
        `“${p.fileName}” is too small (${p.width} × ${p.height} pixels): it would be blurred on the screen`,
      'no-candidate': (p: { fileName: string }) =>
        `“${p.fileName}”: the file name is no candidate's name or number`,
      ambiguous: (p: { fileName: string; names: readonly string[] }) =>
        `“${p.fileName}” may be ${p.names.join(' or ')}: name the file with the full name and its tone marks`,
      'two-photos': (p: { fileName: string; other: string; name: string }) =>
        `“${p.fileName}” and “${p.other}” are both of ${p.name}: keep one`,
    },
  },
  projector: {
    counted: (c: number, i: number | null) =>
      i === null ? `${c} ballots counted` : `${c} of ${i} ballots counted`,
    threshold: (t: number) => `Threshold: ${t} votes`,
    hidden: 'The figures will be shown once the counting committee releases them',
    nothing: 'No election on the projector yet',
    stale: (time: string) => `CONNECTION LOST at ${time} — the figures below may be out of date`,
  },
  audit: {
    title: 'Audit log',
    verified: (n: number) => `Hash chain verifies: ${n} rows`,
    broken: (seq: number | null) => `Hash chain BROKEN at row ${seq ?? '?'}`,
    filter: 'Filter by command',
    all: 'All',
    seq: '#',
    at: 'Time',
    actor: 'By',
    command: 'Command',
    payload: 'Content',
  },
  verifyProblem: {
    unreadable: (p) => `The file is damaged or cut short and cannot be read: ${p.detail}`,
    integrity: (p) => `SQLite integrity check: ${p.detail}`,
    schema: (p) =>
      `The file has schema ${p.version}, this version reads ${p.latest}: open it in the app once, then verify again`,
    chain: ({ chain: c }) =>
      c.kind === 'gap'
        ? `Audit log: row ${c.seq} stands where row ${c.expected} should (a row was removed or inserted)`
        : `Audit log: the hash chain breaks at row ${c.seq} (this row or the one before was changed)`,
    'replay-unknown': (p) =>
      `Audit row ${p.seq}: "${p.command}" is no command or event the app writes`,
    'replay-actor': (p) =>
      `Audit row ${p.seq}: the actor "${p.actor}" is not of the form "Name (role)"`,
    'replay-payload': (p) =>
      `Audit row ${p.seq} (${p.command}): the payload does not make a command`,
    'replay-failed': (p) => `Audit row ${p.seq} (${p.command}): cannot be replayed — ${p.detail}`,
    'replay-refused': (p, refusals) =>
      `Audit row ${p.seq} (${p.command}): the app refuses it on replay — ${refusals}`,
    'column-missing': (p, t) => `${t}: column ${p.column} is missing`,
    'schema-object': (p) =>
      `File structure: ${p.type} ${p.name} ${{ missing: 'was removed from the file', extra: 'was added; the app does not make it', changed: 'was rewritten' }[p.change]}`,
    'row-not-logged': (p, t) =>
      `${t}, row ${p.row}: in the file but not in the audit log — added outside the app`,
    'row-missing': (p, t) =>
      `${t}, row ${p.row}: written by the audit log but missing from the file — deleted outside the app`,
    'field-changed': (p, t) =>
      `${t}, row ${p.row}, column ${p.column}: the file holds ${p.file}, the audit log says ${p.log} — changed outside the app`,
    'audit-differs': (p) =>
      `Audit row ${p.seq}: differs from the row the app writes on replay (${p.columns.join(', ')})`,
    'backup-ahead': (p) =>
      `The backup ${p.backup} holds audit row ${p.seq} but the file has only ${p.fileRows} rows — the file was cut back after that backup`,
    'backup-diverges': (p) =>
      `The backup ${p.backup}: audit row ${p.seq} differs from the file's — the file's log was rewritten`,
    'backup-unreadable': (p) => `The backup ${p.backup} cannot be read: ${p.detail}`,
    'scan-missing': (p) =>
      `The scanned image of ${p.file} (SHA-256 ${p.sha256.slice(0, 16)}…) is missing from the images folder beside the file`,
    'scan-altered': (p) =>
      `The scanned image of ${p.file} was changed: its SHA-256 is no longer ${p.sha256.slice(0, 16)}…`,
    'readings-mismatch': (p) =>
      `Election ${p.election}${p.stack === null ? '' : `, ${p.stack}`}: the ballots counted are not those its readings agreed on — ${
        p.problem === 'outside'
          ? `${p.counted} ballots are in no stack`
          : p.problem === 'unsettled'
            ? `${p.counted} ballots counted while the readings do not agree yet`
            : p.problem === 'unreadable'
              ? 'the readings give no ballots to count'
              : p.problem === 'count'
                ? `the readings give ${p.agreed} ballots, the file counts ${p.counted}`
                : `ballot ${p.n} is not ballot ${p.position} of the stack`
      }`,
  },
  verifyTable: (table) => `table ${table}`,
  auditEvent: {
    updateCongress: 'Congress details updated',
    addOperator: 'Operator added',
    importDelegates: 'Delegates imported',
    removeDelegate: 'Delegate removed from the list',
    setAttendance: 'Attendance',
    setAttendanceAll: 'Attendance of everyone',
    setBase: 'Base set',
    setCommittee: 'Counting committee set',
    createElection: 'Election created',
    setCandidates: 'Candidates set',
    reorderCandidates: 'Candidates reordered',
    setIssued: 'Ballots issued recorded',
    openElection: 'Voting opened',
    startCounting: 'Counting started',
    openBatch: 'Batch opened',
    closeBatch: 'Batch closed',
    enterBallot: 'Ballot entered',
    correctBallot: 'Ballot corrected',
    voidBallot: 'Ballot voided',
    ruleBallot: 'Ballot ruled',
    recordScan: 'Sheet scanned',
    decideScan: 'Scanned sheet decided',
    setReadings: 'Readings per stack set',
    startReading: 'Reading of a stack started',
    enterReadingBallot: 'Ballot of a reading entered',
    finishReading: 'Reading finished',
    abandonReading: 'Reading abandoned',
    resolveDifference: 'Committee ruled a difference between readings',
    settleStack: 'Stack settled after its differences were ruled',
    confirmResult: 'Counting committee confirmed the result',
    closeElection: 'Counting closed',
    finalizeElection: 'Result finalized',
    reopenElection: 'Election reopened',
    suspendElection: 'Election suspended',
    resumeElection: 'Election resumed',
    setDisplay: 'Projector changed',
    setCandidateDetails: 'Candidate details set',
    setCandidatePhoto: 'Candidate photo set',
    importElection: 'Election record imported',
    createFollowUp: 'Re-vote or further round created',
    loginRefused: 'Login refused: wrong name or PIN',
    internetConnected: 'Computer connected to the Internet',
    internetDisconnected: 'Computer no longer connected to the Internet',
  },
  resultTable: {
    seats: 'Seats',
    base: 'Base',
    baseArithmetic: (c: number, x: number) => `convened ${c} − exclusions ${x}`,
    baseValid: 'the valid ballots',
    baseCollected: 'the ballots collected',
    threshold: (t: number) => `Elected with more than half: at least ${t} votes`,
    ballots: (i: number, c: number, v: number, inv: number) =>
      `Issued: ${i}   Collected: ${c}   Valid: ${v}   Invalid: ${inv}`,
    header: ['No.', 'Full name', 'Votes', 'Percent', 'Result'],
    electedTitle: 'Elected, in order of votes:',
    noneElected: 'Nobody is elected yet.',
    votes: 'votes',
    tie: (names: string, v: number, k: number) =>
      `Tie at the last seat(s): ${names} have ${v} votes each for ${k} remaining seat(s). None of them is elected automatically. The congress may hold a re-vote among exactly these candidates for ${k} seat(s) (never by age, order or lot).`,
    open: (k: number) =>
      `${k} seat(s) remain open. Those elected stay elected. The congress decides whether to hold a further round; if it does, the candidates are those not yet elected (the congress may add names), for the open seats only.`,
    complete: 'All seats are filled.',
    warnings: 'Warnings (for the committee to explain):',
  },
  pairing: {
    title: 'Pair this station',
    help: 'Type the pairing code shown on the main station’s screen (under “Congress file”).',
    code: 'Pairing code',
    submit: 'Pair',
    other: 'Other stations on the local network',
    open: 'Open on the station:',
  },
  login: {
    title: 'Log in',
    name: 'Full name',
    pin: 'PIN',
    submit: 'Log in',
    as: (n: string) => `Operator: ${n}`,
    logout: 'Log out',
  },
  entity,
  outcome: {
    elected: 'Elected',
    tied: 'Tied',
    'over-half-not-elected': 'Over half, not elected (beyond the seats)',
    'not-elected': 'Not elected',
  },
  roundOf: (round: number) => `round ${round}`,
  baseLine: {
    override: (note: string) => `set by the presidium: ${note}`,
    validBallots: 'the valid ballots',
    collectedBallots: 'the ballots collected',
    convened: (convened: number, excluded: number) =>
      `convened ${convened} − exclusions ${excluded}`,
    line: (base: number, how: string, threshold: number) =>
      `Base: ${base} (${how}); elected with at least ${threshold} votes`,
  },
  scan: {
    reason: {
      blank: 'blank page (a back side), skipped',
      'missing-mark': 'a registration mark is missing',
      'marks-inconsistent':
        'the registration marks do not fit a ballot (sheet bent, folded or not a ballot)',
      resolution: 'scanned below 100 dpi',
      'unreadable-code': 'the QR code cannot be read',
      'not-a-ballot': 'the QR code is not a Kiểm phiếu ballot code',
      'other-election': 'a ballot of another election',
      'other-round': 'a ballot of another round',
      'other-list': 'a ballot of another list (another congress, or the list changed)',
      'missing-side': 'one side of a two-sided ballot is missing',
      'unreadable-file': 'the file cannot be read',
      'not-an-image': 'not an image (PNG, JPEG, TIFF) or PDF',
      'too-large': 'the image is too large',
      corrupt: 'the file is corrupt or truncated',
      'unsupported-pdf-image': 'the PDF image uses an unsupported encoding',
      'no-image-on-page': 'the PDF page holds no scanned image',
      'duplicate-file': 'the same content as a file given before',
      'reader-crashed':
        'the reader stopped on this page (too heavy an image, or a fault); the other pages are still read',
      'doubtful-line': 'uncertain line',
      'ink-beside-name': 'ink beside a name',
      'ink-outside-lines': 'writing or ink outside the name lines',
      'ink-outside-list':
        'writing or ink elsewhere on the sheet (the heading, the margins, below the list)',
    },
    status: { read: 'read', review: 'review', rejected: 'rejected', skipped: 'skipped' },
    sheet: 'Sheet',
    page: 'page',
    struck: 'struck',
    nothingStruck: 'no name struck',
    uncertain: 'uncertain',
    summary: (n: number, r: number, v: number, x: number, s: number) =>
      `${n} sheets: ${r} read, ${v} to review, ${x} rejected, ${s} blank pages skipped.`,
    countMismatch: (got: number, declared: number) =>
      `!!! COUNT MISMATCH: ${got} ballots scanned, the stack's declared count is ${declared}. Check the stack (a sheet may have been fed twice, or missed).`,
    scores: 'Distribution of line scores (‰)',
    margin: (lo: string, hi: string) =>
      `Lowest score of a struck line: ${lo}; highest of an unstruck line: ${hi}.`,
    mark: { agree: 'agree', disagree: 'disagree', both: 'both boxes', none: 'no box' },
    testWritten: (pdf: string, out: string, n: number) =>
      `${n} test ballots written to ${pdf}; the expected reading to ${out}.`,
    testBallot: 'Ballot',
    testMatch: 'match',
    testMismatch: 'MISMATCH',
    testExpected: 'expected',
    testReview: 'sent to review',
    testMissing: 'no scanned sheet',
    testExtra: 'Extra sheet',
    testVerdictOk: (n: number) =>
      `Verdict: match — all ${n} test ballots read right. This scanner and its settings can be used.`,
    testVerdictBad: (bad: number, n: number) =>
      `Verdict: MISMATCH — ${bad}/${n} test ballots read wrong or missing. Do not count with this scanner and these settings; see the lines above.`,
    testBadExpected: (f: string) => `The expected-result file is not valid: ${f}`,
    testOtherElection: (f: string) => `${f} is the test deck of another election.`,
  },
  readings: {
    status: stackStatus,
    kind: {
      keyboard: 'Keyboard',
      scan: 'Scanner',
      confirm: 'Scan confirmed',
    },
    difference: (stack: string, position: number, readings: readonly string[]) =>
      `stack ${stack}, ballot ${position}: ${readings.join('; ')}`,
    reading: (n: number, text: string) => `reading ${n} ${text}`,
    readingAt: (n: number, at: number, text: string) => `reading ${n} (its ballot ${at}) ${text}`,
    struck: (numbers: readonly string[]) =>
      numbers.length === 0 ? 'strikes none' : `strikes ${numbers.join(', ')}`,
    mark: {
      agree: 'agree',
      disagree: 'disagree',
      both: 'both boxes',
      none: 'blank',
    },
    markGroup: (mark: string, numbers: readonly string[]) => `${mark} ${numbers.join(', ')}`,
    paper: (label: string) => `invalid: ${label}`,
    ruling: (label: string) => `ruled invalid by the committee: ${label}`,
    gap: 'missing',
  },
  cli: {
    openFailed: 'Cannot open the congress file',
    internalError: 'Internal error in kiem-phieu (a bug, not a refusal of the input)',
    unknownCommand: (command: string) => `Unknown command: ${command}`,
    recordRefused: (file: string) => `Record refused: ${file}`,
    importRefused: (into: string) => `Import into ${into} refused`,
    imported: (code: string, ballots: number, into: string) =>
      `Imported election "${code}" with ${ballots} ballots into ${into}.\n`,
    exportRefused: 'Export refused',
    exported: (code: string, ballots: number, out: string) =>
      `Exported election "${code}" (${ballots} ballots) to ${out}.\n`,
    auditExported: (rows: number, out: string) =>
      `Exported the audit log (${rows} rows) to ${out}.\n`,
    auditVerified: (rows: number, head: string) =>
      `✓ The audit chain verifies: ${rows} rows.\n  Head hash: ${head}\n`,
    checkIntegrity: 'File integrity (SQLite integrity_check)',
    checkChain: (rows: number) => `Audit hash chain: ${rows} rows`,
    checkTables: (rows: number) => `Every table against the replayed log: ${rows} rows`,
    checkScans: (n: number) =>
      `Scanned images beside the file (each with its recorded SHA-256): ${n}`,
    checkBackups: (n: number) => `Backups beside the file (each log a prefix of the file's): ${n}`,
    headHash: 'Audit head hash',
    resultEmpty:
      'RESULT: the file is empty; its audit log has no rows. If this file was used for counting, it was wiped: compare it with a backup and the head hash printed on paper.\n',
    resultOk:
      'RESULT: the file verifies; nothing was changed outside the app. Compare the head hash with the one printed on the minutes and the stack slips.\n',
    noBackupsNote:
      'Note: no backups beside the file to compare with; a log cut back at its end shows only against the head hash printed on paper.\n',
    resultBad: 'RESULT: the file does NOT verify. First problems:',
    andMore: (n: number) => `\n  … and ${n} more`,
    noBackups: (file: string) => `No backups of ${file} yet.\n`,
    restoreRefused: 'Restore refused',
    backupInvalid: 'The backup does not verify; nothing restored:',
    restored: (file: string, from: string, keptAs: string | null) =>
      `Restored ${file} from ${from}.${keptAs ? ` The previous file is kept as ${keptAs}` : ''}\n`,
    backupRefused: 'Backup refused',
    backedUp: (path: string, kib: string, rows: number, head: string) =>
      `Backed up to ${path} (${kib} KiB) and checked the copy: it verifies, ${rows} audit rows.\n  Head hash: ${head}\n`,
    notSigned: (file: string) =>
      `The minutes were not signed and nothing was written. Certificate: ${file}`,
    ballotWritten: (paper: string, pdf: string) => `Ballot (${paper}) written to ${pdf}\n`,
    passEnvMissing: (name: string) =>
      `Environment variable ${name} (the .p12 password) is not set.\n`,
    minutesWritten: (signed: boolean, pdf: string) =>
      `Minutes${signed ? ' (signed)' : ''} written to ${pdf}\n`,
    announcementWritten: (path: string) => `Announcement written to ${path}\n`,
    signatureInvalid: (problem: string) => `Signature NOT valid: ${problem}.\n`,
    signatureValid: (signer: string, at: string | null) =>
      `✓ The signature is valid and the document is unchanged since signing.\n  Signer: ${signer}\n  Signed at: ${at ?? '(not recorded)'}\n`,
    signatureProblem: {
      'no-signature': 'the file has no digital signature',
      'byte-range': 'the signed byte range is malformed',
      'not-whole-file': 'content was added after signing',
      digest: 'the document was changed after signing',
      signature: 'the signature does not match the certificate',
      malformed: 'the signature cannot be read',
    },
  },
  /** `kiem-phieu readings`: a record's readings recounted (core/record-recount.ts). */
  recount: {
    noReadings: (file: string) =>
      `The record ${file} carries no readings (no "readings" field): only its agreed ballots can be recounted, with tally.\n`,
    title: (election: string, required: number) =>
      `Readings check: ${election} — ${required} reading(s) per stack`,
    stack: (label: string, declared: number, status: string) =>
      `Stack ${label} (${declared} ballots declared): ${status}`,
    reading: (r: ReadingSummary, kind: string) =>
      `${r.number === null ? 'abandoned reading' : `reading ${r.number}`}: ${kind}, ${r.operator}, ${r.station}, ${r.ballots} ballots`,
    differences: (positions: readonly number[], ruled: number) =>
      positions.length === 0
        ? 'the readings agree'
        : `${positions.length} difference(s) (ballot ${positions.slice(0, 20).join(', ')}${positions.length > 20 ? ', …' : ''}), ${ruled} ruled by the committee`,
    recounted: (recounted: number, entered: number, changed: number) =>
      `${recounted} ballots recounted; the record lists ${entered} from this stack${changed > 0 ? ` (${changed} changed or ruled by the committee after counting)` : ''}`,
    notCounted: 'not counted yet',
    outside: (count: number) => `${count} ballots typed straight in, read in no stack`,
    tableTitle: 'The result from each reading alone (reading k of every stack that counts):',
    candidate: 'Candidate',
    recordColumn: 'Record',
    readingColumn: (k: number) => `Reading ${k}`,
    valid: 'Valid ballots',
    invalid: 'Invalid ballots',
    elected: 'Elected (list numbers)',
    ok: "RESULT: the readings and the committee's rulings give exactly the record's ballots, stack by stack, in order.\n",
    bad: (count: number) => `RESULT: MISMATCH — ${count} finding(s):`,
    field: {
      shape: "the ballot's kind (struck / marks / invalid)",
      struck: 'struck',
      marks: 'marks',
      invalid: 'invalid',
      ruling: 'ruling',
    },
    problem: {
      refused: (stack: string, reason: string) => `stack ${stack}: ${reason}`,
      status: (stack: string, status: string, recounted: string) =>
        `stack ${stack}: the record says "${status}", but its readings and rulings lead to "${recounted}"`,
      unsettled: (stack: string, entered: number) =>
        `stack ${stack}: does not count yet, yet the record holds ${entered} ballots from it`,
      count: (stack: string, recounted: number, entered: number) =>
        `stack ${stack}: the readings give ${recounted} ballots, the record lists ${entered} from it`,
      ballot: (at: BallotInStack, field: string, recounted: string, entered: string) =>
        `stack ${at.stack}, ballot ${at.position} of the stack (record ballot n=${at.n}), field ${field}: the readings give “${recounted}”, the record has “${entered}”`,
      missing: (at: BallotInStack) =>
        `stack ${at.stack}, ballot ${at.position} of the stack: the record has no ballot n=${at.n}`,
      voided: (at: BallotInStack) =>
        `stack ${at.stack}, ballot ${at.position} of the stack: ballot n=${at.n} is listed as voided, yet the record counts it`,
      outside: (count: number, n: number) =>
        `${count} of the record's ballots (the first n=${n}) come from no stack, though each stack needs several readings`,
    },
  },
  /** Why a call got no answer. */
  unavailable: {
    disconnected: 'Lost the connection to the server — reconnecting. What you are typing is kept.',
    internal:
      'The server failed unexpectedly on this request; nothing was changed by it. Try again.',
  },
  refusalBallot: (n: number) => `Ballot n=${n} — `,
  sheetField: {
    no: 'No.',
    name: 'Full name',
    family: 'Family and middle names',
    given: 'Given name',
    unit: 'Unit',
    position: 'Position',
    category: 'Category',
    status: 'Official / Alternate',
    gender: 'Gender',
    birthYear: 'Year of birth',
    hometown: 'Hometown',
    education: 'Education',
    biography: 'Short biography',
  },
  sheetWhere: (rows: readonly number[], field: string) =>
    `${rows.length > 1 ? 'Rows' : 'Row'} ${rowList(rows, (n) => `${n} rows`)}, column ${field}`,
  sheetLeftOut: {
    summary: 'a total row',
    signature: 'a signature row',
    date: 'a place and date row',
    'count-only': 'a number without a name',
    'below-signature': 'below the signatures',
    operator: 'left out by the operator',
  } satisfies Texts<LeftOutReason>,
  sheetProblem: {
    'unsupported-type': (p) =>
      /\.xls$/iu.test(p.fileName)
        ? `“${p.fileName}” is an old .xls file: open it in Excel and save it as .xlsx`
        : `“${p.fileName}” is not an .xlsx or .csv spreadsheet`,
    unreadable: (p) =>
      `Cannot read “${p.fileName}” (damaged, password-protected or not of its type)`,
    'empty-file': (p) => `“${p.fileName}” holds no data`,
    'no-header': () =>
      `No header row with a Full name column (or Family and Given name) in the first ${HEADER_SEARCH_ROWS} rows`,
    'column-out-of-range': (p, field) =>
      `Column ${field} was set to column ${p.column}, but the sheet has ${p.columns} columns`,
    'bad-mapping': (p) => `The column mapping is not valid: ${p.reason}`,
    'no-people': (p) =>
      `No one is listed below the header row${p.rows.length > 0 ? ` (row ${p.rows.join(', ')})` : ''}`,
    'empty-name': () => 'empty',
    'duplicate-name': (p) => `the same name “${p.name}”`,
    'unknown-status': (p) => `“${p.value}” is neither official nor alternate`,
    'invalid-birth-year': (p) => `“${p.value}” is not a year of birth`,
    'too-long': (p) =>
      `${p.length} characters long, over the ${p.max} the projector and the handout can show: shorten it`,
    'over-limit': (p) => {
      const at = p.cell ? ` (cell ${p.cell})` : p.row ? ` (row ${p.row})` : '';
      const f = `“${p.fileName}”`;
      switch (p.limit) {
        case 'file-bytes':
          return `${f} is larger than ${mib(p.max)} MB`;
        case 'expanded-bytes':
          return `${f} unzips to more than ${mib(p.max)} MB${p.part ? ` (in ${p.part})` : ''}: not an ordinary list, not read`;
        case 'zip-entries':
          return `${f} has more than ${p.max} parts: not an ordinary list, not read`;
        case 'rows':
          return `${f} has more than ${p.max} rows${at}`;
        case 'columns':
          return `${f} has data beyond column ${p.max}${at}`;
        case 'cells':
          return `${f} has more than ${p.max} cells${at}`;
        case 'cell-chars':
          return `${f} has a cell longer than ${p.max} characters${at}`;
        case 'time':
          return `Reading “${p.fileName}” took more than ${p.max} s and was stopped`;
        case 'memory':
          return `Reading “${p.fileName}” needed more than ${p.max} MB of memory and was stopped`;
      }
    },
    'unterminated-quote': (p) =>
      `“${p.fileName}”, row ${p.row}: a quote " is opened and never closed`,
    'mixed-encoding': (p) =>
      `“${p.fileName}” mixes two encodings: line ${p.utf8Line} is Unicode (UTF-8), line ${p.otherLine} is not; save the file again as CSV UTF-8`,
    'doubtful-encoding': (p) =>
      `The encoding of “${p.fileName}” is uncertain (${p.charset}: only ${p.confidence}% of the words read as Vietnamese); save the file again as CSV UTF-8`,
    formula: (p) => `is the formula “=${p.formula}”, not a name; type the name`,
  },
  refusal: {
    'not-json': (r) => `not readable as JSON (${r.reason})`,
    'wrong-format': (r) => `format "${r.received}" is wrong, expected "${r.expected}"`,
    required: () => 'required field is missing',
    type: (r) => `must be ${r.expected}, got ${r.received}`,
    enum: (r) => `value "${r.value}" is not allowed; allowed: ${list(r.allowed)}`,
    'too-small': (r) => `must be at least ${r.min}`,
    'too-big': (r) => `must be at most ${r.max}`,
    'not-integer': () => 'must be a whole number',
    'empty-text': () => 'must not be empty',
    'bad-date': (r) => `date "${r.value}" is invalid (YYYY-MM-DD)`,
    'bad-format': () => 'is not in the required form',
    'unknown-field': (r) => `unknown field: ${list(r.keys)}`,
    'ballot-shape': () => 'a ballot must have exactly one of "struck", "marks" or "invalid"',
    'unsafe-character': (r) =>
      `holds the control or text-direction character ${r.character}, not allowed in text`,
    'bad-utf8': (r) => `the file is not valid UTF-8: bad byte at offset ${r.offset} (from 0)`,
    'too-deep': (r) => `the data is nested more than ${r.limit} levels deep`,
    'client-key-conflict': (r) =>
      `this station's save key was already used for ballot ${r.n} with different contents; the new ballot was not saved — enter it again`,
    'duplicate-n': (r) => `ballot number ${r.n} is used twice`,
    'duplicate-candidate-id': (r) => `candidate id "${r.id}" is used twice`,
    'unknown-candidate': (r) => `candidate "${r.id}" is not on the election list`,
    'duplicate-struck': (r) => `candidate "${r.id}" is struck twice`,
    'missing-mark': (r) => `no mark entered for candidate "${r.id}"`,
    'layout-mismatch': (r) => `a "${r.ballotLayout}" ballot in a "${r.layout}" election`,
    'note-required': () => 'reason "other" needs the committee\'s written note',
    'exclusion-category': (r) =>
      `exclusion "${r.category}" does not apply to this congress; allowed: ${list(r.allowed)}`,
    'base-below-one': (r) =>
      `convened (${r.convened}) minus exclusions (${r.excluded}) must leave at least 1`,
    'not-found': (r) => `there is no ${entity[r.what]} "${r.id}"`,
    'wrong-status': (r) =>
      `the election is ${lower(status[r.status])}; this needs it to be ${list(r.allowed.map((s) => lower(status[s])))}`,
    forbidden: (r) => `role "${r.role}" may not do this; needs: ${list(r.needed)}`,
    'wrong-pin': () => 'wrong name or PIN',
    'stack-status': (r) =>
      `the stack is in state "${lower(stackStatus[r.status])}"; this can only be done in state ${list(r.allowed.map((s) => `"${lower(stackStatus[s])}"`))}`,
    'readings-complete': (r) =>
      `this stack needs ${r.required} reading(s) and every one has been started`,
    'same-operator': (r) =>
      `${r.operator} already read this stack (reading ${r.reading}); each reading must be by another person (the scanner excepted), so a second reading cannot repeat the first one's mistake`,
    'confirm-needs-scan': () =>
      'the stack has not been scanned: only a scanner reading can be confirmed',
    'second-scan': (r) =>
      `the scanner already read this stack (reading ${r.reading}); another reading must be typed or confirmed by a person`,
    'reading-not-open': (r) => `reading ${r.reading} is not a reading under way on this stack`,
    'readings-unfinished': (r) =>
      `${r.finished} of ${r.required} readings finished; the readings are compared when all ${r.required} are`,
    'not-a-difference': (r) => `the readings do not differ at ballot ${r.position}`,
    'no-such-reading': (r) => `there is no reading ${r.reading} (the stack has ${r.readings})`,
    'differences-open': (r) =>
      `${r.positions.length} difference(s) not yet resolved: ballot ${rowList(r.positions, (n) => `${n} in all`)}`,
    'stack-too-large': (r) =>
      `a reading holds ${r.ballots} ballots, more than the ${r.max} of any stack: split it into smaller stacks`,
    'bad-order': () => 'the new order must list every candidate exactly once',
    'duplicate-code': (r) => `the id "${r.id}" is already used`,
    'no-follow-up': (r) => `the result (${r.status}) has no tie or open seat to vote again on`,
    'already-voided': (r) => `ballot ${r.n} is already voided`,
    'one-head': (r) => `the counting committee needs exactly one head (has ${r.heads})`,
    'ruling-on-paper-invalid': () =>
      'this ballot was already ruled invalid from the paper; correct it to change the reason',
    token: () => 'missing or wrong session token (printed when the server started)',
    'login-required': () => 'log in with your name and PIN first',
    'too-large': (r) => `the request is too large (at most ${r.limit} bytes)`,
    pairing: (r) =>
      r.reason === 'too-many'
        ? 'too many wrong pairing codes; wait a minute and try again'
        : 'wrong or expired pairing code; read the new one on the main screen',
    'no-file': () => 'no congress file is open',
    'file-exists': (r) => `${r.path} already exists; open it or choose another name`,
    'practice-mixed': (r) =>
      r.practice
        ? 'this is a PRACTICE file: it takes no data of a real congress, and cannot become a real one'
        : 'this is a real congress file: it takes no PRACTICE data, and cannot become a practice file',
    'p12-password': () =>
      'wrong password for the certificate file (.p12): check capitals and Vietnamese accents',
    'p12-unreadable': (r) =>
      r.problem === 'no-key'
        ? 'the certificate file (.p12) holds no private key'
        : r.problem === 'no-certificate'
          ? 'no certificate in the .p12 file matches its private key'
          : 'the certificate file (.p12) cannot be read: damaged, or not PKCS#12',
    throttled: (r) => `too many wrong attempts; wait ${r.seconds} seconds and try again`,
    'duplicate-scan': (r) =>
      `sheet already scanned (same image): ${r.file}${r.page > 1 ? `, page ${r.page}` : ''} — not counted twice`,
    'scan-not-open': (r) =>
      `this scanned sheet no longer awaits a decision (${r.status === 'decided' ? 'decided' : r.status === 'read' ? 'read with certainty' : 'skipped'})`,
    'scan-busy': (r) =>
      `another scan run is under way (${r.done}/${r.listed} sheets); wait for it to finish`,
    'scans-undecided': (r) =>
      `${r.count} scanned sheets still await review; review them before closing`,
    'readings-in-use': (r) =>
      `this election needs ${r.required} readings of each stack: ballots are entered through the stack's readings`,
    'readings-fixed': () =>
      'ballots or readings exist: the number of readings per stack can no longer change',
    'not-your-reading': (r) =>
      `reading ${r.reading} of this stack is ${r.operator}'s; each person enters only into their own reading`,
    'stacks-unsettled': (r) =>
      `stacks whose readings do not agree yet or whose differences are not settled: ${list(r.stacks)}`,
    'not-confirmed': (r) =>
      r.changed
        ? 'the result changed after the counting committee confirmed it: confirm it again before finalizing'
        : 'the counting committee has not confirmed the result (a member types their PIN), so it cannot be finalized',
    'unknown-call': (r) =>
      `there is no call "${r.kind}${r.name === '' ? '' : ` ${r.name}`}"; there are: ${list(r.allowed)}`,
    file: (r) => `file error: ${r.reason}`,
  },
  warning: {
    'base-override': (w) =>
      `The presidium set the base to ${w.base} (the rules give ${w.computed}): ${w.note}`,
    'surplus-over-limit': (w) =>
      `Surplus ${w.surplus} (${w.candidates} for ${w.seats} seats) is over the limit of ${w.limit}`,
    'no-surplus': (w) =>
      `The list has no surplus (${w.candidates} for ${w.seats} seats) but the ballot is the strike layout`,
    'approve-with-surplus': (w) =>
      `The list has a surplus (${w.candidates} for ${w.seats} seats) but the ballot is the approve layout`,
    'issued-exceeds-present': (w) =>
      `Ballots issued (${w.issued}) exceed the people present (${w.present})`,
    'collected-exceeds-issued': (w) =>
      `Ballots collected (${w.collected}) exceed ballots issued (${w.issued})`,
  },
};
