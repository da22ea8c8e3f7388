/**
 * Implementation of the DORA module: the streaming JSON Lines reader, the order-independent event store, the
 * linking model and the report renderers. Not an API; may change without notice.
 */
package dev.portolan.dora.internal;
