package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.Names;
import dev.autosync.emulator.base.SnowflakeError;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulator's catalog: every Snowflake object with its settings, persisted in DuckDB tables of
 * the {@code _AUTOSYNC} schema (so they commit with the data they describe) and cached in memory.
 * Tables and views share a namespace, as in Snowflake; other kinds each have their own.
 */
public final class Catalog {
    public static final String SYS = "\"_AUTOSYNC\"";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, CatalogObject> objects = new ConcurrentHashMap<>();
    /** Counts writes (create, save, remove, reload): what was planned from the catalog is still valid while it stays. */
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();

    public Catalog(Connection conn) throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + SYS);
            s.execute("CREATE SEQUENCE IF NOT EXISTS " + SYS + ".object_ids");
            s.execute("CREATE TABLE IF NOT EXISTS " + SYS + ".objects (id BIGINT, kind VARCHAR, db VARCHAR, sch VARCHAR, "
                    + "name VARCHAR, created_on TIMESTAMPTZ, comment VARCHAR, props VARCHAR)");
            s.execute("CREATE TABLE IF NOT EXISTS " + SYS + ".columns (object_id BIGINT, ordinal INTEGER, name VARCHAR, "
                    + "sf_type VARCHAR, nullable BOOLEAN, default_expr VARCHAR, comment VARCHAR)");
        }
        reload(conn);
    }

    /** Re-reads the catalog from DuckDB, after a failed DDL transaction was rolled back. */
    public synchronized void reload(Connection conn) throws SQLException {
        version.incrementAndGet();
        Map<Long, List<ColumnDef>> columns = new java.util.HashMap<>();
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT object_id, name, sf_type, nullable, default_expr, comment FROM " + SYS
                     + ".columns ORDER BY object_id, ordinal")) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new ColumnDef(rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5), rs.getString(6)));
            }
        }
        objects.clear();
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, kind, db, sch, name, created_on, comment, props FROM " + SYS + ".objects")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                CatalogKind kind = CatalogKind.valueOf(rs.getString(2));
                ObjectRef ref = new ObjectRef(rs.getString(3), rs.getString(4), rs.getString(5));
                Instant created = rs.getObject(6, java.time.OffsetDateTime.class).toInstant();
                ObjectNode props = parse(rs.getString(8));
                CatalogObject o = new CatalogObject(id, kind, ref, created, rs.getString(7), props, columns.get(id));
                objects.put(key(kind, ref), o);
            }
        }
    }

    private static ObjectNode parse(String json) {
        try {
            return json == null ? JSON.createObjectNode() : (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("corrupt catalog entry: " + json, e);
        }
    }

    private static String key(CatalogKind kind, ObjectRef ref) {
        CatalogKind space = kind == CatalogKind.VIEW ? CatalogKind.TABLE : kind;
        return space + "\u0000" + ref.db() + "\u0000" + ref.schema() + "\u0000" + ref.name();
    }

    public Optional<CatalogObject> find(CatalogKind kind, ObjectRef ref) {
        CatalogObject o = objects.get(key(kind, ref));
        if (o == null || (kind == CatalogKind.VIEW && o.kind() != CatalogKind.VIEW)
                || (kind == CatalogKind.TABLE && o.kind() != CatalogKind.TABLE)) {
            return Optional.empty();
        }
        return Optional.of(o);
    }

    /** A table or a view of that name. */
    public Optional<CatalogObject> findRelation(ObjectRef ref) {
        return Optional.ofNullable(objects.get(key(CatalogKind.TABLE, ref)));
    }

    public CatalogObject require(CatalogKind kind, ObjectRef ref) {
        return find(kind, ref).orElseThrow(() -> SnowflakeError.doesNotExist(kind.label(), ref.display()));
    }

    /** A storage or a notification integration of that name (they share one namespace). */
    public Optional<CatalogObject> findIntegration(ObjectRef ref) {
        return find(CatalogKind.STORAGE_INTEGRATION, ref).or(() -> find(CatalogKind.NOTIFICATION_INTEGRATION, ref));
    }

    /** The schema an object in {@code ref} lives in must exist. */
    public void requireSchema(ObjectRef ref) {
        if (!databaseExists(ref.db())) {
            throw SnowflakeError.doesNotExist("Database", Names.display(ref.db()));
        }
        if (!schemaExists(ref.db(), ref.schema())) {
            throw SnowflakeError.doesNotExist("Schema", Names.display(ref.db()) + "." + Names.display(ref.schema()));
        }
    }

    public boolean databaseExists(String db) {
        return find(CatalogKind.DATABASE, ObjectRef.account(db)).isPresent();
    }

    public boolean schemaExists(String db, String schema) {
        return find(CatalogKind.SCHEMA, new ObjectRef(db, null, schema)).isPresent();
    }

    public Optional<CatalogObject> byId(long id) {
        return objects.values().stream().filter(o -> o.id() == id).findFirst();
    }

    public List<CatalogObject> list(CatalogKind kind) {
        List<CatalogObject> out = new ArrayList<>();
        for (CatalogObject o : objects.values()) {
            if (o.kind() == kind) {
                out.add(o);
            }
        }
        out.sort(Comparator.comparing((CatalogObject o) -> String.valueOf(o.ref().db()))
                .thenComparing(o -> String.valueOf(o.ref().schema())).thenComparing(CatalogObject::name));
        return out;
    }

    public CatalogObject create(Connection conn, CatalogKind kind, ObjectRef ref, String comment, ObjectNode props,
                                List<ColumnDef> columns) throws SQLException {
        version.incrementAndGet();
        long id;
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT nextval('" + "_AUTOSYNC.object_ids')")) {
            rs.next();
            id = rs.getLong(1);
        }
        Instant now = Instant.now();
        CatalogObject o = new CatalogObject(id, kind, ref, now, comment, props, columns);
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + SYS + ".objects VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, kind.name());
            ps.setString(3, ref.db());
            ps.setString(4, ref.schema());
            ps.setString(5, ref.name());
            ps.setObject(6, java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC));
            ps.setString(7, comment);
            ps.setString(8, o.props().toString());
            ps.executeUpdate();
        }
        writeColumns(conn, o);
        objects.put(key(kind, ref), o);
        return o;
    }

    public void save(Connection conn, CatalogObject o) throws SQLException {
        version.incrementAndGet();
        try (PreparedStatement ps = conn.prepareStatement("UPDATE " + SYS + ".objects SET comment = ?, props = ? WHERE id = ?")) {
            ps.setString(1, o.comment());
            ps.setString(2, o.props().toString());
            ps.setLong(3, o.id());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = conn.prepareStatement("DELETE FROM " + SYS + ".columns WHERE object_id = ?")) {
            ps.setLong(1, o.id());
            ps.executeUpdate();
        }
        writeColumns(conn, o);
    }

    private static void writeColumns(Connection conn, CatalogObject o) throws SQLException {
        if (o.columns().isEmpty()) {
            return;
        }
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + SYS + ".columns VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int i = 0;
            for (ColumnDef c : o.columns()) {
                ps.setLong(1, o.id());
                ps.setInt(2, ++i);
                ps.setString(3, c.name());
                ps.setString(4, c.sfType());
                ps.setBoolean(5, c.nullable());
                ps.setString(6, c.defaultExpr());
                ps.setString(7, c.comment());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public void remove(Connection conn, CatalogObject o) throws SQLException {
        version.incrementAndGet();
        try (PreparedStatement ps = conn.prepareStatement("DELETE FROM " + SYS + ".objects WHERE id = ?");
             PreparedStatement pc = conn.prepareStatement("DELETE FROM " + SYS + ".columns WHERE object_id = ?")) {
            ps.setLong(1, o.id());
            ps.executeUpdate();
            pc.setLong(1, o.id());
            pc.executeUpdate();
        }
        objects.remove(key(o.kind(), o.ref()));
    }

    /** Changes with every write to the catalog (objects created, saved, removed, or read again). */
    long version() {
        return version.get();
    }

    /** Objects inside a schema (for DROP SCHEMA) or a database (schema null). */
    public List<CatalogObject> contents(String db, String schema) {
        List<CatalogObject> out = new ArrayList<>();
        for (CatalogObject o : objects.values()) {
            ObjectRef r = o.ref();
            boolean inDb = o.kind() == CatalogKind.SCHEMA ? db.equals(r.db()) : db.equals(r.db());
            boolean inSchema = schema == null || (o.kind() == CatalogKind.SCHEMA ? schema.equals(r.name()) : schema.equals(r.schema()));
            if (o.kind() != CatalogKind.DATABASE && inDb && inSchema && !(schema != null && o.kind() == CatalogKind.SCHEMA)) {
                out.add(o);
            }
        }
        return out;
    }
}
