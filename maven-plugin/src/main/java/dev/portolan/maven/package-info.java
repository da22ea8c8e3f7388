/**
 * The Portolan Maven plugin: the goals {@code validate}, {@code check}, {@code govern} and {@code scaffold}.
 * See {@code docs/maven-plugin.md} for the configuration.
 */
package dev.portolan.maven;
