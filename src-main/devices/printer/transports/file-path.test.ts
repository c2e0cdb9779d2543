import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileConnection } from './file';
import { checkPrinterFilePath, PrinterFilePathError, type FilePathProblem } from './file-path';

let root: string;
let dataDir: string;
let printers: string;
/** Stands in for a shell start file or any other file the server must never write. */
let victim: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'printer-path-'));
  dataDir = join(root, 'data');
  printers = join(dataDir, 'printers');
  mkdirSync(printers, { recursive: true });
  victim = join(root, 'home', '.bashrc');
  mkdirSync(join(root, 'home'));
  writeFileSync(victim, '# shell start file\n');
  writeFileSync(join(dataDir, 'store.sqlite'), 'db');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const check = (path: string, mode: 'save' | 'open' = 'save') => checkPrinterFilePath(path, { dataDir }, mode);
const problem = (path: string, mode: 'save' | 'open' = 'save'): FilePathProblem | 'allowed' => {
  try {
    check(path, mode);
    return 'allowed';
  } catch (e) {
    if (e instanceof PrinterFilePathError) return e.problem;
    throw e;
  }
};

describe('file printer paths', () => {
  it('allows a file in the printers folder, by name or full path, and in a folder made there', () => {
    expect(check('labels.prn')).toEqual({ kind: 'file', path: join(printers, 'labels.prn') });
    expect(check(join(printers, 'x.zpl'))).toEqual({ kind: 'file', path: join(printers, 'x.zpl') });
    mkdirSync(join(printers, 'training'));
    expect(check('training/day1.tspl').path).toBe(join(printers, 'training', 'day1.tspl'));
    expect(check(join(printers, 'a', '..', 'b.prn')).path).toBe(join(printers, 'b.prn'));
  });

  it('creates the printers folder when a new data directory has none', () => {
    rmSync(printers, { recursive: true });
    expect(check('first.prn').path).toBe(join(printers, 'first.prn'));
    expect(existsSync(printers)).toBe(true);
  });

  it('refuses any file outside the printers folder, however it is written', () => {
    expect(problem(victim)).toBe('outside');
    expect(problem('../store.sqlite')).toBe('outside');
    expect(problem(join(dataDir, 'store.sqlite'))).toBe('outside');
    expect(problem(`../../home/.bashrc`)).toBe('outside');
    expect(problem(join(printers, '..', '..', 'home', '.bashrc'))).toBe('outside');
    expect(problem('/etc/profile.d/evil.sh')).toBe('outside');
    expect(problem(printers)).toBe('outside');
    expect(problem('bad\0name')).toBe('outside');
  });

  it('follows links: a link in the folder to a file or folder outside is refused, and so is a dangling one', () => {
    symlinkSync(victim, join(printers, 'innocent.prn'));
    expect(problem('innocent.prn')).toBe('outside');
    symlinkSync(join(root, 'home'), join(printers, 'sub'));
    expect(problem('sub/new.prn')).toBe('outside');
    symlinkSync(join(root, 'home', 'not-yet.sh'), join(printers, 'dangling.prn'));
    expect(problem('dangling.prn')).toBe('outside');
    // A link that stays inside the folder is fine.
    writeFileSync(join(printers, 'real.prn'), '');
    symlinkSync(join(printers, 'real.prn'), join(printers, 'alias.prn'));
    expect(check('alias.prn').path).toBe(join(printers, 'real.prn'));
  });

  it('refuses a folder, and a file in a folder that does not exist', () => {
    mkdirSync(join(printers, 'dir'));
    expect(problem('dir')).toBe('notFile');
    expect(problem('missing/x.prn')).toBe('noFolder');
  });

  it('allows printer and serial device nodes only: absent ones at save time, present ones to write', () => {
    expect(check('/dev/usb/lp0')).toEqual({ kind: 'device', path: '/dev/usb/lp0' });
    expect(check('/dev/serial/by-id/usb-Gprinter-if00')).toMatchObject({ kind: 'device' });
    expect(problem('/dev/usb/lp9', 'open')).toBe('noDevice');
    expect(problem('/dev/null')).toBe('outside');
    expect(problem('/dev/tty')).toBe('outside');
    expect(problem('/dev/pts/0')).toBe('outside');
    expect(problem('/dev/shm/evil')).toBe('outside');
    expect(problem('/dev/../etc/profile')).toBe('outside');
    expect(problem('/dev/usb/../../etc/profile')).toBe('outside');
  });

  it('on Windows: COM and LPT ports and \\\\.\\ device names; no shares, streams or reserved names', () => {
    const win = (path: string) => checkPrinterFilePath(path, { dataDir: 'C:\\data', platform: 'win32' }, 'save');
    expect(win('COM3')).toEqual({ kind: 'device', path: '\\\\.\\COM3' });
    expect(win('\\\\.\\COM12')).toEqual({ kind: 'device', path: '\\\\.\\COM12' });
    expect(win('lpt1')).toEqual({ kind: 'device', path: '\\\\.\\lpt1' });
    expect(() => win('\\\\fileserver\\share\\startup.bat')).toThrow(PrinterFilePathError);
    expect(() => win('\\\\?\\C:\\Windows\\win.ini')).toThrow(PrinterFilePathError);
    expect(() => win('\\\\.\\PhysicalDrive0')).toThrow(PrinterFilePathError);
  });
});

describe('FileConnection', () => {
  it('appends jobs in the printers folder', async () => {
    const c = new FileConnection('jobs.prn', { dataDir });
    await c.write(Buffer.from('one\n'));
    await c.write(Buffer.from('two\n'));
    expect(readFileSync(join(printers, 'jobs.prn'), 'utf8')).toBe('one\ntwo\n');
  });

  it('checks again at every write: a path outside (a database edited by hand) writes nothing', async () => {
    await expect(new FileConnection(victim, { dataDir }).write(Buffer.from('rm -rf ~\n'))).rejects.toThrow(
      PrinterFilePathError,
    );
    expect(readFileSync(victim, 'utf8')).toBe('# shell start file\n');
    // Swapped for a link after it was saved: refused at the write.
    const c = new FileConnection('swapped.prn', { dataDir });
    await c.write(Buffer.from('ok\n'));
    rmSync(join(printers, 'swapped.prn'));
    symlinkSync(victim, join(printers, 'swapped.prn'));
    await expect(c.write(Buffer.from('echo pwned\n'))).rejects.toThrow(PrinterFilePathError);
    expect(readFileSync(victim, 'utf8')).toBe('# shell start file\n');
  });

  it('without a data directory, writes nowhere', async () => {
    await expect(new FileConnection(join(printers, 'x.prn'), null).write(Buffer.from('x'))).rejects.toThrow(
      PrinterFilePathError,
    );
    expect(existsSync(join(printers, 'x.prn'))).toBe(false);
  });
});
