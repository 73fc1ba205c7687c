// Before the build: the default pipeline deployed on this project's emulator and five attendance files
// staged 40 days before it.
import dev.autosync.testing.InvokerPipeline as P
def files = [:]
(0..4).each { files["h${it}.json".toString()] = P.attendance(it * 10, 4) }
P.deployWithHistory(basedir.toPath(), 'attendance', files, 40, [:])
return true
