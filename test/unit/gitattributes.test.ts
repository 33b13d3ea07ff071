import assert from 'node:assert/strict';
import { attributePattern } from '../../src/core/mergeDriver/gitattributes';

describe('attributePattern', () => {
  it('anchors a plain path at the repository root', () => {
    assert.equal(attributePattern('stupid-work.json'), '/stupid-work.json');
    assert.equal(attributePattern('team/backlog.json'), '/team/backlog.json');
    assert.equal(attributePattern('#notes/!b.json'), '/#notes/!b.json', 'only a line start makes # or ! special, and the pattern starts with /');
  });

  it('escapes the glob characters wildmatch reads', () => {
    assert.equal(attributePattern('a[b]/x*y?.json'), '/a\\[b]/x\\*y\\?.json');
    assert.equal(attributePattern('back\\slash.json'), '/back\\\\slash.json');
  });

  it('C-quotes a pattern with whitespace, a double quote or a control character', () => {
    assert.equal(attributePattern('team notes/stupid-work.json'), '"/team notes/stupid-work.json"');
    assert.equal(attributePattern('say "hi".json'), '"/say \\"hi\\".json"');
    assert.equal(attributePattern('tab\there.json'), '"/tab\\there.json"');
    assert.equal(attributePattern('bell\u0007.json'), '"/bell\\007.json"');
    assert.equal(attributePattern('a [b]\\c.json'), '"/a \\\\[b]\\\\\\\\c.json"', 'the glob escapes are C-escaped in turn');
  });

  it('leaves non-ASCII text as it is', () => {
    assert.equal(attributePattern('ünïcödé/stupid-work.json'), '/ünïcödé/stupid-work.json');
  });
});
