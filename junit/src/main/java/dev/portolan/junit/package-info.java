/**
 * Catalog invariants in a team's own tests: {@link dev.portolan.junit.PortolanCatalog} loads a catalog once
 * per test class and injects it; {@link dev.portolan.junit.CatalogAssert} asserts validity, relations,
 * ownership, systems, governance levels and custom predicates, listing every offending entity with its
 * file and line.
 */
package dev.portolan.junit;
