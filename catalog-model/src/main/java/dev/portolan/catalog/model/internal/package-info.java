/**
 * Implementation of the catalog model: the YAML reader, scalar resolution, the JSON Schema engine, field
 * format rules and the per-document processing pipeline. Not an API; use {@link
 * dev.portolan.catalog.model.CatalogModel} and {@link dev.portolan.catalog.model.DocumentReader}.
 */
package dev.portolan.catalog.model.internal;
