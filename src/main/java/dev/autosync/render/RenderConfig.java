package dev.autosync.render;

import java.util.List;

/**
 * Validated render configuration. Identifiers passed the allow-list and cloud values matched their
 * formats; {@code storageUrl} is the external stage URL (null for the internal provider).
 */
public record RenderConfig(Provider provider, Identifier database, Identifier schema,
                           Identifier storageIntegration, Identifier notificationIntegration,
                           String storageUrl, String bucket, String prefix,
                           String awsRoleArn, String awsExternalId, String awsSnsTopic, List<String> blockedLocations,
                           String azureTenantId, String azureStorageAccount, String azureContainer, String azureQueueUri,
                           String gcsPubsubSubscription, Identifier taskWarehouse, String taskSchedule) {

    public RenderConfig {
        blockedLocations = List.copyOf(blockedLocations);
    }

    public QualifiedName qualify(String object) {
        return QualifiedName.of(database, schema, new Identifier(object));
    }
}
