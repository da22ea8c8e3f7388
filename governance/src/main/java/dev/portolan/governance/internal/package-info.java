/**
 * Implementation details of the governance module: YAML trees with positions, entity-ref and field-path
 * helpers, canonical YAML writing and the report writers. Not part of the API.
 */
package dev.portolan.governance.internal;
