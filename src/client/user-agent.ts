/** The version the build writes in (scripts/build.mjs; vitest.config.ts for tests). */
declare const DFSQ_VERSION: string;

/** Sent with every call, so DataForSEO (and a proxy's logs) can tell dfsq's calls apart. */
export const USER_AGENT = `dfsq/${DFSQ_VERSION}`;
