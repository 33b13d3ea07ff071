// Every extension-host suite, loaded once mocha's globals exist.
import './activation.test';
import './backlog.test';
import './sync.test';
import './codeLinks.test';
import './openDecisions.test';
import './untrustedText.test';
