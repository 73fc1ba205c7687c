package dev.autosync.warehouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionResolverTest {
    private static ConnectionRequest base() {
        return new ConnectionRequest().localDataDir(Path.of("target/local")).environment(Map.of());
    }

    @Test
    void withNothingConfiguredTheTargetIsLocal() throws Exception {
        Target t = ConnectionResolver.resolve(base());
        assertTrue(t.local());
        assertTrue(t.localPolicy().open());
    }

    @Test
    void anAccountAnywhereMeansSnowflake() throws Exception {
        Target t = ConnectionResolver.resolve(base().environment(Map.of("SNOWFLAKE_ACCOUNT", "myorg-acct", "SNOWFLAKE_USER", "LOADER",
                "SNOWFLAKE_PASSWORD", "pw-123456")));
        assertEquals(Target.Kind.SNOWFLAKE, t.kind());
        assertEquals("jdbc:snowflake://myorg-acct.snowflakecomputing.com/", t.url());
        assertEquals("LOADER", t.settings().get("user"));
        assertEquals("pw-123456", t.properties().getProperty("password"));
        assertFalse(t.describe().contains("pw-123456"));
        assertFalse(t.toString().contains("pw-123456"));
    }

    @Test
    void conflictingValuesAndDoubleCredentialsAreRefusedByName() {
        InvalidConnectionException e = assertThrows(InvalidConnectionException.class, () -> ConnectionResolver.resolve(base()
                .account("acct").user("A").password(Secret.of("first-secret"))
                .environment(Map.of("SNOWFLAKE_USER", "B", "SNOWFLAKE_PASSWORD", "second-secret"))));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("the user is 'A' (parameter autosync.user) but 'B' (environment SNOWFLAKE_USER)"));
        assertTrue(e.getMessage().contains("the password is given 2 times (parameter autosync.password, environment SNOWFLAKE_PASSWORD)"));
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void aPasswordAndAKeyTogetherAreRefused(@TempDir Path dir) throws Exception {
        Path key = Files.writeString(dir.resolve("k.p8"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        InvalidConnectionException e = assertThrows(InvalidConnectionException.class, () -> ConnectionResolver.resolve(base()
                .account("acct").user("A").privateKeyFile(key).environment(Map.of("SNOWFLAKE_PASSWORD", "pw"))));
        assertTrue(e.getMessage().contains("both a password"), e.getMessage());
    }

    @Test
    void anEncryptedKeyNeedsItsPassphraseAndAMissingKeyIsNamed(@TempDir Path dir) throws Exception {
        Path key = Files.writeString(dir.resolve("k.p8"), "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");
        InvalidConnectionException e = assertThrows(InvalidConnectionException.class, () -> ConnectionResolver.resolve(base()
                .account("acct").user("A").privateKeyFile(key)));
        assertTrue(e.getMessage().contains("is encrypted; give its passphrase"), e.getMessage());
        e = assertThrows(InvalidConnectionException.class, () -> ConnectionResolver.resolve(base().account("acct").user("A")
                .privateKeyFile(dir.resolve("missing.p8"))));
        assertTrue(e.getMessage().contains("missing.p8") && e.getMessage().contains("does not exist"), e.getMessage());
        Target t = ConnectionResolver.resolve(base().account("acct").user("A").privateKeyFile(key)
                .environment(Map.of("SNOWFLAKE_PRIVATE_KEY_FILE_PWD", "phrase")));
        assertEquals("SNOWFLAKE_JWT", t.settings().get("authenticator"));
        assertEquals("phrase", t.properties().getProperty("private_key_pwd"));
    }

    @Test
    void aNamedConnectionIsReadFromConnectionsToml(@TempDir Path dir) throws Exception {
        Path toml = Files.writeString(dir.resolve("connections.toml"),
                "[prod]\naccount = \"myorg-prod\"\nuser = \"LOADER\"\npassword = \"toml-pw\"\nwarehouse = \"LOAD_WH\"\n");
        Target t = ConnectionResolver.resolve(base().connectionName("prod").connectionsFile(toml));
        assertEquals("jdbc:snowflake://myorg-prod.snowflakecomputing.com/", t.url());
        assertEquals("LOAD_WH", t.settings().get("warehouse"));
        InvalidConnectionException e = assertThrows(InvalidConnectionException.class,
                () -> ConnectionResolver.resolve(base().connectionName("dev").connectionsFile(toml)));
        assertTrue(e.getMessage().contains("there is no connection [dev]") && e.getMessage().contains("[prod]"), e.getMessage());
        Files.writeString(toml, "[prod\nuser = ");
        e = assertThrows(InvalidConnectionException.class, () -> ConnectionResolver.resolve(base().connectionName("prod").connectionsFile(toml)));
        assertTrue(e.getMessage().contains("is not valid TOML"), e.getMessage());
    }

    @Test
    void hostileOrMalformedValuesAreRefused() {
        InvalidConnectionException e = assertThrows(InvalidConnectionException.class, () -> ConnectionResolver.resolve(base()
                .account("acct.snowflakecomputing.com/?x=1'; DROP").user("A").password(Secret.of("pw"))));
        assertTrue(e.getMessage().contains("is not an account identifier"), e.getMessage());
        e = assertThrows(InvalidConnectionException.class, () -> ConnectionResolver.resolve(base().jdbcUrl("jdbc:snowflake://h/?password=hunter22")
                .user("A").password(Secret.of("pw"))));
        assertTrue(e.getMessage().contains("carries a password"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter22"), e.getMessage());
        e = assertThrows(InvalidConnectionException.class, () -> ConnectionResolver.resolve(base().target("cloud")));
        assertTrue(e.getMessage().contains("use local or snowflake"), e.getMessage());
    }
}
