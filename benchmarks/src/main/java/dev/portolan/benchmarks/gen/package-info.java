/**
 * Seeded generators of realistic synthetic data: {@link dev.portolan.benchmarks.gen.CatalogGenerator} writes
 * Backstage catalogs of any size, optionally with AI assets and governance blocks.
 */
package dev.portolan.benchmarks.gen;
