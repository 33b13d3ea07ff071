import type { Person } from '../core/model/model';
import { gitPerson, systemAccount } from '../adapters/workspace/gitIdentity';
import { settingOf, type CliTarget } from './cliTarget';

/**
 * Who is writing, found as the editor finds it (`currentAuthor` in src/adapters/workspace/identity.ts):
 * the folder's `stupidWork.authorName` setting, else git's user.name and user.email, else the OS account.
 */
export async function currentPerson(target: CliTarget): Promise<Person> {
  const configured = settingOf(target, 'stupidWork.authorName', '').trim();
  if (configured) return { name: configured };
  return (await gitPerson(target.folder)) ?? { name: systemAccount('Unknown user') };
}
