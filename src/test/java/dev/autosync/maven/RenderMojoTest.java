package dev.autosync.maven;

import dev.autosync.render.Provider;
import dev.autosync.render.RenderConfig;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

import java.io.File;

import static org.apache.maven.api.plugin.testing.MojoExtension.getVariableValueFromObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parameter binding and defaults of the render goal, through Maven's own configurator. */
@MojoTest
class RenderMojoTest {

    @Test
    @InjectMojo(goal = RenderMojo.GOAL_NAME)
    void defaultsRenderTheInternalProviderIntoTargetAutosync(RenderMojo mojo) throws Exception {
        RenderConfig c = mojo.settings().validate();
        assertEquals(Provider.INTERNAL, c.provider());
        assertEquals("SCHOOL_DATA", c.database().name());
        assertEquals("AUTOSYNC", c.schema().name());
        assertEquals("1 MINUTE", c.taskSchedule());
        assertEquals("AUTOSYNC_STORAGE_INTEGRATION", c.storageIntegration().name());
        assertEquals("autosync/", c.prefix());
        assertNull(getVariableValueFromObject(mojo, "pipeline"));
        assertFalse((Boolean) getVariableValueFromObject(mojo, "skip"));
        File out = getVariableValueFromObject(mojo, "outputDirectory");
        assertTrue(out.getPath().replace('\\', '/').endsWith("target/autosync"), out.getPath());
    }

    @Test
    @InjectMojo(goal = RenderMojo.GOAL_NAME)
    @MojoParameter(name = "provider", value = "s3")
    @MojoParameter(name = "bucket", value = "district-events")
    @MojoParameter(name = "awsRoleArn", value = "arn:aws:iam::123456789012:role/loader")
    @MojoParameter(name = "database", value = "ANALYTICS")
    @MojoParameter(name = "taskWarehouse", value = "LOAD_WH")
    void configuredValuesReachTheSettings(RenderMojo mojo) throws Exception {
        RenderConfig c = mojo.settings().validate();
        assertEquals(Provider.S3, c.provider());
        assertEquals("s3://district-events/autosync/", c.storageUrl());
        assertEquals("ANALYTICS", c.database().name());
        assertEquals("LOAD_WH", c.taskWarehouse().name());
    }

    @Test
    @InjectMojo(goal = RenderMojo.GOAL_NAME)
    @MojoParameter(name = "provider", value = "gcs")
    void aBadConfigurationFailsTheBuildNamingEachProperty(RenderMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().contains("-Dautosync.bucket: is required"), e.getMessage());
        assertTrue(e.getMessage().contains("-Dautosync.gcsPubsubSubscription: is required"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = RenderMojo.GOAL_NAME)
    @MojoParameter(name = "skip", value = "true")
    @MojoParameter(name = "provider", value = "nonsense")
    void skipDoesNothing(RenderMojo mojo) throws Exception {
        mojo.execute();
    }
}
