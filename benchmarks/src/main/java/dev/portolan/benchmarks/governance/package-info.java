/**
 * JMH benchmarks of the governance module: rule evaluation, graph derivation and the ML-BOM export over a
 * generated catalog with AI assets.
 */
package dev.portolan.benchmarks.governance;
