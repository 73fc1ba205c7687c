package dev.autosync.sql.rules;

/** Tells what a stage reference of a COPY reads ({@code location} as written after {@code @}: {@code db.s.stage/path}). */
@FunctionalInterface
public interface StageResolver {
    StageKind kind(String location);
}
