package dev.autosync.render;

/** A column of a rendered table, recorded in the manifest so deploy can compare it with what exists. */
public record TableColumn(String name, String type) {
}
