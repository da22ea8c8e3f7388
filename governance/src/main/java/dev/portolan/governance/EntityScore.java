package dev.portolan.governance;

import java.util.Optional;

/**
 * The scorecard of one entity.
 *
 * @param entity the canonical ref
 * @param level the highest level reached, empty when not even the first
 * @param score percentage of applicable, non-waived rules passed, weighted by severity (100 when none apply)
 * @param passed rules passed
 * @param failed rules failed (including errors)
 * @param waived rules whose failures are waived
 */
public record EntityScore(String entity, Optional<String> level, int score, int passed, int failed, int waived) {}
