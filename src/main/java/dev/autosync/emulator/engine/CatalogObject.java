package dev.autosync.emulator.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;

/**
 * One object in the emulator's catalog. Kind-specific settings (a stage's URL, a pipe's COPY, a
 * task's schedule) live in {@link #props()}; tables and views also have columns.
 */
public final class CatalogObject {
    private final long id;
    private final CatalogKind kind;
    private final ObjectRef ref;
    private final Instant createdOn;
    private String comment;
    private ObjectNode props;
    private List<ColumnDef> columns;

    public CatalogObject(long id, CatalogKind kind, ObjectRef ref, Instant createdOn, String comment, ObjectNode props,
                         List<ColumnDef> columns) {
        this.id = id;
        this.kind = kind;
        this.ref = ref;
        this.createdOn = createdOn;
        this.comment = comment;
        this.props = props == null ? JsonNodeFactory.instance.objectNode() : props;
        this.columns = columns == null ? List.of() : List.copyOf(columns);
    }

    public long id() {
        return id;
    }

    public CatalogKind kind() {
        return kind;
    }

    public ObjectRef ref() {
        return ref;
    }

    public String name() {
        return ref.name();
    }

    public Instant createdOn() {
        return createdOn;
    }

    public String comment() {
        return comment;
    }

    public void comment(String comment) {
        this.comment = comment;
    }

    public ObjectNode props() {
        return props;
    }

    public void props(ObjectNode props) {
        this.props = props;
    }

    public List<ColumnDef> columns() {
        return columns;
    }

    public void columns(List<ColumnDef> columns) {
        this.columns = List.copyOf(columns);
    }

    public String prop(String key) {
        return props.hasNonNull(key) ? props.get(key).asText() : null;
    }

    public boolean flag(String key) {
        return props.path(key).asBoolean(false);
    }
}
