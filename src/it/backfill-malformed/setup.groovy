// Before the build: the default pipeline deployed on this project's emulator, two good attendance files
// and one that is not JSON, staged 20 days before it.
import dev.autosync.testing.InvokerPipeline as P
P.deployWithHistory(basedir.toPath(), 'attendance',
        ['good-1.json': P.attendance(1, 2), 'broken.json': '{"event_id": "B1", "student_id": ', 'good-2.json': P.attendance(3, 2)],
        20, [:])
return true
