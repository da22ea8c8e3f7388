/** Implementation of the Maven plugin: descriptor scanning, findings and report writers. */
package dev.portolan.maven.internal;
