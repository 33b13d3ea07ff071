// The program git runs as the `stupid-work` merge driver, through the command line of
// mergeDriverCommand.ts: `<runtime> merge-driver.js %O %A %B %P`. It exits 0 only after replacing %A
// with the semantic merge (by rename, so %A is never half written); otherwise it leaves %A alone and
// exits 1, and the command line falls back to `git merge-file`, which writes conflict markers.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { mergeBacklogTexts, type BaseUse } from '../../core/merge/merge';
import { english, englishCount } from '../../core/text/english';
import { SELF_TEST } from './mergeDriverCommand';

function readOptional(file: string | undefined): string | undefined {
  try {
    return file === undefined ? undefined : readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function ancestorNote(base: BaseUse): string | undefined {
  switch (base.kind) {
    case 'nested':
      return 'the common ancestor git built from two merge bases held its own conflict markers; resolved them entry by entry first';
    case 'unreadable':
      return `the common ancestor cannot be read (${english(base.message)}); merged both sides without it, so an entry one side deleted is kept`;
    default:
      return undefined;
  }
}

function main(args: string[]): number {
  if (args.length === 1 && args[0] === SELF_TEST) {
    process.stdout.write('stupid-work merge driver: ok\n');
    return 0;
  }
  const [basePath, oursPath, theirsPath, name = 'the backlog'] = args;
  if (!oursPath || !theirsPath) {
    process.stderr.write('usage: merge-driver <base> <ours> <theirs> [<path>]\n');
    return 2;
  }
  try {
    const result = mergeBacklogTexts(readOptional(basePath), readFileSync(oursPath, 'utf8'), readFileSync(theirsPath, 'utf8'));
    if (!result.ok) {
      process.stderr.write(`stupid-work: ${name}: ${english(result.message)}\n`);
      return 1;
    }
    const temp = `${oursPath}.stupid-work-${process.pid}`;
    writeFileSync(temp, result.text);
    renameSync(temp, oursPath);
    const note = ancestorNote(result.base);
    if (note) process.stderr.write(`stupid-work: ${name}: ${note}\n`);
    if (result.conflicts.length > 0) {
      process.stderr.write(`stupid-work: ${name}: merged ${englishCount(result.conflicts.length, '{0} concurrent edit', '{0} concurrent edits')}; the replaced values are kept in each entry's history\n`);
    }
    return 0;
  } catch (error) {
    process.stderr.write(`stupid-work: ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
