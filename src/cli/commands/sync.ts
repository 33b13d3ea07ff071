import * as path from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { syncBacklog } from '../../adapters/sync/backlogSync';
import { english } from '../../core/text/english';
import { plural } from '../../core/text/plural';
import { Stop } from '../cliErrors';
import { targetOf } from '../cliTarget';

/** A yes/no question on the terminal; without a terminal the answer is no, and `hint` says how to agree. */
async function confirm(question: string, yes: boolean, hint: string): Promise<boolean> {
  if (yes) return true;
  if (!process.stdin.isTTY) {
    process.stderr.write(`stupid-work: ${question} ${hint}\n`);
    return false;
  }
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await prompt.question(`${question} [y/N] `)).trim());
  } finally {
    prompt.close();
  }
}

async function runSync(command: Command, { yes }: { yes?: boolean }): Promise<void> {
  const { file, settings } = targetOf(command);
  const outcome = await syncBacklog({
    file,
    ...settings,
    interactive: Boolean(process.stdin.isTTY),
    terminal: Boolean(process.stdin.isTTY),
    confirmCreate: (place) => confirm(`Create the branch ${place.branch} on ${place.remote} (${place.url}) to share the backlog there?`, Boolean(yes), 'Run again with --yes to create it.'),
    confirmMove: (place) =>
      confirm(
        `${place.relativePath} is committed on your code branch. Move it to the branch ${place.branch} on ${place.remote}? It will be unstaged here (git rm --cached) for you to commit.`,
        Boolean(yes),
        'Run again with --yes to move it.',
      ),
  });
  if (!outcome.ok) throw new Stop(english(outcome.message));
  const merged = plural({ one: '{0} concurrent edit merged', other: '{0} concurrent edits merged' }, outcome.conflicts.length, 'en');
  const done = [
    outcome.created ? `created the branch ${outcome.branch} on ${outcome.remote}` : '',
    outcome.pushed ? 'your changes went out' : '',
    outcome.received ? "teammates' changes came in" : '',
    outcome.conflicts.length > 0 ? `${merged}, the replaced values kept in each entry's history` : '',
    outcome.moved ? `${path.relative(process.cwd(), file)} was unstaged from your code branch: commit that removal` : '',
  ].filter(Boolean);
  process.stdout.write(`Synced ${path.relative(process.cwd(), file) || file} with ${outcome.remote}/${outcome.branch}: ${done.length > 0 ? done.join('; ') : 'already in sync'}.\n`);
}

/** `stupid-work sync`: the editor's Sync command. */
export function registerSync(cli: Command): void {
  cli
    .command('sync')
    .description("merge teammates' changes into the working copy and share yours, on the backlog branch only")
    .option('-y, --yes', 'agree to creating the branch, or moving a file committed on the code branch')
    .addHelpText('after', '\nExample:\n  $ stupid-work sync --yes')
    .action((options: { yes?: boolean }, command: Command) => runSync(command, options));
}
