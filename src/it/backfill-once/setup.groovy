// Before the build: the default pipeline deployed on this project's emulator, three attendance files
// staged 30 days before it (history the pipe never saw) and one file loaded live by the pipe.
import dev.autosync.testing.InvokerPipeline as P
P.deployWithHistory(basedir.toPath(), 'attendance',
        ['h1.json': P.attendance(1, 3), 'h2.json': P.attendance(4, 3), 'h3.json': P.attendance(7, 3)], 30,
        ['live.json': P.attendance(100, 2)])
return true
