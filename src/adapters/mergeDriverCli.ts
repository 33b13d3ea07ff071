// The program git runs as the `stupid-work` merge driver: `<runtime> merge-driver.js %O %A %B`.
// It writes the semantic merge into %A and exits 0; if any version cannot be read, it falls back to
// git's own line merge with conflict markers and exits 1, so git reports a conflict as usual.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mergeBacklogTexts } from '../core/merge';

function readOptional(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function main(args: string[]): number {
  const [basePath, oursPath, theirsPath] = args;
  if (!oursPath || !theirsPath) {
    process.stderr.write('usage: merge-driver <base> <ours> <theirs>\n');
    return 2;
  }
  const result = mergeBacklogTexts(readOptional(basePath), readFileSync(oursPath, 'utf8'), readFileSync(theirsPath, 'utf8'));
  if (result.ok) {
    writeFileSync(oursPath, result.text);
    if (result.conflicts.length > 0) {
      process.stderr.write(`stupid-work: merged ${result.conflicts.length} concurrent edit(s); the replaced values are kept in each entry's history\n`);
    }
    return 0;
  }
  process.stderr.write(`stupid-work: ${result.message}; falling back to a line merge\n`);
  spawnSync('git', ['merge-file', '-L', 'ours', '-L', 'base', '-L', 'theirs', oursPath, basePath, theirsPath], { stdio: 'inherit' });
  return 1;
}

process.exitCode = main(process.argv.slice(2));
