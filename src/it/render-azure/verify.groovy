// render for Azure: storage and notification integrations, pipes on the notification integration.
def out = new File(basedir, 'target/autosync')
def integration = new File(out, 'sql/04_storage_integration_AUTOSYNC_STORAGE_INTEGRATION.sql').text
assert integration.contains("STORAGE_PROVIDER = 'AZURE'")
assert integration.contains("AZURE_TENANT_ID = '7f3c1c2e-5d1a-4b8e-9a0f-2c4d6e8f0a1b'")
assert integration.contains("STORAGE_ALLOWED_LOCATIONS = ('azure://districtevents.blob.core.windows.net/events/autosync/')")
def notification = new File(out, 'sql/05_notification_integration_AUTOSYNC_NOTIFICATION_INTEGRATION.sql').text
assert notification.contains('NOTIFICATION_PROVIDER = AZURE_STORAGE_QUEUE')
assert notification.contains("AZURE_STORAGE_QUEUE_PRIMARY_URI = 'https://districtevents.queue.core.windows.net/autosync-events'")
def pipe = new File(out, 'sql').listFiles().find { it.name.endsWith('_pipe_GRADES_PIPE.sql') }.text
assert pipe.contains("INTEGRATION = 'AUTOSYNC_NOTIFICATION_INTEGRATION'")
assert new File(out, 'cloud-setup.sql').text.contains('-- Azure Blob Storage (selected)')
