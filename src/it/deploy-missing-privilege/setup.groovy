// Before the build: role LOADER on this project's local emulator, with CREATE DATABASE on the account only
// (no EXECUTE TASK, no EXECUTE MANAGED TASK). Uses the plugin's own classes.
import dev.autosync.emulator.LocalEmulator
import dev.autosync.warehouse.*
import java.nio.file.*

def out = new File(basedir, 'target/autosync').toPath()
Files.createDirectories(out)
def emulator = LocalEmulator.start(out.resolve('local'), 0, null, null, { m -> } as java.util.function.Consumer)
try {
    def props = emulator.connectionProperties(null, null, null, null)
    def settings = props.stringPropertyNames().findAll { it != 'password' }.collectEntries { [(it): props.getProperty(it)] }
    settings.role = 'ACCOUNTADMIN'
    def target = new Target(Target.Kind.SNOWFLAKE, emulator.jdbcUrl(), settings, [password: Secret.of('local')], null,
            dev.autosync.emulator.wire.LoginPolicy.anyone(), [])
    def w = Warehouse.connect(target, { m -> } as java.util.function.Consumer)
    try {
        w.execute('CREATE ROLE LOADER')
        w.execute('GRANT CREATE DATABASE ON ACCOUNT TO ROLE LOADER')
    } finally {
        w.close()
    }
} finally {
    emulator.close()
}
