import assert from 'node:assert/strict';
import { forgeRepository, newIssueUrl, type ForgeRepository } from '../../src/core/tracker/forge';
import type { Forge } from '../../src/core/tracker/forges';
import { issueText, type IssueStrings } from '../../src/core/tracker/issueText';
import { setTrackingLink } from '../../src/core/tracker/trackingLink';
import { checkTrackingUrl, isOpenableTrackingUrl } from '../../src/core/tracker/trackingUrl';
import type { Backlog, Decision, Entry } from '../../src/core/model/model';
import { decide } from '../../src/core/retro/retro';
import { LABELS, makeEntry } from './fixtures';

const STRINGS: IssueStrings = {
  decision: 'Decision',
  owner: 'Owner',
  due: 'Due',
  noDue: 'no due date',
  rationale: 'Why',
  tryAnother: 'Try another approach',
  footer: 'From the Stupid Work backlog, entry {0}.',
};

function repo(url: string, override?: Forge): ForgeRepository {
  const found = forgeRepository(url, override);
  assert.ok(found.ok, `${url}: ${JSON.stringify(found)}`);
  return found.repository;
}

describe('forgeRepository', () => {
  const cases: [string, ForgeRepository][] = [
    ['git@github.com:owner/repo.git', { forge: 'github', origin: 'https://github.com', path: ['owner', 'repo'] }],
    ['ssh://git@github.com/owner/repo.git', { forge: 'github', origin: 'https://github.com', path: ['owner', 'repo'] }],
    ['ssh://git@github.example.com:2222/owner/repo.git', { forge: 'github', origin: 'https://github.example.com', path: ['owner', 'repo'] }],
    ['https://x-access-token:s3cret@github.com/owner/repo.git', { forge: 'github', origin: 'https://github.com', path: ['owner', 'repo'] }],
    ['https://github.com/owner/repo', { forge: 'github', origin: 'https://github.com', path: ['owner', 'repo'] }],
    ['git@gitlab.com:group/sub/repo.git', { forge: 'gitlab', origin: 'https://gitlab.com', path: ['group', 'sub', 'repo'] }],
    ['https://oauth2:glpat-x@gitlab.example.com:8443/group/repo.git', { forge: 'gitlab', origin: 'https://gitlab.example.com:8443', path: ['group', 'repo'] }],
    ['ssh://git@gitlab.example.com:2222/group/sub/repo.git', { forge: 'gitlab', origin: 'https://gitlab.example.com', path: ['group', 'sub', 'repo'] }],
    ['git@bitbucket.org:workspace/repo.git', { forge: 'bitbucket', origin: 'https://bitbucket.org', path: ['workspace', 'repo'] }],
    ['https://me:app-password@bitbucket.org/workspace/repo.git', { forge: 'bitbucket', origin: 'https://bitbucket.org', path: ['workspace', 'repo'] }],
    ['https://org@dev.azure.com/org/Project/_git/repo', { forge: 'azure', origin: 'https://dev.azure.com', path: ['org', 'Project', 'repo'] }],
    ['https://dev.azure.com/org/My%20Project/_git/My%20Repo', { forge: 'azure', origin: 'https://dev.azure.com', path: ['org', 'My Project', 'My Repo'] }],
    ['git@ssh.dev.azure.com:v3/org/Project/repo', { forge: 'azure', origin: 'https://dev.azure.com', path: ['org', 'Project', 'repo'] }],
    ['https://org.visualstudio.com/Project/_git/repo', { forge: 'azure', origin: 'https://dev.azure.com', path: ['org', 'Project', 'repo'] }],
    ['https://codeberg.org/owner/repo.git', { forge: 'gitea', origin: 'https://codeberg.org', path: ['owner', 'repo'] }],
    ['git@gitea.example.com:owner/repo.git', { forge: 'gitea', origin: 'https://gitea.example.com', path: ['owner', 'repo'] }],
    ['https://user:pw@forgejo.example.com:3000/owner/repo.git', { forge: 'gitea', origin: 'https://forgejo.example.com:3000', path: ['owner', 'repo'] }],
  ];
  for (const [url, expected] of cases) {
    it(`maps ${url}`, () => assert.deepEqual(repo(url), expected));
  }

  it('never carries a user name or password into the origin', () => {
    for (const [url] of cases) assert.doesNotMatch(repo(url).origin, /@|s3cret|glpat|app-password/);
  });

  it('takes the site from the setting when the host name does not tell', () => {
    assert.deepEqual(forgeRepository('git@git.example.com:team/repo.git'), { ok: false, message: { code: 'tracker.unknownForge', host: 'git.example.com' } });
    assert.deepEqual(repo('git@git.example.com:team/sub/repo.git', 'gitlab'), { forge: 'gitlab', origin: 'https://git.example.com', path: ['team', 'sub', 'repo'] });
  });

  it('refuses local paths, file URLs and plain http, with a message that names what to do', () => {
    assert.equal(failure('/srv/git/backlog.git'), 'tracker.notNetworkRemote');
    assert.equal(failure('file:///srv/git/backlog.git'), 'tracker.notNetworkRemote');
    assert.equal(failure('http://gitea.example.com/owner/repo.git'), 'tracker.plainHttpRemote');
  });

  it('refuses a path that names no repository as the site does', () => {
    assert.equal(failure('https://github.com/owner'), 'tracker.unknownPath');
    assert.equal(failure('https://github.com/owner/repo/extra'), 'tracker.unknownPath');
    assert.equal(failure('https://dev.azure.com/org/Project'), 'tracker.unknownPath');
  });

  function failure(url: string): string {
    const found = forgeRepository(url);
    assert.ok(!found.ok, url);
    return found.message.code;
  }
});

describe('newIssueUrl', () => {
  const text = { title: 'Stop the weekly report', body: 'Line one\nA & B = C?' };
  const expected: Record<Forge, [string, string]> = {
    github: ['git@github.com:owner/repo.git', 'https://github.com/owner/repo/issues/new?title=Stop%20the%20weekly%20report&body=Line%20one%0AA%20%26%20B%20%3D%20C%3F'],
    gitlab: ['git@gitlab.com:group/sub/repo.git', 'https://gitlab.com/group/sub/repo/-/issues/new?issue%5Btitle%5D=Stop%20the%20weekly%20report&issue%5Bdescription%5D=Line%20one%0AA%20%26%20B%20%3D%20C%3F'],
    bitbucket: ['git@bitbucket.org:ws/repo.git', 'https://bitbucket.org/ws/repo/issues/new?title=Stop%20the%20weekly%20report&content=Line%20one%0AA%20%26%20B%20%3D%20C%3F'],
    azure: ['https://dev.azure.com/org/My%20Project/_git/repo', 'https://dev.azure.com/org/My%20Project/_workitems/create/Task?%5BSystem.Title%5D=Stop%20the%20weekly%20report&%5BSystem.Description%5D=Line%20one%0AA%20%26%20B%20%3D%20C%3F'],
    gitea: ['https://codeberg.org/owner/repo.git', 'https://codeberg.org/owner/repo/issues/new?title=Stop%20the%20weekly%20report&body=Line%20one%0AA%20%26%20B%20%3D%20C%3F'],
  };
  for (const [forge, [remote, url]] of Object.entries(expected)) {
    it(`opens ${forge}'s new issue page with the title and body filled in`, () => {
      const made = newIssueUrl(repo(remote), text);
      assert.equal(made, url);
      const parsed = new URL(made);
      assert.equal(parsed.protocol, 'https:');
      assert.deepEqual([...parsed.searchParams.values()], [text.title, text.body]);
    });
  }

  it('is always an https URL that the tracking-link rule accepts', () => {
    const made = newIssueUrl(repo('https://oauth2:token@gitlab.example.com:8443/g/r.git'), text);
    assert.ok(isOpenableTrackingUrl(made));
    assert.doesNotMatch(made, /token|oauth2/);
  });
});

describe('issueText', () => {
  const decision: Decision = { outcome: 'automate', rationale: 'Copying by hand.\n[click](javascript:x) <b>', owner: '@grace', due: '2026-12-01', followUp: 'open', decided: '2026-11-01T09:00:00.000Z' };
  const entry = { ...makeEntry({ title: 'Numbers into slides' }), decision } as Entry & { decision: Decision };

  it('writes Markdown with the decision, and entry text made inert', () => {
    const { title, body } = issueText(entry, 'github', LABELS, STRINGS);
    assert.equal(title, 'Numbers into slides');
    assert.match(body, /^\*\*Decision:\*\* Automate · Owner: @grace · Due: 2026-12-01$/m);
    assert.match(body, /\\\[click\\\]\\\(javascript:x\\\) &lt;b&gt;/);
    assert.ok(body.includes(entry.id));
  });

  it('writes escaped HTML for Azure DevOps', () => {
    const { body } = issueText(entry, 'azure', LABELS, STRINGS);
    assert.doesNotMatch(body, /<b>[^:]*<\/b>.*<b>$/);
    assert.ok(body.includes('&#60;b&#62;'));
    assert.ok(body.startsWith('<p><b>Decision:</b> Automate'));
  });
});

describe('checkTrackingUrl', () => {
  it('accepts an https URL, trimmed and normalised', () => {
    assert.deepEqual(checkTrackingUrl('  https://github.com/o/r/issues/12 \n'), { ok: true, url: 'https://github.com/o/r/issues/12' });
    assert.deepEqual(checkTrackingUrl('https://Tracker.example/a b'), { ok: true, url: 'https://tracker.example/a%20b' });
  });

  it('refuses everything else with its reason', () => {
    const code = (text: string) => {
      const checked = checkTrackingUrl(text);
      return checked.ok ? 'ok' : checked.message.code;
    };
    assert.equal(code(''), 'tracker.emptyUrl');
    assert.equal(code('issue 12'), 'tracker.notAUrl');
    assert.equal(code('http://tracker.example/12'), 'tracker.notHttps');
    assert.equal(code('javascript:alert(1)'), 'tracker.notHttps');
    assert.equal(code('command:workbench.action.terminal.new'), 'tracker.notHttps');
    assert.equal(code('file:///etc/passwd'), 'tracker.notHttps');
    assert.equal(code('vscode://file/x'), 'tracker.notHttps');
    assert.equal(code('https://user:pw@tracker.example/12'), 'tracker.credentials');
    assert.equal(code(`https://tracker.example/${'x'.repeat(2000)}`), 'tracker.urlTooLong');
    assert.equal(isOpenableTrackingUrl(undefined), false);
    assert.equal(isOpenableTrackingUrl('http://tracker.example/1'), false);
  });
});

describe('setTrackingLink', () => {
  const NOW = new Date('2026-11-05T13:45:12.345Z');
  const decision: Decision = { outcome: 'stop', rationale: '', owner: 'Grace', followUp: 'open', decided: '2026-11-01T09:00:00.000Z' };
  const backlog = (entry: Partial<Entry>): Backlog => ({ version: 1, retros: [], entries: [makeEntry({ status: 'decided', decision, ...entry })] });

  it('sets and removes the link, moving the entry on', () => {
    const b = backlog({});
    const id = b.entries[0].id;
    const set = setTrackingLink(b, id, 'https://tracker.example/1', NOW);
    assert.ok(set.ok && set.changed);
    assert.equal(set.backlog.entries[0].decision?.trackingUrl, 'https://tracker.example/1');
    assert.equal(set.backlog.entries[0].updated, NOW.toISOString());
    const again = setTrackingLink(set.backlog, id, 'https://tracker.example/1', NOW);
    assert.ok(again.ok && !again.changed && again.backlog === set.backlog);
    const removed = setTrackingLink(set.backlog, id, undefined, NOW);
    assert.ok(removed.ok);
    assert.equal(removed.backlog.entries[0].decision?.trackingUrl, undefined);
    assert.ok(!('trackingUrl' in (removed.backlog.entries[0].decision ?? {})));
  });

  it('survives re-deciding, which the board does when an owner or a date changes', () => {
    const b = backlog({});
    const id = b.entries[0].id;
    const set = setTrackingLink(b, id, 'https://tracker.example/1', NOW);
    assert.ok(set.ok);
    const again = decide(set.backlog, id, { outcome: 'simplify', rationale: '', owner: 'Ada', followUp: 'in-progress' }, NOW);
    assert.ok(again.ok);
    assert.equal(again.backlog.entries[0].decision?.trackingUrl, 'https://tracker.example/1');
  });

  it('keeps the times of an anonymous entry coarse', () => {
    const b = backlog({ author: undefined });
    const set = setTrackingLink(b, b.entries[0].id, 'https://tracker.example/1', NOW);
    assert.ok(set.ok);
    assert.equal(set.backlog.entries[0].updated, '2026-11-05T00:00:00.000Z');
  });

  it('refuses a bad URL, a missing entry, no decision and an archived entry', () => {
    const b = backlog({});
    const id = b.entries[0].id;
    const code = (result: ReturnType<typeof setTrackingLink>) => (result.ok ? 'ok' : result.message.code);
    assert.equal(code(setTrackingLink(b, id, 'http://x.example', NOW)), 'tracker.notHttps');
    assert.equal(code(setTrackingLink(b, '01JH9999999999999999999999', 'https://x.example', NOW)), 'tracker.missing');
    assert.equal(code(setTrackingLink(backlog({ decision: undefined, status: 'open' }), id, 'https://x.example', NOW)), 'tracker.noDecision');
    assert.equal(code(setTrackingLink(backlog({ status: 'archived' }), id, 'https://x.example', NOW)), 'tracker.archived');
  });
});
