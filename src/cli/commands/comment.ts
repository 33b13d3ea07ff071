import { editor } from '@inquirer/prompts';
import * as l10n from '@vscode/l10n';
import type { Command } from 'commander';
import { commentDisclosure } from '../../core/text/disclosures';
import { addComment } from '../../core/comments/comments';
import type { Comment } from '../../core/model/model';
import { english } from '../../core/text/english';
import { afterWrite } from '../afterWrite';
import { updateBacklogFile } from '../backlogFile';
import { EXIT_CODES_HELP, Stop, UsageError } from '../cliErrors';
import { targetOf } from '../cliTarget';
import { cliClock } from '../clock';
import { entryByRef } from '../entryRef';
import { currentPerson } from '../identity';
import { printJson } from '../output';
import { terminalLine } from '../terminalText';

interface CommentOptions {
  anonymous?: boolean;
  json?: boolean;
  sync: boolean;
}

async function runComment(id: string, words: string[], options: CommentOptions, command: Command): Promise<void> {
  const target = targetOf(command);
  let text = words.join(' ');
  if (text.trim() === '') {
    if (!process.stdin.isTTY) throw new UsageError('Give the comment after the id, for example: stupid-work comment 01JD4N8Q "Same in our team".');
    text = await editor({ message: 'Your comment (opens your editor):' });
  }
  if (options.anonymous) process.stderr.write(`Anonymous: ${commentDisclosure(l10n)}\n`);
  const author = options.anonymous ? undefined : await currentPerson(target);
  let saved: Comment | undefined;
  let title = '';
  await updateBacklogFile(target.file, (current) => {
    const entry = entryByRef(current, id);
    title = entry.title;
    const result = addComment(current, entry.id, text, author, cliClock().now());
    if (!result.ok) throw new Stop(english(result.message));
    saved = result.comment;
    return result.backlog;
  });
  const comment = saved as Comment;
  if (options.json) printJson(comment);
  else process.stdout.write(`Commented on "${terminalLine(title, 60)}"${comment.author ? '' : ', anonymously'}.\n`);
  await afterWrite(target, options.sync);
}

/** `stupid-work comment ID TEXT`: a comment on an entry, named or anonymous. */
export function registerComment(cli: Command): void {
  cli
    .command('comment <id> [text...]')
    .description('comment on an entry; without text, your editor opens to write it (in a terminal only)')
    .option('--anonymous', 'leave your name out; the comment then cannot be edited or deleted later')
    .option('--json', 'print the saved comment as JSON')
    .option('--no-sync', 'save here only, even when stupidWork.sync.auto is on')
    .addHelpText('after', `\nExample:\n  $ stupid-work comment 01JD4N8Q "Same here: the report goes to a folder nobody opens." --anonymous\n${EXIT_CODES_HELP}`)
    .action((id: string, text: string[], options: CommentOptions, command: Command) => runComment(id, text, options, command));
}
