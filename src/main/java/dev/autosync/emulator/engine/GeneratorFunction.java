package dev.autosync.emulator.engine;

import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBDataChunkWriter;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBTableFunction;
import org.duckdb.DuckDBTableFunctionBindInfo;
import org.duckdb.DuckDBTableFunctionCallInfo;
import org.duckdb.DuckDBTableFunctionInitInfo;
import org.duckdb.DuckDBValue;
import org.duckdb.DuckDBWritableVector;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * GENERATOR(ROWCOUNT => n, TIMELIMIT => seconds) as a DuckDB table function {@value #NAME}(rowcount,
 * seconds): rows 0, 1, 2 ... until ROWCOUNT rows (negative: no limit) or until TIMELIMIT seconds have
 * passed since the scan began, whichever comes first ("GENERATOR"). DuckDB checks for an interrupt
 * between the chunks it asks for, so a canceled statement stops here too.
 */
final class GeneratorFunction implements DuckDBTableFunction<GeneratorFunction.Limits, GeneratorFunction.Scan, Object> {
    static final String NAME = "sf_generator";

    record Limits(long rowCount, double seconds) {
    }

    static final class Scan {
        long next;
        long deadline;
    }

    static void register(Connection c) throws SQLException {
        DuckDBFunctions.tableFunction().withName(NAME).withParameters(DuckDBColumnType.BIGINT, DuckDBColumnType.DOUBLE)
                .withFunction(new GeneratorFunction()).register(c);
    }

    @Override
    public Limits bind(DuckDBTableFunctionBindInfo info) throws Exception {
        info.addResultColumn("seq", DuckDBColumnType.BIGINT);
        try (DuckDBValue rows = info.getParameter(0); DuckDBValue seconds = info.getParameter(1)) {
            return new Limits(rows.isNull() ? -1 : rows.getLong(), seconds.isNull() ? -1 : seconds.getDouble());
        }
    }

    @Override
    public Scan init(DuckDBTableFunctionInitInfo info) {
        info.setMaxThreads(1);
        Limits limits = info.getBindData();
        Scan scan = new Scan();
        scan.deadline = limits.seconds() < 0 ? Long.MAX_VALUE : System.nanoTime() + (long) (limits.seconds() * 1e9);
        return scan;
    }

    @Override
    public long apply(DuckDBTableFunctionCallInfo info, DuckDBDataChunkWriter out) {
        Limits limits = info.getBindData();
        Scan scan = info.getInitData();
        if (System.nanoTime() >= scan.deadline) {
            return 0;
        }
        long room = out.capacity();
        if (limits.rowCount() >= 0) {
            room = Math.min(room, limits.rowCount() - scan.next);
        }
        DuckDBWritableVector seq = out.vector(0);
        for (long i = 0; i < room; i++) {
            seq.setLong(i, scan.next++);
        }
        return Math.max(0, room);
    }
}
