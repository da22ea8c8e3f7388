/** Implementation of the catalog: location reading, placeholder resolution and relation rules. Not an API. */
package dev.portolan.catalog.core.internal;
