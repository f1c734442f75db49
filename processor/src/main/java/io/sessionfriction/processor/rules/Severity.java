package io.sessionfriction.processor.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** How much a friction costs the user; written in lower case in YAML and JSON. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Severity> parse(String text) {
        return Arrays.stream(values()).filter(s -> s.label().equalsIgnoreCase(text.trim())).findFirst();
    }
}
