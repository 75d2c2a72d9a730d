import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Output must not depend on the machine: pinned time zone and locale.
    env: { TZ: 'Europe/Oslo', LANG: 'C.UTF-8' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
