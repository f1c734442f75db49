package io.sessionfriction.topology.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sessionfriction.processor.alert.FrictionAlert;
import io.sessionfriction.topology.RealSessions;

class RealSessionAlertsTest {

    @Test
    void explore() {
        try (AlertDriver driver = AlertDriver.start()) {
            for (Path file : RealSessions.files().stream().filter(f -> f.toString().contains("agent-afc096d") || f.toString().contains("sample_main_transcript")).toList()) {
                driver.pipeRaw(RealSessions.sessionKey(file), RealSessions.user(file), RealSessions.lines(file));
            }
            List<FrictionAlert> alerts = driver.alerts();
            alerts.forEach(a -> System.out.println("ALERT " + a.sessionId() + " " + a.rule() + " c=" + a.count() + " e=" + a.escalation()
                    + " fp=[" + a.fingerprint() + "] ex=[" + a.evidence().get(a.evidence().size() - 1).excerpt() + "] cmd=[" + a.context().command() + "]"));
            System.out.println("SUPPRESSED " + driver.suppressed().size() + " TOTAL " + alerts.size());
            assertThat(alerts).isNotEmpty();
        }
    }
}
