package dev.portolan.catalog.model;

/**
 * A typed, immutable view of the {@code spec} of a kind Backstage ships. Obtain one with
 * {@link Entity#kindSpec()}. Views are lenient: a required string that is missing (only an invalid entity
 * lacks it) reads as the empty string, and values of the wrong type are left out; the raw spec stays
 * available through {@link Entity#spec()}.
 */
public sealed interface KindSpec
    permits ComponentSpec, ApiSpec, ResourceSpec, SystemSpec, DomainSpec, GroupSpec, UserSpec, LocationSpec,
        TemplateSpec, AiResourceSpec {}
