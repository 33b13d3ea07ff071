import { english } from '../../src/core/text/english';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { resolveDataPath } from '../../src/core/file/dataPath';

const FOLDER = path.resolve('/work/repo');

function rejected(setting: string | undefined): string {
  const r = resolveDataPath(FOLDER, setting);
  if (r.ok) assert.fail(`expected ${JSON.stringify(setting)} to be rejected, got ${r.path}`);
  return english(r.message);
}

describe('resolveDataPath', () => {
  it('defaults to stupid-work.json in the folder', () => {
    assert.deepEqual(resolveDataPath(FOLDER, undefined), { ok: true, path: path.join(FOLDER, 'stupid-work.json') });
  });

  it('accepts relative .json paths inside the folder', () => {
    assert.deepEqual(resolveDataPath(FOLDER, 'docs/team/waste.json'), { ok: true, path: path.join(FOLDER, 'docs', 'team', 'waste.json') });
    assert.deepEqual(resolveDataPath(FOLDER, './a/../backlog.JSON'), { ok: true, path: path.join(FOLDER, 'backlog.JSON') });
    assert.deepEqual(resolveDataPath(FOLDER, 'docs\\waste.json'), { ok: true, path: path.join(FOLDER, 'docs', 'waste.json') });
    assert.deepEqual(resolveDataPath(FOLDER, '..data.json'), { ok: true, path: path.join(FOLDER, '..data.json') });
  });

  it('rejects paths that leave the folder', () => {
    for (const setting of ['../x.json', 'a/../../x.json', '..\\x.json', 'a\\..\\..\\x.json', './../x.json']) {
      assert.equal(rejected(setting), `The setting stupidWork.dataFile points outside the workspace folder ("${setting}"). It must name a .json file inside the workspace folder, such as "stupid-work.json".`);
    }
  });

  it('rejects absolute paths in any style', () => {
    for (const setting of ['/etc/x.json', 'C:\\Users\\x.json', 'c:x.json', '\\\\server\\share\\x.json', '\\x.json']) {
      assert.match(rejected(setting), /^The setting stupidWork\.dataFile is an absolute path/);
    }
  });

  it('rejects empty settings and names that are not .json files', () => {
    assert.match(rejected(''), /stupidWork\.dataFile is empty\./);
    assert.match(rejected('   '), /stupidWork\.dataFile is empty\./);
    for (const setting of ['backlog.yaml', 'stupid-work', '.json', 'data.json/', 'data.json/..']) {
      assert.match(rejected(setting), /stupidWork\.dataFile does not name a \.json file/, setting);
    }
    assert.match(rejected('a\0.json'), /null character/);
  });
});
