import { defineConfig } from 'vitest/config'

/**
 * Three suites, one runner:
 * - unit: pure logic, fakes allowed for collaborators;
 * - integration: real redis-server, real Secret Service, real sshd, the IBM Cloud emulator;
 * - e2e: the built app in browser mode, driven in Debian's Chromium.
 * `scripts/test.sh` installs and starts what the last two need.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 10_000
        }
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000
        }
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false
        }
      }
    ]
  }
})
