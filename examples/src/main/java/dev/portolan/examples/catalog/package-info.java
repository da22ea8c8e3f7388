/** Examples of the catalog-core extension points: an entity provider, a processor, typed annotations. */
package dev.portolan.examples.catalog;
