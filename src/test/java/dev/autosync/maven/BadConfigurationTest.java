package dev.autosync.maven;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Wrong, empty and hostile values for the parameters of deploy, e2e, status and emulator (render's
 * are covered by RenderSettingsTest and HostileValuesTest): each fails the build (a failure, not an
 * error) with a message that names the parameter and says what to do.
 */
@MojoTest
class BadConfigurationTest {
    private static final File MANIFEST_DIR = new File("target/bad-config-test/autosync");

    /** A parameter, a bad value, and text the failure must contain. */
    private record Case(String field, Object value, String expected) {
    }

    private static List<String> check(AbstractMojo mojo, List<Case> cases) throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            Object before = MojoExtension.getVariableValueFromObject(mojo, c.field());
            MojoExtension.setVariableValueToObject(mojo, c.field(), c.value());
            try {
                mojo.execute();
                wrong.add(c.field() + "=" + c.value() + ": no failure");
            } catch (MojoFailureException e) {
                if (!e.getMessage().contains(c.expected())) {
                    wrong.add(c.field() + "=" + c.value() + ": message lacks '" + c.expected() + "': " + e.getMessage());
                }
            } catch (Exception e) {
                wrong.add(c.field() + "=" + c.value() + ": " + e.getClass().getSimpleName() + " instead of a build failure: " + e.getMessage());
            } finally {
                MojoExtension.setVariableValueToObject(mojo, c.field(), before);
            }
        }
        return wrong;
    }

    static void manifest() throws Exception {
        MANIFEST_DIR.mkdirs();
        java.nio.file.Files.writeString(MANIFEST_DIR.toPath().resolve("manifest.json"),
                dev.autosync.render.Manifest.toJson(dev.autosync.render.RenderFixtures.render(dev.autosync.render.Provider.INTERNAL)));
    }

    @Test
    @InjectMojo(goal = DeployMojo.GOAL_NAME)
    @MojoParameter(name = "outputDirectory", value = "target/bad-config-test/autosync")
    @MojoParameter(name = "emulatorDataDir", value = "target/bad-config-test/local")
    void deployAndTheConnectionParameters(DeployMojo mojo) throws Exception {
        manifest();
        MojoExtension.setVariableValueToObject(mojo, "environment", Map.of());
        assertEquals(List.of(), check(mojo, List.of(
                new Case("drainTimeout", 0, "autosync.deploy.drainTimeout is 0; give a number of seconds of 1 or more"),
                new Case("target", "cloud", "autosync.target is 'cloud'; use local or snowflake"),
                new Case("target", "snowflake", "autosync.target is snowflake but no account is configured. Set autosync.account"),
                new Case("account", "acct'; DROP DATABASE X; --", "is not an account identifier"),
                new Case("jdbcUrl", "http://example.com/", "autosync.jdbcUrl must start with jdbc:snowflake://"),
                new Case("serverId", "nope", "autosync.serverId is 'nope' but settings.xml has no <server> with that <id>"),
                new Case("connectionName", "prod", "autosync.connectionName is 'prod' but"),
                new Case("privateKeyFile", new File("target/no-such-key.p8"), "no-such-key.p8 (parameter autosync.privateKeyFile) does not exist"),
                new Case("emulatorPublicKeyFile", new File("pom.xml"), "autosync.emulator.publicKeyFile is set but autosync.emulator.user is not"),
                new Case("outputDirectory", new File("target/bad-config-test/empty"), "Run autosync:render first"))));
    }

    @Test
    @InjectMojo(goal = DeployMojo.GOAL_NAME)
    @MojoParameter(name = "outputDirectory", value = "target/bad-config-test/autosync")
    @MojoParameter(name = "emulatorDataDir", value = "target/bad-config-test/local-key")
    @MojoParameter(name = "emulatorUser", value = "ANALYST")
    void aPublicKeyThatIsNotOne(DeployMojo mojo) throws Exception {
        manifest();
        MojoExtension.setVariableValueToObject(mojo, "environment", Map.of());
        assertEquals(List.of(), check(mojo, List.of(new Case("emulatorPublicKeyFile", new File("pom.xml"),
                "autosync.emulator.publicKeyFile pom.xml is not a PEM RSA public key"))));
    }

    @Test
    @InjectMojo(goal = E2eMojo.GOAL_NAME)
    @MojoParameter(name = "outputDirectory", value = "target/bad-config-test/autosync")
    @MojoParameter(name = "emulatorDataDir", value = "target/bad-config-test/local-e2e")
    void e2e(E2eMojo mojo) throws Exception {
        manifest();
        MojoExtension.setVariableValueToObject(mojo, "environment", Map.of());
        assertEquals(List.of(), check(mojo, List.of(
                new Case("timeout", -5, "autosync.e2e.timeout is -5; give a number of seconds of 1 or more"),
                new Case("files", List.of(new File("pom.xml")), "autosync.e2e.files: cannot tell which entity pom.xml is for"),
                new Case("files", List.of(new File("target/grades_missing.json")), "autosync.e2e.files: cannot read"),
                new Case("pipeline", new File("target/no-such-spec.json"), "no-such-spec.json"))));
    }

    @Test
    @InjectMojo(goal = StatusMojo.GOAL_NAME)
    @MojoParameter(name = "outputDirectory", value = "target/bad-config-test/autosync")
    void status(StatusMojo mojo) throws Exception {
        manifest();
        assertEquals(List.of(), check(mojo, List.of(
                new Case("format", "pdf", "autosync.format is 'pdf'; use table, json or html"),
                new Case("format", "<script>", "use table, json or html"))));
    }

    @Test
    @InjectMojo(goal = EmulatorMojo.GOAL_NAME)
    @MojoParameter(name = "dataDir", value = "target/bad-config-test/emulator")
    void emulator(EmulatorMojo mojo) throws Exception {
        assertEquals(List.of(), check(mojo, List.of(
                new Case("port", 70000, "autosync.emulator.port is 70000; use a port from 1 to 65535"),
                new Case("port", -1, "autosync.emulator.port is -1"))));
    }
}
