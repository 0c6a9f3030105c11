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
        { selector: "NewExpression[callee.name='Error']", message: 'Throw one of core\'s error classes (ConfigError, PluginError, …).' },
      ],
    },
  },
  { files: ['**/*.test.ts', 'bench/**', 'integration/**', '**/testing/**'], rules: { 'no-restricted-syntax': 'off' } },
);
