// Issue 13 item 8: an S3 deploy prints, for each auto-ingest pipe, the SQS queue (SHOW PIPES notification_channel) and
// the bucket event notification to create (All object create events, prefix = the entity's folder), and the trust values.
def log = new File(basedir, 'build.log').text
assert log.contains('Cloud side (printed on every deploy')
assert log =~ /IAM role arn:aws:iam::123456789012:role\/autosync-loader: its trust policy lets principal arn:aws:iam::\d{12}:user\/\S+ do sts:AssumeRole on condition sts:ExternalId = \S+/
for (entity in ['ATTENDANCE', 'GRADES', 'STUDENTS']) {
    def m = log =~ ("S3 bucket district-events: an event notification for pipe SCHOOL_DATA.AUTOSYNC.${entity}_PIPE: event types "
            + /s3:ObjectCreated:\* \(All object create events\), prefix (\S+), destination SQS queue (arn:aws:sqs:[a-z0-9-]+:\d{12}:sf-snowpipe-\S+)/)
    assert m.find() : "no notification line for ${entity}"
    assert m.group(1).endsWith(entity.toLowerCase() + '/') : m.group(1)
}
assert log.contains('Health check passed')
