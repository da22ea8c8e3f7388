package dev.portolan.catalog.model;

import java.util.Optional;

/**
 * The spec of a {@code System}.
 *
 * @param owner the owner ref
 * @param domain the domain ref
 * @param type the system type
 */
public record SystemSpec(String owner, Optional<String> domain, Optional<String> type) implements KindSpec {}
