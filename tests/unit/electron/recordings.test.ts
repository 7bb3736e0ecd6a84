import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSettingsStore } from '../../../src-main/features/settings/store.js';
import { createRecordingWriter } from '../../../src-main/features/recordings/writer.js';
import { registerRecordingsIpc } from '../../../src-main/features/recordings/ipc.js';
import { sanitizeRecordingName } from '../../../src-main/features/recordings/file-name.js';
import { call, fakeRouter, valueOf } from './support/fake-ipc.js';
import { useTempDirs } from './support/temp-dir.js';

const tempDir = useTempDirs();

async function setup(options: { chosenFolder?: string | null } = {}) {
  const root = await tempDir();
  const folder = join(root, 'Videos', 'Afritok Live');
  const settings = await openSettingsStore({ file: join(root, 'settings.json') });
  const writer = createRecordingWriter(() => settings.get().recordingsFolder ?? folder);
  const shown: string[] = [];
  const { ipc, router } = fakeRouter();
  registerRecordingsIpc(router, {
    writer,
    settings,
    defaultFolder: () => folder,
    chooseFolder: async () => options.chosenFolder ?? null,
    showFolder: async (f) => void shown.push(f),
  });
  return { root, folder, settings, writer, ipc, shown };
}

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('recordings', () => {
  it('streams chunks into a .webm file in the recordings folder', async () => {
    const { folder, ipc } = await setup();
    const { id, fileName } = valueOf(await call(ipc, 'recordings:open', { name: 'My show' }));
    expect(fileName).toBe('My show.webm');
    for (const part of ['one-', 'two-', 'three']) {
      expect(valueOf(await call(ipc, 'recordings:append', { id, chunk: bytes(part) }))).toEqual({ bytesWritten: part.length });
    }
    const closed = valueOf(await call(ipc, 'recordings:close', { id }));
    expect(closed).toEqual({ fileName: 'My show.webm', path: join(folder, 'My show.webm'), bytes: 13 });
    expect(await readFile(closed.path, 'utf8')).toBe('one-two-three');
  });

  it('keeps chunk order when appends are sent without waiting', async () => {
    const { ipc } = await setup();
    const { id } = valueOf(await call(ipc, 'recordings:open', { name: 'burst' }));
    const parts = Array.from({ length: 50 }, (_, i) => `${String(i).padStart(2, '0')},`);
    const results = await Promise.all(parts.map((part) => call(ipc, 'recordings:append', { id, chunk: bytes(part) })));
    results.forEach(valueOf);
    const { path } = valueOf(await call(ipc, 'recordings:close', { id }));
    expect(await readFile(path, 'utf8')).toBe(parts.join(''));
  });

  it('never overwrites: a second recording with the same name gets a number', async () => {
    const { ipc } = await setup();
    const first = valueOf(await call(ipc, 'recordings:open', { name: 'take' }));
    const second = valueOf(await call(ipc, 'recordings:open', { name: 'take.webm' }));
    expect([first.fileName, second.fileName]).toEqual(['take.webm', 'take (2).webm']);
  });

  it('keeps traversal attempts inside the recordings folder', async () => {
    const { root, folder, ipc } = await setup();
    const names = ['../../escape', '..', '/etc/passwd', 'C:\\Windows\\evil', '..\\..\\x', '.bashrc', 'a\u0000b', 'NUL'];
    for (const name of names) {
      const { id } = valueOf(await call(ipc, 'recordings:open', { name }));
      const { path } = valueOf(await call(ipc, 'recordings:close', { id }));
      expect(dirname(path), name).toBe(folder);
    }
    expect(await readdir(root)).toEqual(['Videos']);
    expect(await readdir(join(root, 'Videos'))).toEqual(['Afritok Live']);
  });

  it('refuses another window’s recording and unknown ids', async () => {
    const { ipc } = await setup();
    const { id } = valueOf(await call(ipc, 'recordings:open', { name: 'mine' }, { senderId: 1 }));
    const stolen = await call(ipc, 'recordings:append', { id, chunk: bytes('x') }, { senderId: 2 });
    expect(stolen).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call(ipc, 'recordings:close', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses chunks that are not bytes', async () => {
    const { ipc } = await setup();
    const { id } = valueOf(await call(ipc, 'recordings:open', { name: 'x' }));
    for (const chunk of ['text', [1, 2, 3], { 0: 1 }, null]) {
      expect(await call(ipc, 'recordings:append', { id, chunk })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });

  it('closes what a window left open', async () => {
    const { writer, ipc } = await setup();
    const { id } = valueOf(await call(ipc, 'recordings:open', { name: 'crash' }, { senderId: 3 }));
    await writer.closeAllOf(3);
    expect(await call(ipc, 'recordings:close', { id }, { senderId: 3 })).toMatchObject({ ok: false });
  });

  it('records into the folder the user chose, and remembers it', async () => {
    const chosen = join(await tempDir(), 'chosen');
    const { ipc, settings } = await setup({ chosenFolder: chosen });
    expect(valueOf(await call(ipc, 'recordings:chooseFolder', {}))).toEqual({ folder: chosen });
    expect(settings.get().recordingsFolder).toBe(chosen);
    const { id } = valueOf(await call(ipc, 'recordings:open', { name: 'there' }));
    expect(valueOf(await call(ipc, 'recordings:close', { id })).path).toBe(join(chosen, 'there.webm'));
  });

  it('leaves the folder unchanged when the dialog is cancelled', async () => {
    const { ipc, settings } = await setup({ chosenFolder: null });
    expect(valueOf(await call(ipc, 'recordings:chooseFolder', {}))).toEqual({ folder: null });
    expect(settings.get().recordingsFolder).toBeNull();
  });
});

describe('sanitizeRecordingName', () => {
  it.each([
    ['Show', 'Show.webm'],
    ['Show.WEBM', 'Show.webm'],
    ['../../etc/passwd', 'etc passwd.webm'],
    ['a<b>c:d"e|f?g*h', 'a b c d e f g h.webm'],
    ['...', 'recording.webm'],
    ['   ', 'recording.webm'],
    ['com1', 'recording.webm'],
    // Windows device names, whatever the case, extension, trailing dots or spaces
    ['CON', 'recording.webm'],
    ['CON.webm', 'recording.webm'],
    ['con.txt', 'recording.webm'],
    ['nul.tar.webm', 'recording.webm'],
    ['Aux .mp4', 'recording.webm'],
    ['PRN.', 'recording.webm'],
    ['COM9.log', 'recording.webm'],
    ['com¹', 'recording.webm'],
    ['LPT1.webm', 'recording.webm'],
    ['lpt0.x.y', 'recording.webm'],
    ['CONIN$', 'recording.webm'],
    ['conout$.webm', 'recording.webm'],
    // …but a name that merely starts like one is fine
    ['Console session', 'Console session.webm'],
    ['COM10', 'COM10.webm'],
    ['nullable', 'nullable.webm'],
    // other unsafe names
    ['x\u202Ebmw.exe', 'xbmw.exe.webm'],
    ['\u200B\u2800\u3164', 'recording.webm'],
    ['-rf show', 'rf show.webm'],
    ['show\u0000name', 'show name.webm'],
    ['line\nbreak', 'line break.webm'],
    ['trailing dots...', 'trailing dots.webm'],
    ['x'.repeat(300), `${'x'.repeat(120)}.webm`],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeRecordingName(input)).toBe(expected);
  });
});

describe('recordings: device and unsafe names never reach the disk', () => {
  it.each(['CON.webm', 'nul.tar', 'COM1', 'LPT9.webm', 'x\u202Ebmw.exe'])('%j opens a plain file inside the folder', async (name) => {
    const { folder, ipc } = await setup();
    const { id, fileName } = valueOf(await call(ipc, 'recordings:open', { name }));
    expect(fileName).not.toMatch(/^(con|nul|com\d|lpt\d)\b/i);
    expect(fileName).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    const { path } = valueOf(await call(ipc, 'recordings:close', { id }));
    expect(dirname(path)).toBe(folder);
    expect(await readdir(folder)).toEqual([fileName]);
  });
});
