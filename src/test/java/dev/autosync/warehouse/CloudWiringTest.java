package dev.autosync.warehouse;

import dev.autosync.emulator.EmulatorFixture;
import dev.autosync.render.Provider;
import dev.autosync.render.RenderedBundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13 item 8: deploy tells the cloud side what it needs. Docs: user-guide/data-load-snowpipe-auto-s3
 * (SHOW PIPES notification_channel, ObjectCreate events), data-load-s3-config-storage-integration
 * (STORAGE_AWS_IAM_USER_ARN, STORAGE_AWS_EXTERNAL_ID), data-load-snowpipe-auto-azure (consent, Event Grid),
 * data-load-snowpipe-auto-gcs (service accounts, Pub/Sub).
 */
class CloudWiringTest {
    private static EmulatorFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new EmulatorFixture();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void s3ShowsEachPipesQueueWithTheEventNotificationAndTheTrustValues() throws Exception {
        RenderedBundle b = DeployerTest.bundle(Provider.S3, "WIRE_S3");
        try (Warehouse w = DeployerTest.warehouse(fx)) {
            Deployer d = new Deployer(b, w, DeployerTest.options(new ArrayList<>()));
            d.apply(d.plan());
            List<String> steps = CloudWiring.steps(b, w);
            String all = String.join("\n", steps);
            assertTrue(steps.get(0).startsWith("1. IAM role arn:aws:iam::123456789012:role/autosync-loader"), all);
            assertTrue(steps.get(0).contains("arn:aws:iam::000000000000:user/") && steps.get(0).contains("sts:ExternalId = "
                    + "district-autosync-1"), all);
            for (String entity : List.of("ATTENDANCE", "GRADES", "STUDENTS")) {
                assertTrue(steps.stream().anyMatch(s -> s.contains("pipe WIRE_S3.AUTOSYNC." + entity + "_PIPE:")
                        && s.matches(".*destination SQS queue arn:aws:sqs:[a-z0-9-]+:[0-9]{12}:sf-snowpipe-\\S+.*")
                        && s.contains("s3:ObjectCreated:*") && s.contains("prefix ")), entity + " in\n" + all);
            }
            String channel = w.query("SHOW PIPES LIKE 'GRADES_PIPE' IN SCHEMA WIRE_S3.AUTOSYNC").get(0).get("NOTIFICATION_CHANNEL");
            assertTrue(all.contains(channel), all);
        }
    }

    @Test
    void azureStopsAtThePipeForConsentWithTheStepsAndTheNextRunContinuesThere() throws Exception {
        RenderedBundle b = DeployerTest.bundle(Provider.AZURE, "WIRE_AZ");
        try (Warehouse w = DeployerTest.warehouse(fx)) {
            DeployException e;
            System.setProperty("autosync.emulator.test.consentPending", "*");
            try {
                Deployer d = new Deployer(b, w, DeployerTest.options(new ArrayList<>()));
                DeployPlan plan = d.plan();
                e = assertThrows(DeployException.class, () -> d.apply(plan));
            } finally {
                System.clearProperty("autosync.emulator.test.consentPending");
            }
            assertTrue(e.getMessage().contains("Cannot create WIRE_AZ.AUTOSYNC.ATTENDANCE_PIPE"), e.getMessage());
            assertTrue(e.getMessage().contains("https://login.microsoftonline.com/"), e.getMessage());
            assertTrue(e.getMessage().contains("Storage Queue Data Contributor") && e.getMessage().contains("Microsoft.Storage.BlobCreated"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("run deploy again: it continues with WIRE_AZ.AUTOSYNC.ATTENDANCE_PIPE"), e.getMessage());
            Deployer again = new Deployer(b, w, DeployerTest.options(new ArrayList<>()));
            DeployPlan plan = again.plan();
            assertEquals("does not exist", plan.steps().stream().filter(s -> s.name().equals("WIRE_AZ.AUTOSYNC.ATTENDANCE_PIPE"))
                    .findFirst().orElseThrow().reason());
            assertTrue(plan.steps().stream().filter(s -> s.name().equals("WIRE_AZ.AUTOSYNC.ATTENDANCE_EVENTS")).findFirst()
                    .orElseThrow().action() == DeployAction.UNCHANGED, plan.table().toString());
            again.apply(plan);
            assertEquals(List.of(), HealthGate.problems(b, w));
        }
    }

    @Test
    void gcsNamesBothServiceAccountsAndTheirGrants() throws Exception {
        RenderedBundle b = DeployerTest.bundle(Provider.GCS, "WIRE_GCS");
        try (Warehouse w = DeployerTest.warehouse(fx)) {
            Deployer d = new Deployer(b, w, DeployerTest.options(new ArrayList<>()));
            d.apply(d.plan());
            String all = String.join("\n", CloudWiring.steps(b, w));
            assertTrue(all.matches("(?s).*Give \\S+@\\S+\\.iam\\.gserviceaccount\\.com \\(storage integration .*storage.objects.get.*"), all);
            assertTrue(all.matches("(?s).*Give \\S+@\\S+\\.iam\\.gserviceaccount\\.com \\(notification integration .*Pub/Sub Subscriber.*"), all);
            assertTrue(all.contains("OBJECT_FINALIZE"), all);
        }
    }

    @Test
    void bucketAndKeyOfStorageUrls() {
        assertEquals("b", CloudWiring.bucket("s3://b/events/"));
        assertEquals("events/", CloudWiring.key("s3://b/events/"));
        assertEquals("events", CloudWiring.bucket("azure://acct.blob.core.windows.net/events/x/"));
        assertEquals("x/", CloudWiring.key("azure://acct.blob.core.windows.net/events/x/"));
    }
}
