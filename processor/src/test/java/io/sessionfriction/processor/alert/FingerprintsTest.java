package io.sessionfriction.processor.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprintsTest {

    @Test
    void volatilePartsAreMaskedSoRepeatsOfOneProblemCompareEqual() {
        assertThat(Fingerprints.mask("/bin/bash: line 12: python: command not found"))
                .isEqualTo("<path>: line N: python: command not found");
        assertThat(Fingerprints.mask("cp: cannot create regular file '/data/shared/finance/q1.csv': Permission denied"))
                .isEqualTo("cp: cannot create regular file '<path>': Permission denied");
        assertThat(Fingerprints.mask("lib/spotter/a.ex:135:5 and ~/.pgpass")).isEqualTo("<path>:N:N and <path>");
        assertThat(Fingerprints.mask("task b7636e2 of 258c7280-ae70-4798-800f-63464d01a85d failed"))
                .isEqualTo("task <hex> of <uuid> failed");
        assertThat(Fingerprints.mask("the defaced facade")).isEqualTo("the defaced facade");
    }

    @Test
    void aPlaceholdersHashIsLeftOutSoOneProblemStaysOneAlertWhateverSecretOrKey() {
        assertThat(Fingerprints.mask("curl: (22) 401 for Authorization: Bearer [REDACTED:authorization-header:3f9a1c2b]"))
                .isEqualTo(Fingerprints.mask("curl: (22) 401 for Authorization: Bearer [REDACTED:authorization-header:abcdefab]"))
                .isEqualTo("curl: (N) N for Authorization: Bearer [REDACTED:authorization-header]");
    }
}
