package dev.autosync.render;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenderSettingsTest {

    @Test
    void defaultsRenderTheInternalProvider() throws Exception {
        RenderConfig c = new RenderSettings().validate();
        assertEquals(Provider.INTERNAL, c.provider());
        assertEquals("SCHOOL_DATA", c.database().name());
        assertEquals("AUTOSYNC", c.schema().name());
        assertNull(c.storageUrl());
        assertEquals("1 MINUTE", c.taskSchedule());
    }

    @Test
    void eachCloudBuildsItsStageUrl() throws Exception {
        assertEquals("s3://district-events/autosync/", RenderFixtures.settings(Provider.S3).validate().storageUrl());
        assertEquals("gcs://district-events/autosync/", RenderFixtures.settings(Provider.GCS).validate().storageUrl());
        assertEquals("azure://districtevents.blob.core.windows.net/events/autosync/",
                RenderFixtures.settings(Provider.AZURE).validate().storageUrl());
        assertEquals("s3://district-events/in/school/",
                RenderFixtures.settings(Provider.S3).prefix("in/school").validate().storageUrl());
    }

    @Test
    void everyMissingCloudSettingIsNamedWithItsProperty() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> new RenderSettings().provider("azure").validate());
        List<String> props = e.problems().stream().map(SettingProblem::property).toList();
        assertEquals(List.of("autosync.azureStorageAccount", "autosync.azureContainer", "autosync.azureTenantId",
                "autosync.azureQueueUri"), props);
        assertTrue(e.getMessage().contains("-Dautosync.azureTenantId: is required for this provider"), e.getMessage());
    }

    @Test
    void badValuesSayWhatIsExpected() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> new RenderSettings()
                .provider("s4").database("school data").schema("").taskSchedule("every minute").prefix("../etc")
                .validate());
        String m = e.getMessage();
        assertTrue(m.contains("-Dautosync.provider: 's4' is not a provider; use one of s3, azure, gcs, internal"), m);
        assertTrue(m.contains("-Dautosync.database: 'school data' must start with a letter"), m);
        assertTrue(m.contains("-Dautosync.schema: is empty"), m);
        assertTrue(m.contains("-Dautosync.taskSchedule: 'every minute' is not a task schedule"), m);
        assertTrue(m.contains("-Dautosync.prefix: '../etc' is not a folder path"), m);
    }

    @Test
    void s3ValuesAreCheckedAgainstAwsFormats() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> new RenderSettings()
                .provider("s3").bucket("Bad_Bucket").awsRoleArn("arn:aws:iam::12:role/x").awsExternalId("'").validate());
        String m = e.getMessage();
        assertTrue(m.contains("-Dautosync.bucket: 'Bad_Bucket' is not an S3 bucket name"), m);
        assertTrue(m.contains("-Dautosync.awsRoleArn: 'arn:aws:iam::12:role/x' is not an IAM role ARN"), m);
        assertTrue(m.contains("-Dautosync.awsExternalId"), m);
    }

    @Test
    void controlCharactersInValuesAreShownVisibly() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> new RenderSettings().database("A\nB").validate());
        assertTrue(e.getMessage().contains("'A\\x0aB'"), e.getMessage());
    }

    @Test
    void blockedLocationsMustBeOfTheProvider() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> RenderFixtures.settings(Provider.S3)
                .blockedLocations(List.of("gcs://other/", "s3://district-events/autosync/secret/'")).validate());
        assertEquals(2, e.problems().size());
        assertTrue(e.getMessage().contains("expected s3://"), e.getMessage());
    }

    /**
     * Each cloud identifier breaks one named rule; the message says which (issue 12: a one-letter GCP project id).
     * Rules from the providers' naming pages (cited, not re-read in issue 12's rules work): GCP project ids and Pub/Sub names
     * (cloud.google.com/resource-manager/docs/creating-managing-projects, cloud.google.com/pubsub/docs/pubsub-basics
     * resource names), GCS bucket names (cloud.google.com/storage/docs/buckets#naming), S3 bucket names
     * (docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html), IAM / SNS ARNs
     * (docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html), Azure storage accounts, containers and
     * queues (learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules).
     */
    @Test
    void cloudIdentifiersNameTheRuleTheyBreak() {
        java.util.Map<RenderSettings, String> cases = new java.util.LinkedHashMap<>();
        cases.put(RenderFixtures.settings(Provider.GCS).gcsPubsubSubscription("projects/p/subscriptions/events"),
                "'projects/p/subscriptions/events' is not a Pub/Sub subscription: it has a project id 'p' that must be 6 to 30 characters long (it has 1)");
        cases.put(RenderFixtures.settings(Provider.GCS).gcsPubsubSubscription("projects/1district/subscriptions/events"),
                "has a project id '1district' that must start with a lower-case letter");
        cases.put(RenderFixtures.settings(Provider.GCS).gcsPubsubSubscription("projects/district-1/subscriptions/goog-events"),
                "has a subscription id 'goog-events' that must not start with goog");
        cases.put(RenderFixtures.settings(Provider.GCS).gcsPubsubSubscription("district-1/events"),
                "is not of the form projects/<project id>/subscriptions/<subscription id>");
        cases.put(RenderFixtures.settings(Provider.GCS).bucket("google-events"), "must not start with goog or contain google");
        cases.put(RenderFixtures.settings(Provider.S3).bucket("district..events"), "'district..events' is not an S3 bucket name: it must not contain two dots in a row");
        cases.put(RenderFixtures.settings(Provider.S3).bucket("192.168.5.4"), "must not look like an IP address");
        cases.put(RenderFixtures.settings(Provider.S3).bucket("-events"), "must start and end with a lower-case letter or a digit");
        cases.put(RenderFixtures.settings(Provider.S3).bucket("ab"), "must be 3 to 63 characters long (it has 2)");
        cases.put(RenderFixtures.settings(Provider.S3).awsRoleArn("arn:aws:iam::12:role/x"), "has the account '12'; an AWS account id is 12 digits");
        cases.put(RenderFixtures.settings(Provider.S3).awsRoleArn("arn:aws:iam::123456789012:user/x"), "names a 'user', not a role");
        cases.put(RenderFixtures.settings(Provider.S3).awsSnsTopic("arn:aws:sns:moon:123456789012:events"), "has the region 'moon'");
        cases.put(RenderFixtures.settings(Provider.AZURE).azureContainer("events--2026"), "must not contain two hyphens in a row");
        cases.put(RenderFixtures.settings(Provider.AZURE).azureStorageAccount("District"), "may contain only lower-case letters and digits");
        cases.put(RenderFixtures.settings(Provider.AZURE).azureQueueUri("https://districtevents.queue.core.windows.net/Q"),
                "has a queue name that must be 3 to 63 characters long (it has 1)");
        for (var c : cases.entrySet()) {
            InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> c.getKey().validate());
            assertEquals(1, e.problems().size(), e.getMessage());
            assertTrue(e.getMessage().contains(c.getValue()), "want <" + c.getValue() + "> in:\n" + e.getMessage());
        }
    }

    @Test
    void validCloudIdentifiersPass() throws Exception {
        RenderFixtures.settings(Provider.GCS).gcsPubsubSubscription("projects/district-42/subscriptions/Events.2026_~+%").validate();
        RenderFixtures.settings(Provider.GCS).bucket("district_events.archive.example").validate();
        RenderFixtures.settings(Provider.S3).awsRoleArn("arn:aws-us-gov:iam::123456789012:role/service/autosync-loader").validate();
        RenderFixtures.settings(Provider.S3).awsSnsTopic("arn:aws:sns:us-gov-west-1:123456789012:school-events").validate();
        RenderFixtures.settings(Provider.AZURE).azureQueueUri("https://districtevents.queue.core.windows.net/school-events-1").validate();
    }

    @Test
    void aWarehouseOfOnlyWhiteSpaceIsAMistakeNotServerless() throws Exception {
        assertNull(new RenderSettings().taskWarehouse("").validate().taskWarehouse(), "empty: serverless");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> new RenderSettings().taskWarehouse("\n").validate());
        assertTrue(e.getMessage().contains("-Dautosync.taskWarehouse: is only white space"), e.getMessage());
    }
}
