/**
 * Moved to src/test-support/test-images.ts (test code stays out of production folders).
 * This forward remains only until e2e/ imports the new path; then delete it.
 */
export * from '../../test-support/test-images';
