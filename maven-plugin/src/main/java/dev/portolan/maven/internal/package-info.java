/** Implementation of the Maven plugin: descriptor scanning. Reports are written by {@code CheckReport} of catalog-core. */
package dev.portolan.maven.internal;
