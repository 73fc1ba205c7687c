package dev.autosync.pipeline;

/** One thing wrong with a pipeline spec: where (a JSON path such as entities[1].fields[0].type) and why. */
public record SpecProblem(String location, String message) {
    @Override
    public String toString() {
        return location.isEmpty() ? message : location + ": " + message;
    }
}
