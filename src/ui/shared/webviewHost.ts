import * as vscode from 'vscode';
import { renderWebviewHtml, webviewOptions } from './webviewHtml';

/** A message of either direction: every protocol tags its messages with `type`. */
interface Tagged {
  type: string;
}

export interface WebviewHostOptions<To extends Tagged, From extends Tagged> {
  extensionUri: vscode.Uri;
  logger: vscode.LogOutputChannel;
  /** How the log names the webview, for example "the Log view". */
  name: string;
  /** The document's title, and the built scripts and styles it loads (paths from the extension root). */
  page: { title: string; scripts: string[]; styles: string[] };
  /** The protocol's own validator: whatever it does not return is logged and ignored. */
  parse: (raw: unknown) => From | undefined;
  /**
   * The message types that the snapshot sent on `ready` carries anyway. Posted while the webview is
   * not ready, they are dropped rather than queued, so an old copy never lands after the fresh one.
   */
  replacedBySnapshot: readonly To['type'][];
  /**
   * Acts on one valid message. On `ready` the webview is ready before this runs (so it can post its
   * snapshot), and what was queued is sent once this settles.
   */
  receive: (message: From) => void | Promise<void>;
  /** Reports a `receive` that threw or rejected; the webview is still there to be told. */
  onError: (error: unknown, message: From) => void;
}

/**
 * The extension side of one webview, used by composition: it sets the options and the page, waits
 * for the webview's `ready`, queues what is posted before then, parses every message with the
 * protocol's validator before dispatching it, and lets go of its listeners when disposed.
 *
 * Ready lasts until a post is refused: VS Code drops messages to a webview that is not live (a
 * hidden view or panel without `retainContextWhenHidden` is torn down, and its script says `ready`
 * again when it is shown), and `postMessage` answers false. Such a message is queued again.
 */
export class WebviewHost<To extends Tagged, From extends Tagged> implements vscode.Disposable {
  private webview: vscode.Webview | undefined;
  private listener: vscode.Disposable | undefined;
  private ready = false;
  /** Counts `ready`s, so that a refusal from a torn-down webview does not unready its successor. */
  private generation = 0;
  private queue: To[] = [];

  constructor(private readonly options: WebviewHostOptions<To, From>) {}

  get isReady(): boolean {
    return this.ready;
  }

  /** Shows the page in a webview and listens to it; a webview attached before is let go. */
  attach(webview: vscode.Webview): void {
    this.detach();
    const { extensionUri, page } = this.options;
    this.webview = webview;
    webview.options = webviewOptions(extensionUri);
    webview.html = renderWebviewHtml({ webview, extensionUri, ...page });
    this.listener = webview.onDidReceiveMessage((raw: unknown) => this.receive(raw));
  }

  /** The webview is gone: nothing is sent until another is attached. */
  detach(): void {
    this.listener?.dispose();
    this.listener = undefined;
    this.webview = undefined;
    this.ready = false;
  }

  /** Sends now if the webview is ready, else queues (or drops what the next snapshot replaces). */
  post(message: To): void {
    if (!this.webview) {
      // Nothing shows it; a webview attached later starts from a snapshot.
      return;
    }
    if (this.ready) {
      void this.send(this.webview, message);
    } else {
      this.hold(message);
    }
  }

  dispose(): void {
    this.detach();
    this.queue = [];
  }

  private hold(message: To): void {
    if (!this.options.replacedBySnapshot.includes(message.type)) {
      this.queue.push(message);
    }
  }

  private async send(webview: vscode.Webview, message: To): Promise<void> {
    const generation = this.generation;
    const delivered = await webview.postMessage(message);
    if (!delivered && webview === this.webview && generation === this.generation) {
      this.ready = false;
      this.hold(message);
    }
  }

  private receive(raw: unknown): void {
    const { parse, logger, name, onError } = this.options;
    const message = parse(raw);
    if (!message) {
      logger.warn(`Ignored an invalid message from ${name}`);
      return;
    }
    const isReady = message.type === 'ready';
    if (isReady) {
      this.ready = true;
      this.generation++;
    }
    const handled = Promise.resolve()
      .then(() => this.options.receive(message))
      .catch((error: unknown) => onError(error, message));
    if (isReady) {
      void handled.then(() => this.flush());
    }
  }

  private flush(): void {
    for (const message of this.queue.splice(0)) {
      this.post(message);
    }
  }
}
