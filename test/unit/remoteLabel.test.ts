import assert from 'node:assert/strict';
import { remoteAddress, remoteLabel } from '../../src/core/sync/remoteLabel';

describe('remoteLabel', () => {
  it('names a remote by its name and where it points, as "origin (github.com/acme/app)"', () => {
    assert.equal(remoteLabel('origin', 'https://github.com/acme/app.git'), 'origin (github.com/acme/app)');
    assert.equal(remoteLabel('origin', 'git@github.com:acme/app.git'), 'origin (github.com/acme/app)');
    assert.equal(remoteLabel('team', undefined), 'team');
  });

  it('never shows the credentials a URL may carry', () => {
    assert.equal(remoteAddress('https://me:ghp_secret@github.com/acme/app.git'), 'github.com/acme/app');
    assert.equal(remoteAddress('https://oauth2:glpat-x@gitlab.example.com:8443/group/sub/app'), 'gitlab.example.com:8443/group/sub/app');
    assert.equal(remoteAddress('ssh://git@host.example:2222/srv/app.git'), 'host.example:2222/srv/app');
  });

  it('keeps a local path as written, a Windows drive included', () => {
    assert.equal(remoteAddress('/srv/git/app.git'), '/srv/git/app.git');
    assert.equal(remoteAddress('../shared/app.git'), '../shared/app.git');
    assert.equal(remoteAddress('C:\\repos\\app'), 'C:\\repos\\app');
    assert.equal(remoteAddress('file:///srv/git/app.git'), '/srv/git/app.git');
  });
});
