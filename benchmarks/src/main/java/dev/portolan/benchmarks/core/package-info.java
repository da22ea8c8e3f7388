/** JMH benchmarks of catalog-core: loading, graph traversals and filter queries. */
package dev.portolan.benchmarks.core;
