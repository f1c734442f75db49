package io.sessionfriction.processor.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sessionfriction.processor.rules.Severity;

class FixesRegistryTest {

    private static final Instant FIXED_AT = Instant.parse("2026-02-11T21:00:00Z");

    @TempDir
    Path dir;

    private FixesRegistry load(String yaml) throws IOException {
        return FixesRegistry.load(Optional.of(Files.writeString(dir.resolve("fixes.yaml"), yaml)));
    }

    private static FrictionAlert alert(String rule, String fingerprint, String excerpt, Instant sessionStart) {
        return new FrictionAlert(FrictionAlert.SCHEMA_VERSION, "id", "s1", "alice", rule, "c", Severity.HIGH, List.of(),
                fingerprint, sessionStart, 1, 0, 0, List.of(new FrictionAlert.Evidence("u1", sessionStart, excerpt)),
                null, null, sessionStart, null);
    }

    @Test
    void withoutAFileNothingIsSuppressed() {
        assertThat(FixesRegistry.load(Optional.empty()).fixes()).isEmpty();
    }

    @Test
    void aFixSuppressesMatchingAlertsOfSessionsThatStartedBeforeIt() throws IOException {
        FixesRegistry fixes = load("""
                - rule: python-env
                  fixedAt: 2026-02-11T21:00:00Z
                  reference: ops#1
                - pattern: 'rsync -a .* backup:'
                  fixedAt: "2026-02-11T21:00:00Z"
                  reference: ops#2
                """);
        Instant before = FIXED_AT.minusSeconds(1);

        assertThat(fixes.suppressing(alert("python-env", "No module named 'x'", "x", before))).map(Fix::reference).contains("ops#1");
        assertThat(fixes.suppressing(alert("python-env", "No module named 'x'", "x", FIXED_AT))).isEmpty();
        assertThat(fixes.suppressing(alert("timeout", "rsync -a /d/ backup:/d/", "timed out", before))).map(Fix::reference).contains("ops#2");
        assertThat(fixes.suppressing(alert("timeout", "scp x y", "see rsync -a /d/ backup:/d/", before))).map(Fix::reference).contains("ops#2");
        assertThat(fixes.suppressing(alert("timeout", "scp x y", "timed out", before))).isEmpty();
    }

    @Test
    void invalidEntriesAreReportedByPositionAndField() {
        assertThatThrownBy(() -> load("""
                - rule: python-env
                  fixedAt: yesterday
                - pattern: '(broken'
                  fixedAt: 2026-02-11T21:00:00Z
                  reference: ops#2
                  note: extra
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fix #1: field 'reference' is required")
                .hasMessageContaining("fix #1: field 'fixedAt' must be an ISO-8601 instant such as 2026-02-01T00:00:00Z, got 'yesterday'")
                .hasMessageContaining("fix #2: unknown field 'note'")
                .hasMessageContaining("fix #2: field 'pattern' does not compile: Unclosed group");
    }
}
