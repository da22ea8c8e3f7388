/** Examples of DORA metrics: computing them from Java event objects. */
package dev.portolan.examples.dora;
