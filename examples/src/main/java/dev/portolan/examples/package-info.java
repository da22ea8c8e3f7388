/**
 * Compiled, tested examples of embedding each Portolan module in a platform.
 */
package dev.portolan.examples;
