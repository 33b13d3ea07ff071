import assert from 'node:assert/strict';
import { splitConflictMarkers } from '../../src/core/file/conflictMarkers';

describe('splitConflictMarkers', () => {
  it('splits a two-way conflict into both sides', () => {
    const sides = splitConflictMarkers('a\n<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> origin/main\nz\n');
    assert.deepEqual(sides, { ours: 'a\nours\nz\n', theirs: 'a\ntheirs\nz\n', hunks: 1, markerSize: 7 });
  });

  it('keeps the base of diff3-style markers', () => {
    const sides = splitConflictMarkers('<<<<<<< ours\nO\n||||||| base\nB\n=======\nT\n>>>>>>> theirs\n');
    assert.equal(sides?.base, 'B\n');
    assert.equal(sides?.ours, 'O\n');
    assert.equal(sides?.theirs, 'T\n');
  });

  it('leaves the nested markers of a virtual base in the base, for the next level', () => {
    const nested = ['<<<<<<<<< Temporary merge branch 1', 'B1', '||||||||| 3c5323f', 'B0', '=========', 'B2', '>>>>>>>>> Temporary merge branch 2'];
    const sides = splitConflictMarkers(['a', '<<<<<<< HEAD', 'O', '||||||| merged common ancestors', ...nested, '=======', 'T', '>>>>>>> b1', 'z', ''].join('\n'));
    assert.ok(sides, 'the outer level splits');
    assert.equal(sides.ours, 'a\nO\nz\n');
    assert.equal(sides.theirs, 'a\nT\nz\n');
    assert.equal(sides.base, ['a', ...nested, 'z', ''].join('\n'));
    assert.equal(sides.hunks, 1);
    assert.deepEqual(splitConflictMarkers(sides.base ?? ''), { ours: 'a\nB1\nz\n', theirs: 'a\nB2\nz\n', base: 'a\nB0\nz\n', hunks: 1, markerSize: 9 });
  });

  it('reads the marker length a `conflict-marker-size` attribute sets, and CRLF lines', () => {
    const sides = splitConflictMarkers('a\r\n<<<<<<<<<< ours\r\nO\r\n==========\r\nT\r\n>>>>>>>>>> theirs\r\nz\r\n');
    assert.deepEqual(sides, { ours: 'a\r\nO\r\nz\r\n', theirs: 'a\r\nT\r\nz\r\n', hunks: 1, markerSize: 10 });
  });

  it('has no base unless every hunk has one', () => {
    const sides = splitConflictMarkers('<<<<<<< a\nO\n||||||| b\nB\n=======\nT\n>>>>>>> c\nm\n<<<<<<< a\nO2\n=======\nT2\n>>>>>>> c\n');
    assert.ok(sides, 'both hunks split');
    assert.equal(sides.hunks, 2);
    assert.equal(sides.base, undefined);
  });

  it('refuses malformed or missing markers instead of guessing', () => {
    assert.equal(splitConflictMarkers('no markers\n'), undefined);
    assert.equal(splitConflictMarkers('<<<<<<< HEAD\nours\n'), undefined);
    assert.equal(splitConflictMarkers('=======\n>>>>>>> x\n'), undefined);
    assert.equal(splitConflictMarkers('<<<<<<< a\nO\n=======\nT\n>>>>>>>>> b\n'), undefined, 'a closing marker of another length closes nothing');
  });
});
