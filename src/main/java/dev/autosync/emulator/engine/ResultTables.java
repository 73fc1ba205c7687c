package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.Names;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Moves rows between DuckDB and {@link Result}s: reading query results, and RESULT_SCAN tables. */
final class ResultTables {
    private ResultTables() {
    }

    /**
     * Rows a query result reads into Java values before anything else: results up to this size are read
     * whole (and RESULT_SCAN can use them later); the rest of a larger one stays in DuckDB as a
     * {@link RowSource} for the wire to send as it reads it.
     */
    static final int HEAD_ROWS = 10_000;

    /**
     * A query's result: its first {@link #HEAD_ROWS} rows read, the rest (if any) left in DuckDB as the
     * result's {@link RowSource}, which then owns {@code statement} and {@code rs}; a result read whole
     * closes {@code rs} here and leaves {@code statement} to the caller. TIMESTAMP_TZ columns take their
     * offsets from their companion columns
     * ({@link #foldOffsets}): such a result is read whole, as the fold works on read rows.
     */
    static Result read(StatementKind kind, Statement statement, ResultSet rs, String zone,
                       java.util.concurrent.locks.Lock connectionLock) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<ResultColumn> cols = new ArrayList<>(n);
        String[] duckTypes = new String[n];
        for (int i = 1; i <= n; i++) {
            duckTypes[i - 1] = md.getColumnTypeName(i).toUpperCase(Locale.ROOT);
            SfType t = SfType.fromDuck(duckTypes[i - 1]);
            if (t.wireName().equals("fixed") && duckTypes[i - 1].startsWith("DECIMAL")) {
                t = SfType.fixed(md.getPrecision(i), md.getScale(i));
            }
            cols.add(new ResultColumn(Names.decode(md.getColumnLabel(i)), t));
        }
        String prefix = dev.autosync.emulator.sql.Translator.TZ_OFFSET_COLUMN;
        int head = cols.stream().anyMatch(c -> c.name().startsWith(prefix)) ? Integer.MAX_VALUE : HEAD_ROWS;
        List<Object[]> rows = new ArrayList<>();
        boolean more = rs.next();
        while (more && rows.size() < head) {
            Object[] row = new Object[n];
            for (int i = 0; i < n; i++) {
                row[i] = value(rs, i + 1, duckTypes[i]);
            }
            rows.add(row);
            more = rs.next();
        }
        if (!more) {
            // the statement stays the caller's (it may run the same query again)
            rs.close();
            return foldOffsets(kind, cols, rows, zone);
        }
        return new Result(kind, cols, rows, new RowSource(statement, rs, duckTypes, true, connectionLock));
    }

    /**
     * The translator follows each TIMESTAMP_TZ column of a result with a hidden column of its offsets in minutes
     * ({@code Translator.TZ_OFFSET_COLUMN} + its label; see the translator's TimestampTz): the column becomes
     * TIMESTAMP_TZ with each value at its offset (at the session zone's offset then, when NULL), and the hidden column goes.
     */
    static Result foldOffsets(StatementKind kind, List<ResultColumn> cols, List<Object[]> rows, String zone) {
        String prefix = dev.autosync.emulator.sql.Translator.TZ_OFFSET_COLUMN;
        if (cols.stream().noneMatch(c -> c.name().startsWith(prefix))) {
            return new Result(kind, cols, rows);
        }
        java.time.ZoneId sessionZone = zoneOrUtc(zone);
        List<ResultColumn> out = new ArrayList<>(cols);
        int[] target = new int[cols.size()];
        java.util.Arrays.fill(target, -1);
        boolean[] hidden = new boolean[cols.size()];
        int lastVisible = -1;
        for (int i = 0; i < cols.size(); i++) {
            if (!cols.get(i).name().startsWith(prefix)) {
                lastVisible = i;
            }
        }
        for (int i = 0; i < cols.size(); i++) {
            String name = cols.get(i).name();
            if (!name.startsWith(prefix)) {
                continue;
            }
            hidden[i] = true;
            String label = name.substring(prefix.length());
            // a stored column's companion follows it (SELECT * of a join may hold two of a name): the nearest column of
            // that name before it; a result item's companions come after all items, in the items' order
            boolean trailing = i > lastVisible;
            for (int k = 0; k < i; k++) {
                int j = trailing ? k : i - 1 - k;
                if (cols.get(j).name().equals(label) && cols.get(j).type().wireName().equals("timestamp_ltz")
                        && !taken(target, j)) {
                    target[i] = j;
                    out.set(j, new ResultColumn(label, SfType.TIMESTAMP_TZ));
                    break;
                }
            }
        }
        for (Object[] row : rows) {
            for (int i = 0; i < target.length; i++) {
                int j = target[i];
                if (j >= 0 && row[j] instanceof OffsetDateTime odt) {
                    java.time.ZoneOffset offset = row[i] instanceof Number n ? java.time.ZoneOffset.ofTotalSeconds(n.intValue() * 60)
                            : sessionZone.getRules().getOffset(odt.toInstant());
                    row[j] = odt.withOffsetSameInstant(offset);
                }
            }
        }
        List<ResultColumn> kept = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            if (!hidden[i]) {
                kept.add(out.get(i));
            }
        }
        List<Object[]> keptRows = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Object[] r = new Object[kept.size()];
            int k = 0;
            for (int i = 0; i < row.length; i++) {
                if (!hidden[i]) {
                    r[k++] = row[i];
                }
            }
            keptRows.add(r);
        }
        return new Result(kind, kept, keptRows);
    }

    private static boolean taken(int[] target, int column) {
        for (int t : target) {
            if (t == column) {
                return true;
            }
        }
        return false;
    }

    private static java.time.ZoneId zoneOrUtc(String zone) {
        try {
            return zone == null ? java.time.ZoneOffset.UTC : java.time.ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            return java.time.ZoneOffset.UTC;
        }
    }

    static Object value(ResultSet rs, int i, String type) throws SQLException {
        Object v;
        if (type.startsWith("DECIMAL")) {
            v = rs.getBigDecimal(i);
        } else {
            switch (type) {
                case "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT", "USMALLINT", "UINTEGER" -> v = rs.getLong(i);
                case "HUGEINT", "UBIGINT", "UHUGEINT" -> {
                    Object o = rs.getObject(i);
                    v = o == null ? null : new BigDecimal(o.toString());
                }
                case "DOUBLE", "FLOAT" -> v = rs.getDouble(i);
                case "BOOLEAN" -> v = rs.getBoolean(i);
                // getObject(i) reads DuckDB's day number; getObject(i, LocalDate.class) goes through java.sql.Date
                case "DATE" -> v = rs.getObject(i) instanceof LocalDate d ? d : rs.getObject(i, LocalDate.class);
                case "TIME" -> v = rs.getObject(i, LocalTime.class);
                case "TIME_NS" -> {
                    String text = rs.getString(i);
                    v = text == null ? null : LocalTime.parse(text);
                }
                case "TIMESTAMP", "TIMESTAMP_NS", "TIMESTAMP_MS", "TIMESTAMP_S" -> v = rs.getObject(i, LocalDateTime.class);
                case "TIMESTAMP WITH TIME ZONE" -> v = rs.getObject(i, OffsetDateTime.class);
                case "BLOB" -> v = rs.getBytes(i);
                case "JSON" -> v = VariantText.pretty(rs.getString(i));
                default -> v = rs.getString(i);
            }
        }
        return rs.wasNull() ? null : v;
    }

    /** Copies a result into a temporary DuckDB table so RESULT_SCAN can query it. */
    static String materialise(Session s, Result r) throws SQLException {
        String table = "\"result_scan_" + UUID.randomUUID().toString().replace("-", "") + "\"";
        StringBuilder ddl = new StringBuilder("CREATE TEMP TABLE ").append(table).append(" (");
        // result_scan page: a repeated column name gets _1, _2... (ID, ID -> ID, ID_1); DuckDB names ignore case
        java.util.Set<String> used = new java.util.HashSet<>();
        for (int i = 0; i < r.columns().size(); i++) {
            ResultColumn col = r.columns().get(i);
            String name = col.name();
            for (int n = 1; !used.add(name.toUpperCase(java.util.Locale.ROOT)); n++) {
                name = col.name() + "_" + n;
            }
            ddl.append(i == 0 ? "" : ", ").append(Names.quote(name)).append(' ').append(duckType(col.type()));
        }
        s.exec(ddl.append(')').toString());
        if (!r.rows().isEmpty()) {
            String marks = String.join(", ", java.util.Collections.nCopies(r.columns().size(), "?"));
            try (PreparedStatement ps = s.conn().prepareStatement("INSERT INTO " + table + " VALUES (" + marks + ")")) {
                for (Object[] row : r.rows()) {
                    for (int i = 0; i < row.length; i++) {
                        Object v = row[i];
                        ps.setObject(i + 1, v instanceof BigInteger b ? new BigDecimal(b) : v);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        return table;
    }

    private static String duckType(SfType t) {
        return switch (t.wireName()) {
            case "fixed" -> t.scale() != null && t.scale() > 0 ? "DECIMAL(" + t.precision() + "," + t.scale() + ")" : "DECIMAL(38,0)";
            case "real" -> "DOUBLE";
            case "boolean" -> "BOOLEAN";
            case "date" -> "DATE";
            case "time" -> "TIME";
            case "timestamp_ntz" -> "TIMESTAMP";
            case "timestamp_ltz", "timestamp_tz" -> "TIMESTAMPTZ";
            case "variant" -> "JSON";
            case "binary" -> "BLOB";
            default -> "VARCHAR";
        };
    }
}
