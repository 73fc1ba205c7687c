// render for GCS with a prefix, a task warehouse and a schedule.
def out = new File(basedir, 'target/autosync')
def integration = new File(out, 'sql/04_storage_integration_AUTOSYNC_STORAGE_INTEGRATION.sql').text
assert integration.contains("STORAGE_PROVIDER = 'GCS'")
assert integration.contains("STORAGE_ALLOWED_LOCATIONS = ('gcs://district-events/incoming/school/')")
def notification = new File(out, 'sql/05_notification_integration_AUTOSYNC_NOTIFICATION_INTEGRATION.sql').text
assert notification.contains("GCP_PUBSUB_SUBSCRIPTION_NAME = 'projects/district-data/subscriptions/autosync-events'")
def task = new File(out, 'sql').listFiles().find { it.name.endsWith('_task_PROCESS_ATTENDANCE_TASK.sql') }.text
assert task.contains('WAREHOUSE = LOAD_WH')
assert task.contains("SCHEDULE = '5 MINUTES'")
assert !task.contains('USER_TASK_MANAGED_INITIAL_WAREHOUSE_SIZE')
