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
}
