package dev.autosync.emulator.engine;

import dev.autosync.emulator.base.SnowflakeError;
import dev.autosync.emulator.sql.SqlContext;
import dev.autosync.emulator.sql.Translator;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * What translation reads from the engine, as a {@link SqlContext} per statement: names become
 * tables, views and stream deltas from the catalog, stage references their files, table functions
 * history queries, SYSTEM$ functions the engine's state.
 */
final class Translation {
    private final Catalog catalog;
    private final Streams streams;
    private final Stages stages;
    private final History copyHistory;
    private final TaskHistory taskHistory;
    private final SystemFunctions systemFunctions;
    private final Privileges privileges;
    private final Sessions sessions;
    private final UserFunctions userFunctions = new UserFunctions();

    Translation(Catalog catalog, Streams streams, Stages stages, History copyHistory, TaskHistory taskHistory,
                SystemFunctions systemFunctions, Privileges privileges, Sessions sessions) {
        this.privileges = privileges;
        this.sessions = sessions;
        this.catalog = catalog;
        this.streams = streams;
        this.stages = stages;
        this.copyHistory = copyHistory;
        this.taskHistory = taskHistory;
        this.systemFunctions = systemFunctions;
    }

    /**
     * The context for translating (part of) {@code statement}: names resolve through {@code names};
     * a view's body may not read staged files; a COPY transformation reads its stage through
     * {@code stage} (null otherwise).
     */
    UserFunctions userFunctions() {
        return userFunctions;
    }

    SqlContext context(StatementContext statement, NameResolver names, boolean viewBody,
                       BiFunction<String, Map<String, String>, SqlContext.Relation> stage) {
        return new Scope(statement, names, viewBody, stage);
    }

    private final class Scope implements SqlContext {
        private final StatementContext statement;
        private final NameResolver names;
        private final boolean viewBody;
        private final BiFunction<String, Map<String, String>, Relation> stage;

        Scope(StatementContext statement, NameResolver names, boolean viewBody,
              BiFunction<String, Map<String, String>, Relation> stage) {
            this.statement = statement;
            this.names = names;
            this.viewBody = viewBody;
            this.stage = stage;
        }

        @Override
        public Relation relation(List<String> parts) {
            if (parts.size() >= 2 && parts.get(parts.size() - 2).equals("INFORMATION_SCHEMA")) {
                String db = parts.size() >= 3 ? parts.get(parts.size() - 3) : names.defaultDatabase();
                if (db == null) {
                    throw SnowflakeError.compilation("Cannot perform SELECT. This session does not have a current database. "
                            + "Call 'USE DATABASE', or use a qualified name.");
                }
                String view = parts.get(parts.size() - 1);
                return new Relation(new InformationSchema(catalog).relation(db, view), view);
            }
            ObjectRef ref = names.resolve(parts, "SELECT");
            CatalogObject relation = catalog.findRelation(ref).orElse(null);
            if (relation != null) {
                // a view's body reads as the view's owner; a statement reads as the session's role, which needs SELECT
                // (grant-privilege page; without it Snowflake answers as if the object did not exist)
                if (!viewBody && !mayUse(statement.session(), "SELECT", relation.kind().name(), ref)) {
                    throw SnowflakeError.doesNotExist("Object", ref.display());
                }
                return new Relation(ref.duckName(), null, TzColumns.names(relation.columns()),
                        DeclaredCollation.of(relation.columns()));
            }
            CatalogObject stream = catalog.find(CatalogKind.STREAM, ref).orElse(null);
            if (stream != null) {
                String delta = streams.deltaSql(statement.session(), stream, statement.streamsRead());
                java.util.Set<String> tz = catalog.byId(stream.props().path("TABLE_ID").asLong())
                        .map(t -> TzColumns.names(t.columns())).orElse(java.util.Set.of());
                return new Relation("(" + delta + ")", ref.name(), tz);
            }
            throw SnowflakeError.doesNotExist("Object", ref.display());
        }

        private boolean mayUse(Session session, String privilege, String kind, ObjectRef ref) {
            try {
                return privileges.mayUse(session, privilege, kind, ref.db() + "." + ref.schema() + "." + ref.name());
            } catch (SQLException e) {
                throw ErrorMapper.map(e);
            }
        }

        @Override
        public Relation stage(String reference, Map<String, String> options) {
            if (viewBody) {
                throw SnowflakeError.unsupported("a stage reference in a view");
            }
            if (stage != null) {
                return stage.apply(reference, options);
            }
            try {
                String table = stages.materialise(statement, reference, options);
                statement.temporary(table);
                return new Relation(table, null);
            } catch (SQLException e) {
                throw ErrorMapper.map(e);
            }
        }

        @Override
        public Relation tableFunction(List<String> nameParts, Map<String, String> named, List<String> positional) {
            String fn = nameParts.get(nameParts.size() - 1);
            String db = nameParts.size() >= 3 ? nameParts.get(0) : names.defaultDatabase();
            switch (fn) {
                case "COPY_HISTORY":
                    return new Relation("(" + copyHistory.copyHistorySql(names, db, named) + ")", "COPY_HISTORY");
                case "TASK_HISTORY":
                    return new Relation("(" + taskHistory.historySql(named) + ")", "TASK_HISTORY");
                case "RESULT_SCAN":
                    return new Relation(resultScan(positional), "RESULT_SCAN");
                case "GENERATOR": {
                    // "GENERATOR": ROWCOUNT rows, or as many as TIMELIMIT seconds allow, whichever ends first
                    String rows = named.get("ROWCOUNT");
                    String seconds = named.get("TIMELIMIT");
                    if (rows == null && seconds == null) {
                        throw SnowflakeError.compilation("GENERATOR needs ROWCOUNT, TIMELIMIT or both");
                    }
                    if (seconds == null) {
                        return new Relation("(SELECT range AS \"SEQ\" FROM range(CAST(" + rows + " AS BIGINT)))", "GENERATOR");
                    }
                    return new Relation("(SELECT seq AS \"SEQ\" FROM " + GeneratorFunction.NAME + "(CAST(" + (rows == null ? "-1" : rows)
                            + " AS BIGINT), CAST(" + seconds + " AS DOUBLE)))", "GENERATOR");
                }
                default:
                    throw SnowflakeError.unsupported("table function " + String.join(".", nameParts));
            }
        }

        private String resultScan(List<String> positional) {
            if (positional.size() != 1) {
                throw SnowflakeError.compilation("RESULT_SCAN takes one query id");
            }
            String id = Translator.literalValue(positional.get(0));
            // the session's own recent results, else another session's of the same user ("RESULT_SCAN"; the driver
            // fetches an async query's result by id, possibly from another connection, this way)
            Result r = id == null ? null : statement.session().recent(id);
            if (r == null && id != null) {
                r = sessions.recent(statement.session().user(), id);
            }
            if (r == null) {
                throw new SnowflakeError("000709", "02000", "Statement " + id + " not found");
            }
            try {
                String table = ResultTables.materialise(statement.session(), r);
                statement.temporary(table);
                return table;
            } catch (SQLException e) {
                throw ErrorMapper.map(e);
            }
        }

        @Override
        public String duckType(String duckQuery) {
            // DESCRIBE binds without executing; a binder error leaves an open transaction usable
            try (java.sql.Statement s = statement.session().conn().createStatement();
                 java.sql.ResultSet rs = s.executeQuery("DESCRIBE " + duckQuery)) {
                return rs.next() ? rs.getString("column_type") : null;
            } catch (java.sql.SQLException | RuntimeException e) {
                return null;
            }
        }

        @Override
        public String userFunction(List<String> parts) {
            if (parts.size() > 3) {
                return null;
            }
            if (parts.size() == 1 && (names.defaultDatabase() == null || names.defaultSchema() == null)) {
                return null; // no schema to look in: a built-in DuckDB function (or an unknown one)
            }
            return userFunctions.find(statement.session().conn(), names.resolve(parts, "SELECT"));
        }

        @Override
        public List<String> duckColumns(String duckQuery) {
            return describe(duckQuery, "column_name");
        }

        @Override
        public List<String> duckColumnTypes(String duckQuery) {
            return describe(duckQuery, "column_type");
        }

        private List<String> describe(String duckQuery, String field) {
            try (java.sql.Statement s = statement.session().conn().createStatement();
                 java.sql.ResultSet rs = s.executeQuery("DESCRIBE " + duckQuery)) {
                List<String> values = new java.util.ArrayList<>();
                while (rs.next()) {
                    values.add(rs.getString(field));
                }
                return values;
            } catch (java.sql.SQLException | RuntimeException e) {
                return null;
            }
        }

        @Override
        public List<Object> columnValues(String duckQuery) {
            List<Object> out = new java.util.ArrayList<>();
            try (java.sql.Statement s = statement.session().conn().createStatement();
                 java.sql.ResultSet rs = s.executeQuery(duckQuery)) {
                while (rs.next()) {
                    out.add(rs.getObject(1));
                }
                return out;
            } catch (java.sql.SQLException e) {
                throw ErrorMapper.map(e);
            }
        }

        @Override
        public String systemFunction(String name, List<String> arguments, List<String> literals) {
            return systemFunctions.call(statement.session(), names, name, arguments, literals);
        }

        @Override
        public String parameter(String name) {
            return statement.session().parameter(name);
        }

        @Override
        public String variable(String name) {
            Session.Variable v = statement.session().variables().get(name);
            return v == null ? null : v.sql();
        }

        @Override
        public String sessionValue(String function) {
            Session session = statement.session();
            return switch (function) {
                case "CURRENT_DATABASE" -> session.database();
                case "CURRENT_SCHEMA" -> session.schema();
                case "CURRENT_WAREHOUSE" -> session.warehouse();
                case "CURRENT_ROLE" -> session.role();
                case "CURRENT_USER" -> session.user();
                case "CURRENT_SESSION" -> session.id();
                case "CURRENT_ACCOUNT" -> "LOCAL";
                case "CURRENT_REGION" -> "LOCAL";
                case "CURRENT_VERSION" -> "9.99.0";
                case "LAST_QUERY_ID" -> session.lastQueryId();
                case "CURRENT_CLIENT" -> "JDBC";
                default -> null;
            };
        }
    }
}
