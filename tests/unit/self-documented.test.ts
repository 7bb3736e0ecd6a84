/** The repository documents itself: nothing points at the API document that lived outside it. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const outside = ['shared', 'API.md'].join('/');

it(`no tracked file refers to ${outside}`, () => {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter((f) => /\.(ts|tsx|js|md|json|yml|html)$/.test(f));
  const offenders = files.filter((f) => {
    try {
      return readFileSync(path.join(root, f), 'utf8').includes(outside);
    } catch {
      return false; // listed but absent (deleted in the work tree)
    }
  });
  expect(offenders).toEqual([]);
});
