import assert from 'node:assert/strict';
import { splitConflictMarkers } from '../../src/core/conflictMarkers';

describe('splitConflictMarkers', () => {
  it('splits a two-way conflict into both sides', () => {
    const sides = splitConflictMarkers('a\n<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> origin/main\nz\n');
    assert.deepEqual(sides, { ours: 'a\nours\nz\n', theirs: 'a\ntheirs\nz\n', hunks: 1 });
  });

  it('keeps the base of diff3-style markers', () => {
    const sides = splitConflictMarkers('<<<<<<< ours\nO\n||||||| base\nB\n=======\nT\n>>>>>>> theirs\n');
    assert.equal(sides?.base, 'B\n');
    assert.equal(sides?.ours, 'O\n');
    assert.equal(sides?.theirs, 'T\n');
  });

  it('refuses malformed or missing markers instead of guessing', () => {
    assert.equal(splitConflictMarkers('no markers\n'), undefined);
    assert.equal(splitConflictMarkers('<<<<<<< HEAD\nours\n'), undefined);
    assert.equal(splitConflictMarkers('=======\n>>>>>>> x\n'), undefined);
  });
});
