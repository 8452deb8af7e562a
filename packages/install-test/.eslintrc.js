module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  rules: {
    // install.e2e.test.ts: each `step(name, …)` is a test.
    'jest/no-standalone-expect': ['error', { additionalTestBlockFunctions: ['step'] }],
  },
});
