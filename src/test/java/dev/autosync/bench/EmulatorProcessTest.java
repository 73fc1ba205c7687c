package dev.autosync.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Each benchmark server writes a JFR recording of its own when EMULATOR_JAVA_OPTS asks for one. */
class EmulatorProcessTest {
    @Test
    void aRecordingFileNameGetsTheServersRole() {
        assertEquals("-XX:StartFlightRecording=filename=/tmp/rt-emulator.jfr,settings=profile",
                EmulatorProcess.ownRecording("-XX:StartFlightRecording=filename=/tmp/rt.jfr,settings=profile", "emulator"));
        assertEquals("-XX:StartFlightRecording=settings=profile,filename=/tmp/rt-canned",
                EmulatorProcess.ownRecording("-XX:StartFlightRecording=settings=profile,filename=/tmp/rt", "canned"));
        assertEquals("-Xss4m", EmulatorProcess.ownRecording("-Xss4m", "canned"));
    }
}
