/**
 * Benchmarks of catalog-model: reading and validating generated catalogs, beside a bare snakeyaml-engine
 * parse of the same bytes. Results and commands are in {@code docs/performance.md}.
 */
package dev.portolan.benchmarks.model;
