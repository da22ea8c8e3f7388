/** Examples of governance: rules in Java and in YAML, evaluated over a catalog with a waiver. */
package dev.portolan.examples.governance;
