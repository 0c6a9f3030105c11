import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.nx/**', '**/fixtures/type-errors/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Error']",
          message: "Throw one of core's error classes (ConfigError, PluginError, …).",
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'bench/**', 'integration/**', '**/testing/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Plain scripts served to browser pages (the monitor).
    files: ['**/src/assets/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        window: 'readonly',
        document: 'readonly',
        fetch: 'readonly',
        EventSource: 'readonly',
        vega: 'readonly',
        vegaLite: 'readonly',
      },
    },
    rules: { 'no-restricted-syntax': 'off' },
  },
);
