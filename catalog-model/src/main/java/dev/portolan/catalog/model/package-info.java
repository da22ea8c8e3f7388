/**
 * The Backstage-compatible entity model: the entity envelope, the kinds, entity references, validation and YAML/JSON parsing with source positions.
 */
package dev.portolan.catalog.model;
