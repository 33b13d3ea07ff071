import type { Command } from 'commander';
import { writeFileAtomic } from '../../adapters/file/atomicWrite';
import { parseBacklog } from '../../core/file/parse';
import { resolveConflictMarkers } from '../../core/merge/merge';
import { english } from '../../core/text/english';
import { plural } from '../../core/text/plural';
import { Stop } from '../cliErrors';
import { readTarget } from '../readTarget';

async function runRepair(fileArg: string | undefined, command: Command): Promise<void> {
  const { shown, full, text } = await readTarget(command, fileArg);
  if (text === undefined) throw new Stop(`${shown} does not exist.`);
  const parsed = parseBacklog(text);
  if (parsed.ok) {
    process.stdout.write(`${shown} has no conflict markers; nothing to repair.\n`);
    return;
  }
  if (parsed.problem.code !== 'conflict') {
    throw new Stop(`${shown} has no conflict markers to repair, but another problem: line ${parsed.problem.line}, column ${parsed.problem.column}: ${english(parsed.problem.message)}`);
  }
  const result = resolveConflictMarkers(text);
  if (!result.ok) throw new Stop(`${shown} was not changed: ${english(result.message)}`);
  await writeFileAtomic(full, result.text);
  const hunks = plural({ one: '{0} conflict', other: '{0} conflicts' }, result.hunks ?? 0, 'en');
  const edits = plural({ one: '{0} concurrent edit', other: '{0} concurrent edits' }, result.conflicts.length, 'en');
  process.stdout.write(`Repaired ${shown}: ${hunks}, both sides merged entry by entry, ${edits} kept in each entry's history.\n`);
}

/** `stupid-work repair`: the editor's Resolve Conflicts. */
export function registerRepair(cli: Command): void {
  cli
    .command('repair [file]')
    .description('merge both sides of a backlog file that holds git conflict markers, entry by entry')
    .addHelpText('after', '\nExample:\n  $ stupid-work repair team/stupid-work.json')
    .action((file: string | undefined, _options: unknown, command: Command) => runRepair(file, command));
}
