package dev.autosync.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The naming rules of the cloud identifiers the render settings take (buckets, storage accounts,
 * containers, queues, Pub/Sub subscriptions, IAM ARNs). Each check returns the first rule a value
 * breaks, worded so the user knows which rule and how to fix it, or null when the value is valid.
 * The rules are the providers' published naming rules; autosync refuses what the cloud would refuse
 * before anything is created.
 */
final class CloudNames {
    private static final Pattern LOWER_DIGITS = Pattern.compile("[a-z0-9]+");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IAM_NAME = Pattern.compile("[A-Za-z0-9+=,.@_-]{1,64}");
    private static final Pattern IAM_PATH = Pattern.compile("(/[\\x21-\\x7e&&[^/]]+)*/");

    private CloudNames() {
    }

    /** Amazon S3 general purpose bucket naming rules. */
    static String s3Bucket(String v) {
        return first(
                length(v, 3, 63),
                only(v, "[a-z0-9.-]+", "lower-case letters, digits, dots and hyphens"),
                edges(v, "a lower-case letter or a digit", "[a-z0-9]"),
                v.contains("..") ? "must not contain two dots in a row" : null,
                IP_ADDRESS.matcher(v).matches() ? "must not look like an IP address" : null,
                v.startsWith("xn--") || v.startsWith("sthree-") ? "must not start with xn-- or sthree- (reserved by AWS)" : null,
                v.endsWith("-s3alias") || v.endsWith("--ol-s3") || v.endsWith("--x-s3")
                        ? "must not end with -s3alias, --ol-s3 or --x-s3 (reserved by AWS)" : null);
    }

    /** Google Cloud Storage bucket naming rules. */
    static String gcsBucket(String v) {
        String parts = null;
        for (String component : v.split("\\.", -1)) {
            if (component.length() > 63) {
                parts = "has a dot-separated part of " + component.length() + " characters; each part may have at most 63";
            }
        }
        return first(
                v.contains(".") ? length(v, 3, 222) : length(v, 3, 63),
                only(v, "[a-z0-9._-]+", "lower-case letters, digits, dots, hyphens and underscores"),
                edges(v, "a lower-case letter or a digit", "[a-z0-9]"),
                parts,
                IP_ADDRESS.matcher(v).matches() ? "must not look like an IP address" : null,
                v.startsWith("goog") || v.contains("google") ? "must not start with goog or contain google (reserved by Google)" : null);
    }

    /** Azure storage account names. */
    static String azureStorageAccount(String v) {
        return first(length(v, 3, 24), LOWER_DIGITS.matcher(v).matches() ? null : "may contain only lower-case letters and digits");
    }

    /** Azure blob container and storage queue names share these rules. */
    static String azureContainerOrQueue(String v) {
        return first(
                length(v, 3, 63),
                only(v, "[a-z0-9-]+", "lower-case letters, digits and hyphens"),
                edges(v, "a lower-case letter or a digit", "[a-z0-9]"),
                v.contains("--") ? "must not contain two hyphens in a row" : null);
    }

    /** https://&lt;account&gt;.queue.core.windows.net/&lt;queue&gt; */
    static String azureQueueUri(String v) {
        String prefix = "https://";
        String host = ".queue.core.windows.net/";
        int at = v.indexOf(host);
        if (!v.startsWith(prefix) || at < 0) {
            return "is not a storage queue URL of the form https://<account>.queue.core.windows.net/<queue>";
        }
        String account = azureStorageAccount(v.substring(prefix.length(), at));
        if (account != null) {
            return "has a storage account name that " + account;
        }
        String queue = azureContainerOrQueue(v.substring(at + host.length()));
        return queue == null ? null : "has a queue name that " + queue;
    }

    /** projects/&lt;project id&gt;/subscriptions/&lt;subscription id&gt; */
    static String pubsubSubscription(String v) {
        String[] p = v.split("/", -1);
        if (p.length != 4 || !p[0].equals("projects") || !p[2].equals("subscriptions")) {
            return "is not of the form projects/<project id>/subscriptions/<subscription id>";
        }
        String project = first(
                length(p[1], 6, 30),
                only(p[1], "[a-z0-9-]+", "lower-case letters, digits and hyphens"),
                p[1].matches("[a-z].*") ? null : "must start with a lower-case letter",
                p[1].endsWith("-") ? "must not end with a hyphen" : null);
        if (project != null) {
            return "has a project id '" + p[1] + "' that " + project;
        }
        String sub = first(
                length(p[3], 3, 255),
                only(p[3], "[A-Za-z0-9._~+%-]+", "letters, digits and - . _ ~ + %"),
                p[3].matches("[A-Za-z].*") ? null : "must start with a letter",
                p[3].startsWith("goog") ? "must not start with goog (reserved by Google)" : null);
        return sub == null ? null : "has a subscription id '" + p[3] + "' that " + sub;
    }

    /** arn:aws:iam::&lt;12-digit account&gt;:role/[path/]&lt;name&gt; (also aws-cn and aws-us-gov). */
    static String iamRoleArn(String v) {
        String[] p = v.split(":", 6);
        if (p.length != 6 || !p[0].equals("arn") || !p[2].equals("iam") || !p[3].isEmpty()) {
            return "is not an IAM role ARN of the form arn:aws:iam::<12-digit account>:role/<name>";
        }
        if (!p[1].matches("aws|aws-cn|aws-us-gov")) {
            return "has the partition '" + p[1] + "'; expected aws, aws-cn or aws-us-gov";
        }
        if (!p[4].matches("\\d{12}")) {
            return "has the account '" + p[4] + "'; an AWS account id is 12 digits";
        }
        if (!p[5].startsWith("role/")) {
            return "names a '" + p[5].split("/")[0] + "', not a role (…:role/<name>)";
        }
        String rest = p[5].substring("role".length());
        int slash = rest.lastIndexOf('/');
        String path = rest.substring(0, slash + 1);
        String name = rest.substring(slash + 1);
        if (!IAM_PATH.matcher(path).matches() || path.length() > 512) {
            return "has an invalid role path '" + path + "'";
        }
        return IAM_NAME.matcher(name).matches() ? null
                : "has the role name '" + name + "'; a role name is 1 to 64 letters, digits and + = , . @ _ -";
    }

    /** arn:aws:sns:&lt;region&gt;:&lt;12-digit account&gt;:&lt;topic&gt; */
    static String snsTopicArn(String v) {
        String[] p = v.split(":", -1);
        if (p.length != 6 || !p[0].equals("arn") || !p[1].matches("aws|aws-cn|aws-us-gov") || !p[2].equals("sns")) {
            return "is not an SNS topic ARN of the form arn:aws:sns:<region>:<account>:<topic>";
        }
        return first(
                p[3].matches("[a-z]{2}(-[a-z]+)+-\\d") ? null : "has the region '" + p[3] + "', which is not an AWS region such as us-east-1",
                p[4].matches("\\d{12}") ? null : "has the account '" + p[4] + "'; an AWS account id is 12 digits",
                p[5].matches("[A-Za-z0-9_-]{1,256}") ? null
                        : "has the topic name '" + p[5] + "'; a topic name is 1 to 256 letters, digits, hyphens and underscores");
    }

    private static String length(String v, int min, int max) {
        return v.length() < min || v.length() > max
                ? "must be " + min + " to " + max + " characters long (it has " + v.length() + ")" : null;
    }

    private static String only(String v, String pattern, String allowed) {
        return v.matches(pattern) ? null : "may contain only " + allowed;
    }

    private static String edges(String v, String what, String pattern) {
        return v.isEmpty() || (v.substring(0, 1).matches(pattern) && v.substring(v.length() - 1).matches(pattern))
                ? null : "must start and end with " + what;
    }

    private static String first(String... problems) {
        List<String> found = new ArrayList<>();
        for (String p : problems) {
            if (p != null) {
                found.add(p);
            }
        }
        return found.isEmpty() ? null : found.get(0);
    }
}
