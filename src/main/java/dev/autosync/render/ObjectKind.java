package dev.autosync.render;

import java.util.Locale;

/** The kinds of Snowflake object a rendered statement creates, in the order they are created. */
public enum ObjectKind {
    DATABASE, SCHEMA, FILE_FORMAT, STORAGE_INTEGRATION, NOTIFICATION_INTEGRATION, STAGE, TABLE, STREAM, PIPE, TASK, VIEW;

    /** As Snowflake spells it in DDL: {@code FILE FORMAT}, {@code STORAGE INTEGRATION}. */
    public String ddlName() {
        return name().replace('_', ' ');
    }

    public String fileSlug() {
        return name().toLowerCase(Locale.ROOT);
    }
}
