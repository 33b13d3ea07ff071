import assert from 'node:assert/strict';
import { jsonFileMatch, literalGlob } from '../../src/core/file/filePatterns';

describe('literalGlob', () => {
  it('leaves a plain path alone', () => {
    assert.equal(literalGlob('team/backlog.json'), 'team/backlog.json');
  });

  it('puts each glob character in brackets of its own', () => {
    assert.equal(literalGlob('team notes/[q3] {plan}*?.json'), 'team notes/[[]q3[]] [{]plan[}][*][?].json');
  });
});

describe('jsonFileMatch', () => {
  it('keeps letters, digits, separators, dots, dashes, underscores and non-ASCII letters', () => {
    assert.equal(jsonFileMatch('/work/team_1/back-log.v2.json'), '/work/team_1/back-log.v2.json');
    assert.equal(jsonFileMatch('/work/équipe/backlog.json'), '/work/équipe/backlog.json');
  });

  it('turns every other ASCII character into a one-character wildcard, and # and ? into any run', () => {
    assert.equal(jsonFileMatch('/c:/team notes/[q3] {plan}.json'), '/c?/team?notes/?q3???plan?.json');
    assert.equal(jsonFileMatch('/w/a#b?c.json'), '/w/a*b*c.json');
  });
});
