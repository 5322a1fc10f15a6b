// ESLint (pinned in package.json) for the widgets' JavaScript: `make lint`. Type checks are tsc's (tsconfig.json).
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["calcflow/widgets/static/**"] },
  js.configs.recommended,
  {
    files: ["calcflow/widgets/js/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.browser },
  },
  {
    files: ["calcflow/widgets/js/build.mjs", "eslint.config.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.node },
  },
  {
    rules: {
      eqeqeq: "error",
      "no-var": "error",
      "prefer-const": "error",
      "no-shadow": "error",
      "no-param-reassign": ["error", { props: false }],
      "max-lines-per-function": ["error", { max: 40, skipBlankLines: true, skipComments: true }],
      "no-console": ["error", { allow: ["error", "log"] }],
    },
  },
];
