// Lint: type-aware rules that catch what the type checker lets through (unawaited promises above all).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // generated and built files, and what tests and runs leave behind (as in .gitignore)
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'services/web/dist/**',
      'services/web/dist-*/**',
      'packages/api-client/src/schema.ts',
      '.data/**',
      'coverage/**',
      'scripts/e2e/artefakte/**',
      'scripts/bench/results/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      // files outside every tsconfig get the default project
      parserOptions: { projectService: { allowDefaultProject: ['packages/db/drizzle.config.ts'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      // `typeof import('…')` stays allowed: tests load modules late, after stubbing globals
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // the code checks inputs at the edges and narrows with `as` after that
      '@typescript-eslint/no-explicit-any': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
      'no-control-regex': 'off',
    },
  },
);
