package io.sessionfriction.processor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionScopedKeyTest {

    private static final String SESSION = "258c7280-ae70-4798-800f-63464d01a85d";

    @Test
    void anEntryOfASessionStartsWithTheSessionsPrefixAndNamesItsSession() {
        String key = SessionScopedKey.of(SESSION, "toolu_01");

        assertThat(key).isEqualTo(SESSION + "|toolu_01").startsWith(SessionScopedKey.prefix(SESSION));
        assertThat(SessionScopedKey.sessionOf(key)).contains(SESSION);
    }

    @Test
    void theSessionIsWhatComesBeforeTheFirstSeparator() {
        assertThat(SessionScopedKey.sessionOf(SessionScopedKey.of(SESSION, "a|b"))).contains(SESSION);
    }

    @Test
    void aKeyNotScopedToASessionNamesNone() {
        assertThat(SessionScopedKey.sessionOf(SESSION)).isEmpty();
        assertThat(SessionScopedKey.sessionOf(null)).isEmpty();
    }
}
