import assert from 'node:assert/strict';
import { folderStatus, type FolderFileState, type FolderStatusTexts } from '../../src/protocol/folderStatus';

const TEXTS: FolderStatusTexts = {
  untrusted: 'untrusted',
  missing: (folderName, relativePath) => `missing ${relativePath} in ${folderName}`,
  problem: (relativePath, line, column, message) => `${relativePath}:${line}:${column} ${message.code}`,
};

function statusOf(state: FolderFileState, trusted: boolean) {
  return folderStatus({ key: 'file:///work/alpha', name: 'alpha', relativePath: 'stupid-work.json', state }, trusted, TEXTS);
}

const PROBLEM: FolderFileState = { kind: 'problem', problem: { message: { code: 'parse.conflict', line: 3 }, line: 3, column: 7 } };

describe('the folder status both webviews show', () => {
  it('is ready for a loaded backlog in a trusted workspace, and missing, with where saving creates it, for none', () => {
    assert.deepEqual(statusOf({ kind: 'loaded' }, true), { key: 'file:///work/alpha', name: 'alpha', status: 'ready' });
    assert.deepEqual(statusOf({ kind: 'missing' }, true), { key: 'file:///work/alpha', name: 'alpha', status: 'missing', detail: 'missing stupid-work.json in alpha' });
  });

  it('is read-only in an untrusted workspace whether the file is loaded or missing: saving would create it', () => {
    for (const kind of ['loaded', 'missing'] as const) {
      assert.deepEqual(statusOf({ kind }, false), { key: 'file:///work/alpha', name: 'alpha', status: 'read-only', detail: 'untrusted' }, kind);
    }
  });

  it('reports a file that cannot be read before trust, since the fix is a hand edit that needs no trust', () => {
    for (const trusted of [true, false]) {
      assert.deepEqual(statusOf(PROBLEM, trusted), { key: 'file:///work/alpha', name: 'alpha', status: 'problem', detail: 'stupid-work.json:3:7 parse.conflict' });
      assert.deepEqual(statusOf({ kind: 'bad-path', message: 'outside the folder' }, trusted), { key: 'file:///work/alpha', name: 'alpha', status: 'problem', detail: 'outside the folder' });
    }
  });
});
