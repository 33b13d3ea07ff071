// The suites that run in the custom-data-file workspace instead of the usual one.
import './customDataFileWorkspace.test';
