/**
 * The {@code portolan} command line: the user-facing face of every module.
 */
package dev.portolan.cli;
