// Every extension-host suite, loaded once mocha's globals exist.
import './activation.test';
import './backlog.test';
import './sync.test';
import './codeLinks.test';
import './openDecisions.test';
import './customDataFile.test';
import './mergeDriverCheck.test';
import './uncaughtErrors.test';
import './viewerDay.test';
import './archive.test';
import './repeatedField.test';
import './untrustedText.test';
import './retroBoard.test';
import './trackingLink.test';
import './reminders.test';
import './comments.test';
import './votes.test';
