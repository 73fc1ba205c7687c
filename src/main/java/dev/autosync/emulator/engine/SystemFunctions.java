package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.sql.Translator;

import java.sql.SQLException;
import java.util.List;

/** The SYSTEM$ functions, each as SQL; their arguments must be string literals naming objects. */
final class SystemFunctions {
    private final Catalog catalog;
    private final Streams streams;
    private final PipeStatusQuery pipeStatus;
    private final Transactions transactions;
    private final Runnable wake;

    SystemFunctions(Catalog catalog, Streams streams, PipeStatusQuery pipeStatus, Transactions transactions, Runnable wake) {
        this.catalog = catalog;
        this.streams = streams;
        this.pipeStatus = pipeStatus;
        this.transactions = transactions;
        this.wake = wake;
    }

    /** A call as SQL; {@code literals} holds the decoded value of each string-literal argument (null otherwise). */
    String call(Session session, NameResolver names, String name, List<String> arguments, List<String> literals) {
        String first = literals.isEmpty() ? null : literals.get(0);
        switch (name) {
            case "SYSTEM$WAIT":
                return systemWait(arguments, literals.size() > 1 ? literals.get(1) : null);
            case "SYSTEM$PIPE_STATUS":
                return pipeStatus.sql(names, requireName(name, first));
            case "SYSTEM$STREAM_HAS_DATA":
                return streams.hasDataSql(session, stream(names, name, first));
            case "SYSTEM$STREAM_GET_TABLE_TIMESTAMP":
                return streams.offsetSql(stream(names, name, first));
            case "SYSTEM$PIPE_FORCE_RESUME":
                try {
                    return forceResume(session, names, requireName(name, first), literals.size() > 1 ? literals.get(1) : null);
                } catch (SQLException e) {
                    throw ErrorMapper.map(e);
                }
            case "SYSTEM$GET_AWS_SNS_IAM_POLICY":
                return Translator.literal("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"1\",\"Effect\":\"Allow\","
                        + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:user/autosync-local-emulator\"},"
                        + "\"Action\":[\"sns:Subscribe\"],\"Resource\":[\"" + requireName(name, first) + "\"]}]}");
            case "SYSTEM$GET_PREDECESSOR_RETURN_VALUE":
                return "CAST(NULL AS VARCHAR)";
            default:
                throw SnowflakeError.unsupported("function " + name);
        }
    }

    /**
     * SYSTEM$WAIT(amount [, time_unit]): waits, then answers 'waited 10 seconds' ("SYSTEM$WAIT"). The wait
     * ends early when the request is canceled or reaches its statement timeout ("checks periodically for
     * cancellation"). It is evaluated once, while the statement is translated, so the amount must be a
     * constant (UNVERIFIED: Snowflake evaluates it per row).
     */
    private static String systemWait(List<String> arguments, String unitText) {
        if (arguments.isEmpty() || arguments.size() > 2) {
            throw SnowflakeError.compilation("SYSTEM$WAIT takes an amount and an optional time unit, such as SYSTEM$WAIT(10, 'SECONDS')");
        }
        java.math.BigDecimal amount;
        try {
            amount = new java.math.BigDecimal(arguments.get(0).replaceAll("^\\(+|\\)+$|::\\w+.*$", "").trim());
        } catch (NumberFormatException e) {
            throw SnowflakeError.compilation("SYSTEM$WAIT: the amount must be a number constant, not " + arguments.get(0));
        }
        String unit = unitText == null ? "SECONDS" : unitText.trim().toUpperCase(java.util.Locale.ROOT);
        java.util.concurrent.TimeUnit tu = switch (unit) {
            case "DAYS" -> java.util.concurrent.TimeUnit.DAYS;
            case "HOURS" -> java.util.concurrent.TimeUnit.HOURS;
            case "MINUTES" -> java.util.concurrent.TimeUnit.MINUTES;
            case "SECONDS" -> java.util.concurrent.TimeUnit.SECONDS;
            case "MILLISECONDS" -> java.util.concurrent.TimeUnit.MILLISECONDS;
            case "MICROSECONDS" -> java.util.concurrent.TimeUnit.MICROSECONDS;
            case "NANOSECONDS" -> java.util.concurrent.TimeUnit.NANOSECONDS;
            default -> throw SnowflakeError.compilation("SYSTEM$WAIT: invalid time unit '" + unitText
                    + "' (DAYS, HOURS, MINUTES, SECONDS, MILLISECONDS, MICROSECONDS or NANOSECONDS)");
        };
        long nanos = amount.multiply(java.math.BigDecimal.valueOf(tu.toNanos(1))).longValue();
        Cancellation.sleepCurrent(java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(Math.max(0, nanos)));
        return Translator.literal("waited " + amount.toPlainString() + " " + unit.toLowerCase(java.util.Locale.ROOT));
    }

    private CatalogObject stream(NameResolver names, String function, String literal) {
        ObjectRef ref = names.resolve(NameResolver.parse(requireName(function, literal)), function);
        return catalog.require(CatalogKind.STREAM, ref);
    }

    /**
     * SYSTEM$PIPE_FORCE_RESUME(pipe [, 'STALENESS_CHECK_OVERRIDE, OWNERSHIP_TRANSFER_CHECK_OVERRIDE']):
     * resumes a paused pipe; a stale one only with STALENESS_CHECK_OVERRIDE (its page and "Managing Snowpipe").
     */
    private String forceResume(Session session, NameResolver names, String name, String overrides) throws SQLException {
        ObjectRef ref = names.resolve(NameResolver.parse(name), "SYSTEM$PIPE_FORCE_RESUME");
        CatalogObject pipe = catalog.require(CatalogKind.PIPE, ref);
        boolean staleOverride = false;
        if (overrides != null) {
            for (String o : overrides.split(",")) {
                String word = o.strip().toUpperCase(java.util.Locale.ROOT);
                switch (word) {
                    case "STALENESS_CHECK_OVERRIDE" -> staleOverride = true;
                    case "OWNERSHIP_TRANSFER_CHECK_OVERRIDE", "" -> { }
                    default -> throw SnowflakeError.compilation("SYSTEM$PIPE_FORCE_RESUME: unknown option '" + o.strip()
                            + "' (expected STALENESS_CHECK_OVERRIDE, OWNERSHIP_TRANSFER_CHECK_OVERRIDE)");
                }
            }
        }
        if (PipeStaleness.stale(pipe) && !staleOverride) {
            throw PipeStaleness.resumeRefused(pipe);
        }
        PipeStaleness.paused(pipe, false);
        pipe.props().put("PAUSED", false);
        transactions.atomically(session, () -> catalog.save(session.conn(), pipe));
        wake.run();
        return Translator.literal("RESUMED");
    }

    private static String requireName(String function, String literal) {
        if (literal == null) {
            throw SnowflakeError.compilation(function + " takes the object's name as a string literal, such as 'DB.SCHEMA.NAME'");
        }
        return literal;
    }
}
