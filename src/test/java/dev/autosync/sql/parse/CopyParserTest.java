package dev.autosync.sql.parse;

import dev.autosync.sql.SqlSyntaxException;
import dev.autosync.sql.tree.CopyInto;
import dev.autosync.sql.tree.CopySource;
import dev.autosync.sql.tree.CreatePipe;
import dev.autosync.sql.tree.Property;
import dev.autosync.sql.tree.QueryBody;
import dev.autosync.sql.tree.Relation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** COPY INTO a table and CREATE PIPE into the tree (en/sql-reference/sql/copy-into-table.md, create-pipe.md syntax). */
class CopyParserTest {

    @Test
    void aTransformingCopyKeepsTableColumnsSelectAndOptions() {
        CopyInto c = SqlParser.of("COPY INTO db.s.t (a, \"b\") FROM (SELECT $1:a::VARCHAR, METADATA$FILENAME FROM @db.s.st/x/ t) "
                + "FILE_FORMAT = (FORMAT_NAME = 'db.s.f' STRIP_OUTER_ARRAY = TRUE) ON_ERROR = 'SKIP_FILE_10%', "
                + "FILES = ('a.json', 'b.json') SIZE_LIMIT = -1 MATCH_BY_COLUMN_NAME = case_insensitive").copyInto();
        assertEquals(List.of("DB", "S", "T"), c.table());
        assertEquals(List.of("A", "b"), c.columns());
        CopySource.Transform t = assertInstanceOf(CopySource.Transform.class, c.source());
        QueryBody.Select s = assertInstanceOf(QueryBody.Select.class, t.query().body());
        assertEquals("db.s.st/x/", assertInstanceOf(Relation.StageRef.class, s.from().get(0)).location());
        assertTrue(c.transforms());
        Property.Nested format = assertInstanceOf(Property.Nested.class, c.option("FILE_FORMAT").orElseThrow().value());
        assertEquals("db.s.f", format.properties().get(0).text());
        assertTrue(format.properties().get(1).isTrue());
        assertEquals("SKIP_FILE_10%", c.option("ON_ERROR").orElseThrow().text());
        assertEquals(List.of("a.json", "b.json"), assertInstanceOf(Property.Items.class, c.option("FILES").orElseThrow().value()).items());
        assertEquals("-1", c.option("SIZE_LIMIT").orElseThrow().text());
        assertEquals("CASE_INSENSITIVE", c.option("MATCH_BY_COLUMN_NAME").orElseThrow().text());
    }

    @Test
    void sourcesStageLocationAndTableStage() {
        assertEquals("~/staged", assertInstanceOf(CopySource.Stage.class,
                SqlParser.of("COPY INTO t FROM @~/staged FILE_FORMAT = (FORMAT_NAME = 'mycsv')").copyInto().source()).location());
        assertEquals("s3://b/data/files", assertInstanceOf(CopySource.Location.class,
                SqlParser.of("COPY INTO t FROM 's3://b/data/files' STORAGE_INTEGRATION = myint").copyInto().source()).url());
        CopyInto tableStage = SqlParser.of("COPY INTO t FILE_FORMAT = (TYPE = CSV)").copyInto();
        assertNull(tableStage.source());
        assertFalse(tableStage.transforms());
    }

    @Test
    void aPipeWithPropertiesAndAParenthesizedCopy() {
        CreatePipe p = SqlParser.of("CREATE OR REPLACE PIPE db.s.p AUTO_INGEST = TRUE INTEGRATION = 'MYINT' COMMENT = 'x' AS "
                + "(COPY INTO t FROM @st MATCH_BY_COLUMN_NAME = CASE_INSENSITIVE INCLUDE_METADATA = (c1 = METADATA$FILENAME))")
                .createPipe();
        assertTrue(p.orReplace());
        assertFalse(p.ifNotExists());
        assertEquals(List.of("DB", "S", "P"), p.name());
        assertTrue(p.property("AUTO_INGEST").orElseThrow().isTrue());
        assertInstanceOf(Property.Text.class, p.property("INTEGRATION").orElseThrow().value());
        Property.Nested include = assertInstanceOf(Property.Nested.class, p.copy().option("INCLUDE_METADATA").orElseThrow().value());
        assertEquals("METADATA$FILENAME", include.properties().get(0).text());
    }

    @Test
    void unloadingIsNotThisGrammar() {
        assertThrows(SqlSyntaxException.class, () -> SqlParser.of("COPY INTO @st/out/ FROM t").copyInto());
        assertThrows(SqlSyntaxException.class, () -> SqlParser.of("CREATE PIPE p AS SELECT 1").createPipe());
    }
}
