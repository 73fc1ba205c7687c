package dev.autosync.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BundleWriterTest {

    @Test
    void renderingIsByteForByteDeterministic() {
        RenderedBundle a = RenderFixtures.render(Provider.GCS);
        RenderedBundle b = RenderFixtures.render(Provider.GCS);
        assertEquals(Manifest.toJson(a), Manifest.toJson(b));
        assertEquals(BundleWriter.deployScript(a), BundleWriter.deployScript(b));
    }

    @Test
    void aSecondWriteOfTheSameBundleTouchesNothing(@TempDir Path out) throws Exception {
        BundleWriter w = new BundleWriter();
        BundleWriter.Result first = w.write(RenderFixtures.render(Provider.S3), out);
        assertTrue(first.changedAnything());
        Path deploy = out.resolve("deploy.sql");
        FileTime before = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(deploy, before);
        BundleWriter.Result second = w.write(RenderFixtures.render(Provider.S3), out);
        assertFalse(second.changedAnything());
        assertEquals(first.written().size(), second.unchanged());
        assertEquals(before, Files.getLastModifiedTime(deploy), "an unchanged file is not rewritten");
    }

    @Test
    void filesNoLongerRenderedAreRemovedAndChangedOnesRewritten(@TempDir Path out) throws Exception {
        BundleWriter w = new BundleWriter();
        w.write(RenderFixtures.render(Provider.AZURE), out);
        assertTrue(Files.exists(out.resolve("sql/05_notification_integration_AUTOSYNC_NOTIFICATION_INTEGRATION.sql")));
        BundleWriter.Result r = w.write(RenderFixtures.render(Provider.INTERNAL), out);
        assertFalse(Files.exists(out.resolve("sql/05_notification_integration_AUTOSYNC_NOTIFICATION_INTEGRATION.sql")));
        assertFalse(r.removed().isEmpty());
        assertTrue(r.written().contains(out.resolve("manifest.json")));
    }

    @Test
    void theManifestReadsBackAsWritten(@TempDir Path out) throws Exception {
        RenderedBundle b = RenderFixtures.render(Provider.AZURE);
        new BundleWriter().write(b, out);
        RenderedBundle read = Manifest.read(out.resolve("manifest.json"));
        assertEquals(b.statements(), read.statements());
        assertEquals(b.entities(), read.entities());
        assertEquals(b.postDeploy(), read.postDeploy());
        assertEquals("AUTOSYNC_NOTIFICATION_INTEGRATION", read.notificationIntegration());
    }

    @Test
    void checksumsIgnoreCommentsAndSpacingButNotContent() {
        assertEquals(StatementChecksum.of("CREATE TABLE T (A INT) -- x"), StatementChecksum.of("-- y\nCREATE  TABLE T\n(A INT)"));
        assertFalse(StatementChecksum.of("CREATE TABLE T (A INT)").equals(StatementChecksum.of("CREATE TABLE T (B INT)")));
        assertFalse(StatementChecksum.of("SELECT 'a  b'").equals(StatementChecksum.of("SELECT 'a b'")));
    }
}
