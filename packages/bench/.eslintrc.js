// The benchmark measures the backend plugin's internals (its model, cache and
// summaries) next to a per-request LIST, so it imports them from source.
module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  ignorePatterns: ['src/_*.ts'],
  rules: {
    '@backstage/no-forbidden-package-imports': 'off',
    '@backstage/no-mixed-plugin-imports': 'off',
    'no-restricted-syntax': 'off',
  },
});
