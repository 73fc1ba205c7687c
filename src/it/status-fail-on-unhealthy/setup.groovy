// Before the build: the default pipeline deployed on this project's local emulator data folder, then a
// pipe paused and a task suspended, as an operator might leave them. Uses the plugin's own classes.
import dev.autosync.emulator.LocalEmulator
import dev.autosync.render.*
import dev.autosync.pipeline.PipelineSpecReader
import dev.autosync.warehouse.*
import java.nio.file.*

def out = new File(basedir, 'target/autosync').toPath()
Files.createDirectories(out)
def bundle = new Renderer(null).render(new RenderSettings().validate(), new PipelineSpecReader().readDefault())
Files.writeString(out.resolve('manifest.json'), Manifest.toJson(bundle))
def emulator = LocalEmulator.start(out.resolve('local'), 0, null, null, { m -> } as java.util.function.Consumer)
try {
    def props = emulator.connectionProperties(null, null, null, null)
    def settings = props.stringPropertyNames().findAll { it != 'password' }.collectEntries { [(it): props.getProperty(it)] }
    def target = new Target(Target.Kind.SNOWFLAKE, emulator.jdbcUrl(), settings, [password: Secret.of('local')], null,
            dev.autosync.emulator.wire.LoginPolicy.anyone(), [])
    def w = Warehouse.connect(target, { m -> } as java.util.function.Consumer)
    try {
        def d = new Deployer(bundle, w, DeployOptions.defaults({ m -> } as java.util.function.Consumer))
        d.apply(d.plan())
        w.execute('ALTER PIPE SCHOOL_DATA.AUTOSYNC.GRADES_PIPE SET PIPE_EXECUTION_PAUSED = TRUE')
        w.execute('ALTER TASK SCHOOL_DATA.AUTOSYNC.PROCESS_STUDENTS_TASK SUSPEND')
    } finally {
        w.close()
    }
} finally {
    emulator.close()
}
return true
