package io.sessionfriction.launcher.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What {@code run} prints goes to the user's terminal: transcript text (tool output, commands, user names)
 * must not act on it. Escape sequences that clear the screen or set the window title, and every other
 * control character, are shown escaped.
 */
class AlertFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode alert(String user, String excerpt, String command, String description) {
        ObjectNode alert = JSON.createObjectNode().put("severity", "high").put("rule", "tool-error").put("user", user)
                .put("sessionId", "5e550000-ae70").put("timestamp", "2026-02-11T20:00:00Z").put("count", 1).put("escalation", 0);
        alert.putArray("evidence").addObject().put("excerpt", excerpt);
        alert.putObject("context").put("command", command).put("description", description);
        return alert;
    }

    @Test
    void escapeSequencesAndControlCharactersInTranscriptTextArePrintedEscaped() {
        String clearScreen = "\u001b[2J\u001b[H";
        String setTitle = "\u001b]0;pwned\u0007";
        String printed = new AlertFormat().format(alert("eve\u001b[31m", "Error " + clearScreen + setTitle + " \u009b31m done\u0000",
                "cat notes.txt\r\u007fls", "Read \u202eevil"));

        assertThat(printed.replace("\n", "")).doesNotContainPattern("[\\p{Cc}\\u202a-\\u202e\\u2066-\\u2069]");
        assertThat(printed).contains("Error \\x1b[2J\\x1b[H\\x1b]0;pwned\\x07 \\x9b31m done\\x00")
                .contains("cat notes.txt \\x7fls").contains("eve\\x1b[31m").contains("Read \\u202eevil");
    }

    @Test
    void ordinaryTextIsPrintedAsItIs() {
        String printed = new AlertFormat().format(alert("ana", "cp: cannot create 'é/ü.csv': Permission denied", "cp a b", "Copy"));

        assertThat(printed).contains("evidence: cp: cannot create 'é/ü.csv': Permission denied").contains("command:  cp a b  (Copy)");
    }
}
