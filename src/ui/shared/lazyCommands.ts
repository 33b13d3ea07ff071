// Named imports: a namespace import makes the bundle copy every name of the VS Code API at load.
import { Disposable, commands } from 'vscode';

/**
 * Registers a stand-in for each command that runs `start` and then the command itself, so a command
 * run before the features have loaded still runs. `start` disposes the stand-ins (through the returned
 * disposable) before the features register the real commands under the same ids.
 *
 * Activation registers these and nothing else: VS Code itself waits for the views' providers and
 * CodeLens are asked for again when their provider arrives, but a command run before its registration
 * may fail with "command not found".
 */
export function registerLazyCommands(ids: readonly string[], start: () => void): Disposable {
  return Disposable.from(
    ...ids.map((id) =>
      commands.registerCommand(id, (...args: unknown[]) => {
        start();
        return commands.executeCommand(id, ...args);
      }),
    ),
  );
}
