/** Examples of catalog-model: validating descriptors from Java and adding your own kinds. */
package dev.portolan.examples.model;
