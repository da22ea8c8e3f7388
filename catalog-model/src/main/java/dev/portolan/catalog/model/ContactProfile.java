package dev.portolan.catalog.model;

import java.util.Optional;

/**
 * The {@code spec.profile} of a {@code Group} or {@code User}.
 *
 * @param displayName the display name
 * @param email the e-mail address
 * @param picture the picture URL
 */
public record ContactProfile(Optional<String> displayName, Optional<String> email, Optional<String> picture) {}
