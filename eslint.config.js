// Typed lint rules: the promise rules catch the bugs a CLI cannot afford
// (a floating promise means an exit code set before the work is done).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'src/schemas/generated/**', 'coverage/**', 'templates/**', 'scripts/*.mjs'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      // prettier lays code out at 120 columns; what it cannot break (a template's text, a regex) is exempt
      'max-len': ['error', { code: 120, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='process'][callee.property.name='exit']",
          message: 'Only the entry point sets the exit code (process.exitCode).',
        },
      ],
    },
  },
  // React's rules for the ink screens: hooks called unconditionally, effects that name every value
  // they read (a missing dependency is a stale closure: an error, not a warning), and the compiler's
  // purity rules (no refs read or written during render, no side effects in render).
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts', 'tests/**/*.tsx'],
    ...reactHooks.configs.flat['recommended-latest'],
    rules: { ...reactHooks.configs.flat['recommended-latest'].rules, 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      'no-control-regex': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    files: ['scripts/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['bin/**/*.js', 'eslint.config.js', 'tests/fixtures/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  // bin/ is CommonJS (bin/package.json): the entry point and the Node 20 code cache load dist/ with require()
  {
    files: ['bin/**/*.js', 'tests/fixtures/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/io/**', '**/ui/**', 'node:fs*', 'node:child_process', 'execa', 'simple-git'],
              message: 'src/core is pure: no I/O, no UI.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.ts', 'src/ui/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/io/**', 'node:fs*', 'node:child_process', 'execa', 'simple-git'],
              message: 'src/ui renders; it never reads files or runs processes.',
            },
          ],
        },
      ],
    },
  },
  // The layers (README "Development"): cli → app → core/io, ui renders. One block per rule so a
  // layer's own block above keeps its patterns (flat config: a later no-restricted-imports replaces
  // an earlier one for the same files, so each block repeats what it must keep).
  {
    files: ['src/ui/**/*.ts', 'src/ui/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/io/**', 'node:fs*', 'node:child_process', 'execa', 'simple-git'],
              message: 'src/ui renders; it never reads files or runs processes.',
            },
            { group: ['**/cli/**'], message: 'src/ui renders results: their types live in src/core, not in src/cli.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/actions/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\./',
              message:
                'A command maps argv to one use case (src/app) and presents it; it never imports another command.',
            },
            { regex: '/(actions|commands)/', message: 'A command never imports another command.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/app/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/ui/**', '**/cli/**'],
              message: 'src/app returns typed results; presenting them is src/cli + src/ui.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/io/**',
                '**/ui/**',
                '**/app/**',
                '**/cli/**',
                'node:fs*',
                'node:child_process',
                'execa',
                'simple-git',
              ],
              message: 'src/core is pure: no I/O, no UI, no use cases.',
            },
          ],
        },
      ],
    },
  },
);
