package dev.autosync.render;

import dev.autosync.pipeline.PipelineSpec;
import dev.autosync.pipeline.PipelineSpecReader;

/** Settings with fixed values for each provider, shared by render tests and the emulator tests. */
public final class RenderFixtures {
    private RenderFixtures() {
    }

    public static RenderSettings settings(Provider p) {
        RenderSettings s = new RenderSettings().provider(p.id());
        switch (p) {
            case S3 -> s.bucket("district-events").awsRoleArn("arn:aws:iam::123456789012:role/autosync-loader")
                    .awsExternalId("district-autosync-1");
            case AZURE -> s.azureStorageAccount("districtevents").azureContainer("events")
                    .azureTenantId("7f3c1c2e-5d1a-4b8e-9a0f-2c4d6e8f0a1b")
                    .azureQueueUri("https://districtevents.queue.core.windows.net/autosync-events");
            case GCS -> s.bucket("district-events").gcsPubsubSubscription("projects/district-data/subscriptions/autosync-events");
            case INTERNAL -> { }
        }
        return s;
    }

    public static PipelineSpec schoolSpec() {
        try {
            return new PipelineSpecReader().readDefault();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static RenderedBundle render(Provider p) {
        try {
            return new Renderer(null).render(settings(p).validate(), schoolSpec());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
