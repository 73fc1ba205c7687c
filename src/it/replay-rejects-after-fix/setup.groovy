// Before the build: a pipeline whose attendance mapping read student_id from the wrong key, deployed
// 10 days ago on this project's emulator; its three events sit in ATTENDANCE_REJECTS.
import dev.autosync.testing.InvokerPipeline as P
P.deployAttendanceMappingBug(basedir.toPath())
return true
