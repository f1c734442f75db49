package io.sessionfriction.redaction;

import java.util.List;

/** A redaction catalogue that cannot be used; the message names each offending rule and field. */
public final class RedactionCatalogueException extends RuntimeException {

    private final List<String> problems;

    RedactionCatalogueException(List<String> problems) {
        super("invalid redaction rule catalogue:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
