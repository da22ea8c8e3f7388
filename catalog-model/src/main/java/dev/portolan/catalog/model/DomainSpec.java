package dev.portolan.catalog.model;

import java.util.Optional;

/**
 * The spec of a {@code Domain}.
 *
 * @param owner the owner ref
 * @param subdomainOf the parent domain ref
 * @param type the domain type
 */
public record DomainSpec(String owner, Optional<String> subdomainOf, Optional<String> type) implements KindSpec {}
