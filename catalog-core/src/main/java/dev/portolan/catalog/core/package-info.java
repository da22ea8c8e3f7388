/**
 * The catalog: ingestion of files and Location entities, Backstage's relations, the entity graph, filter queries and caching.
 */
package dev.portolan.catalog.core;
