import { english } from '../../src/core/text/english';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { resolveSummaryPath } from '../../src/core/retro/summaryPath';

const FOLDER = path.resolve('/work/repo');
const DATE = '2026-11-23';

function rejected(setting: string | undefined): string {
  const r = resolveSummaryPath(FOLDER, setting, DATE);
  if (r.ok) assert.fail(`expected ${JSON.stringify(setting)} to be rejected, got ${r.path}`);
  return english(r.message);
}

describe('resolveSummaryPath', () => {
  it('defaults to docs/retros/{date}.md with the retro date filled in', () => {
    assert.deepEqual(resolveSummaryPath(FOLDER, undefined, DATE), {
      ok: true,
      path: path.join(FOLDER, 'docs', 'retros', '2026-11-23.md'),
      relative: 'docs/retros/2026-11-23.md',
    });
  });

  it('accepts relative Markdown paths inside the folder, in either separator style', () => {
    assert.deepEqual(resolveSummaryPath(FOLDER, 'notes\\retro-{date}.markdown', DATE), {
      ok: true,
      path: path.join(FOLDER, 'notes', 'retro-2026-11-23.markdown'),
      relative: 'notes/retro-2026-11-23.markdown',
    });
    assert.deepEqual(resolveSummaryPath(FOLDER, './a/../RETRO.MD', DATE), { ok: true, path: path.join(FOLDER, 'RETRO.MD'), relative: 'RETRO.MD' });
  });

  it('rejects paths that leave the folder', () => {
    for (const setting of ['../x.md', 'a/../../{date}.md', '..\\x.md', './../x.md']) {
      assert.equal(
        rejected(setting),
        `The setting stupidWork.retro.summaryPath points outside the workspace folder ("${setting}"). It must name a Markdown file inside the workspace folder, such as "docs/retros/{date}.md".`,
      );
    }
  });

  it('rejects absolute paths in any style', () => {
    for (const setting of ['/tmp/{date}.md', 'C:\\notes\\x.md', 'c:x.md', '\\\\server\\share\\x.md']) {
      assert.match(rejected(setting), /^The setting stupidWork\.retro\.summaryPath is an absolute path/);
    }
  });

  it('rejects empty settings and names that are not Markdown files', () => {
    assert.match(rejected('  '), /summaryPath is empty\./);
    for (const setting of ['notes.txt', 'docs/retros/', '.md', 'x.md/..']) {
      assert.match(rejected(setting), /does not name a Markdown file|points outside/, setting);
    }
    assert.match(rejected('a\0.md'), /null character/);
  });
});
