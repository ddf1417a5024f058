import {
  DEFAULT_MAX_FILE_BYTES,
  attachmentsEditable,
  expertMayOpenEntryFiles,
  mayOpenSubmissionFiles,
  contentDisposition,
  declaredFileProblems,
  fileTypeProblem,
  isTooLarge,
  neutralFileName,
} from './attachments';

const pdf = { fileName: '申报书.pdf', contentType: 'application/pdf', size: 1024, sha256: 'a'.repeat(64) };

describe('declaredFileProblems', () => {
  it('accepts a plain name, a positive size and a hex digest', () => {
    expect(declaredFileProblems(pdf)).toEqual([]);
  });

  it('names every bad field: a path, an empty file, a digest that is not hex', () => {
    const problems = declaredFileProblems({ ...pdf, fileName: '../secret.pdf', size: 0, sha256: 'ABC' });
    expect(problems.map((p) => p.field)).toEqual(['fileName', 'size', 'sha256']);
  });

  it('takes a file declared without a digest: the server computes it', () => {
    expect(declaredFileProblems({ ...pdf, sha256: null })).toEqual([]);
  });

  it('refuses a name disguised by a right-to-left override', () => {
    expect(declaredFileProblems({ ...pdf, fileName: 'report\u202Efdp.exe' }).map((p) => p.field)).toEqual(['fileName']);
  });
});

describe('fileTypeProblem', () => {
  it('keeps PDFs, images and Office documents, old and new', () => {
    for (const [fileName, contentType] of [
      ['a.pdf', 'application/pdf'],
      ['a.JPG', 'image/jpeg'],
      ['a.webp', 'image/webp'],
      ['a.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['a.xls', 'application/vnd.ms-excel'],
      ['a.ppt', 'application/vnd.ms-powerpoint'],
    ] as const) {
      expect(fileTypeProblem({ fileName, contentType })).toBeNull();
    }
  });

  it('refuses other types, naming contentType', () => {
    expect(fileTypeProblem({ fileName: 'setup.exe', contentType: 'application/x-msdownload' })?.field).toBe('contentType');
  });

  it('refuses a name whose extension does not fit its type, naming fileName', () => {
    expect(fileTypeProblem({ fileName: 'setup.exe', contentType: 'application/pdf' })?.field).toBe('fileName');
  });
});

describe('isTooLarge', () => {
  it('allows exactly the limit and refuses one byte more', () => {
    expect(isTooLarge(DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_FILE_BYTES)).toBe(false);
    expect(isTooLarge(DEFAULT_MAX_FILE_BYTES + 1, DEFAULT_MAX_FILE_BYTES)).toBe(true);
  });
});

describe('neutralFileName', () => {
  it('names a file by the entry and its place, keeping the extension', () => {
    expect(neutralFileName('2019-AI-0042', 2, '中山医院-申报书.PDF')).toBe('2019-AI-0042-附件2.pdf');
    expect(neutralFileName('2019-AI-0042', 1, 'README')).toBe('2019-AI-0042-附件1');
  });
});

describe('contentDisposition', () => {
  it('quotes an ASCII name as it is', () => {
    expect(contentDisposition('report.pdf')).toBe('attachment; filename="report.pdf"');
  });

  it('gives a Chinese name in RFC 5987 form beside an ASCII fallback', () => {
    expect(contentDisposition('申报书.pdf')).toBe(`attachment; filename="___.pdf"; filename*=UTF-8''%E7%94%B3%E6%8A%A5%E4%B9%A6.pdf`);
  });
});

describe('who opens files', () => {
  it("lets a submission's unit, union and office open its files, not analysts", () => {
    expect(mayOpenSubmissionFiles({ roles: ['SUBMITTER'], org: 'u' })).toBe(true);
    expect(mayOpenSubmissionFiles({ roles: ['ORGANIZER'], org: 'g' })).toBe(true);
    expect(mayOpenSubmissionFiles({ roles: ['ADMIN'] })).toBe(true);
    expect(mayOpenSubmissionFiles({ roles: ['ANALYST'] })).toBe(false);
  });

  it('lets an expert open an entry only while assigned to it in an open round', () => {
    expect(expertMayOpenEntryFiles({ status: 'ASSIGNED' }, 'OPEN')).toBe(true);
    expect(expertMayOpenEntryFiles({ status: 'DECLINED' }, 'OPEN')).toBe(false);
    expect(expertMayOpenEntryFiles({ status: 'CONFLICT_DECLARED' }, 'OPEN')).toBe(false);
    expect(expertMayOpenEntryFiles({ status: 'ASSIGNED' }, 'CLOSED')).toBe(false);
    expect(expertMayOpenEntryFiles(null, 'OPEN')).toBe(false);
  });

  it("fixes a submission's files once it is entered", () => {
    expect(attachmentsEditable('DRAFT')).toBe(true);
    expect(attachmentsEditable('RETURNED')).toBe(true);
    expect(attachmentsEditable('SUBMITTED')).toBe(false);
    expect(attachmentsEditable('ENDORSED')).toBe(false);
    expect(attachmentsEditable('ACCEPTED')).toBe(false);
    expect(attachmentsEditable('REJECTED')).toBe(false);
    expect(attachmentsEditable('WITHDRAWN')).toBe(false);
  });
});
