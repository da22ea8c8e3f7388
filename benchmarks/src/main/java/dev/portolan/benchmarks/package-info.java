/**
 * JMH benchmarks of every module and the seeded synthetic data generators they use.
 */
package dev.portolan.benchmarks;
