/**
 * Runs Backstage v1beta3 templates in-process: the closed template engine, the built-in actions and dry-run.
 */
package dev.portolan.scaffolder;
