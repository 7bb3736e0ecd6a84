import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DOWNLOADING_LINE,
  ensureElectron,
  findElectronBinary,
  nodeAtLeast,
  summarizeInstallError,
  type EnsureElectronDeps,
  type InstallResult,
} from '../../../scripts/electron/binary.js';
import { useTempDirs } from './support/temp-dir.js';

/** An installer that "downloads" by making the binary appear, or fails like a machine without network. */
function fakeInstaller(result: InstallResult, onInstall: () => void = () => undefined) {
  let binary: string | null = null;
  const lines: string[] = [];
  let installs = 0;
  const deps: EnsureElectronDeps = {
    find: () => binary,
    install: async () => {
      installs++;
      if (result.ok) onInstall();
      return result;
    },
    say: (line) => lines.push(line),
    nodeVersion: '22.12.0',
  };
  return {
    deps,
    lines,
    installs: () => installs,
    place: (path: string) => {
      binary = path;
    },
  };
}

describe('npm start fetches Electron when it is missing', () => {
  it('present: uses it, says nothing, downloads nothing', async () => {
    const fake = fakeInstaller({ ok: true });
    fake.place('/opt/electron/electron');
    expect(await ensureElectron(fake.deps)).toEqual({ kind: 'present', binary: '/opt/electron/electron' });
    expect(fake.installs()).toBe(0);
    expect(fake.lines).toEqual([]);
  });

  it('missing + download succeeds: prints the downloading line once, then uses the new binary', async () => {
    const fake = fakeInstaller({ ok: true }, () => fake.place('/repo/node_modules/electron/dist/electron'));
    expect(await ensureElectron(fake.deps)).toEqual({ kind: 'downloaded', binary: '/repo/node_modules/electron/dist/electron' });
    expect(fake.installs()).toBe(1);
    expect(fake.lines).toEqual([DOWNLOADING_LINE]);
    expect(DOWNLOADING_LINE).toMatch(/Downloading Electron \(≈100 MB/);
  });

  it('missing + download fails: one sentence with the reason, so npm start falls back to the web studio', async () => {
    const fake = fakeInstaller({ ok: false, error: 'TypeError: fetch failed' });
    const outcome = await ensureElectron(fake.deps);
    expect(outcome).toEqual({ kind: 'unavailable', reason: 'Electron could not be downloaded: TypeError: fetch failed' });
    expect(fake.lines).toEqual([DOWNLOADING_LINE]);
  });

  it('missing + the installer "succeeds" without leaving a binary: still unavailable, not a crash', async () => {
    const fake = fakeInstaller({ ok: true });
    const outcome = await ensureElectron(fake.deps);
    expect(outcome.kind).toBe('unavailable');
  });

  it('on a Node older than 22.12 the failure says which Node the installer needs', async () => {
    const fake = fakeInstaller({ ok: false, error: 'SyntaxError: Unexpected token' });
    fake.deps.nodeVersion = '20.19.0';
    const outcome = await ensureElectron(fake.deps);
    expect(outcome.kind === 'unavailable' && outcome.reason).toMatch(/needs Node\.js 22\.12\.0 or newer; this is 20\.19\.0/);
  });

  it('a hand-picked ELECTRON_OVERRIDE_DIST_PATH without a binary is reported, never downloaded into', async () => {
    const fake = fakeInstaller({ ok: true });
    fake.deps.overrideDir = '/nowhere';
    const outcome = await ensureElectron(fake.deps);
    expect(outcome.kind).toBe('unavailable');
    expect(fake.installs()).toBe(0);
  });
});

describe('finding the binary (the package own lookup, without requiring it)', () => {
  const tempDir = useTempDirs();

  it('reads path.txt and checks the file exists', async () => {
    const pkg = await tempDir();
    expect(findElectronBinary(pkg, {}, 'linux')).toBeNull();
    await writeFile(join(pkg, 'path.txt'), 'electron');
    expect(findElectronBinary(pkg, {}, 'linux')).toBeNull();
    await mkdir(join(pkg, 'dist'));
    await writeFile(join(pkg, 'dist', 'electron'), '');
    expect(findElectronBinary(pkg, {}, 'linux')).toBe(join(pkg, 'dist', 'electron'));
  });

  it('ELECTRON_OVERRIDE_DIST_PATH wins, with the platform executable name when path.txt is absent', async () => {
    const [pkg, override] = [await tempDir(), await tempDir()];
    await writeFile(join(override, 'electron.exe'), '');
    expect(findElectronBinary(pkg, { ELECTRON_OVERRIDE_DIST_PATH: override }, 'win32')).toBe(join(override, 'electron.exe'));
    expect(findElectronBinary(pkg, { ELECTRON_OVERRIDE_DIST_PATH: override }, 'linux')).toBeNull();
  });

  it('no electron package: null', () => {
    expect(findElectronBinary(null)).toBeNull();
  });
});

describe('helpers', () => {
  it('compares Node versions', () => {
    expect(nodeAtLeast('22.12.0')).toBe(true);
    expect(nodeAtLeast('v24.1.0')).toBe(true);
    expect(nodeAtLeast('22.11.9')).toBe(false);
    expect(nodeAtLeast('20.19.2')).toBe(false);
  });

  it('keeps the error line of an installer stack trace', () => {
    const output = 'TypeError: fetch failed\n    at node:internal/deps/undici/undici:14976:13\n    at async FetchDownloader.download (x.js:46:30)\n';
    expect(summarizeInstallError(output, 1)).toBe('TypeError: fetch failed');
    expect(summarizeInstallError('', 7)).toBe('the installer exited with code 7');
  });
});
