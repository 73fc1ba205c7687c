package dev.autosync.pipeline;

/** {@code numerator / denominator * 100}, NULL when the denominator is 0 or missing. */
public record PercentageColumn(String column, String numerator, String denominator, FieldType type)
        implements DerivedColumn {
}
