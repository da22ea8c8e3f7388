/**
 * Implementation of the scaffolder: the template language interpreter (lexer, parser, name resolution,
 * evaluator, built-in filters), the step runner, the built-in actions and the workspace jail. Not API: types
 * here may change without notice; use {@link dev.portolan.scaffolder.Scaffolder}.
 */
package dev.portolan.scaffolder.internal;
