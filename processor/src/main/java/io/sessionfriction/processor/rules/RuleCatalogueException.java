package io.sessionfriction.processor.rules;

import java.util.List;

/** A catalogue that cannot be used; the message names each offending rule and field. */
public final class RuleCatalogueException extends RuntimeException {

    private final List<String> problems;

    RuleCatalogueException(List<String> problems) {
        super("invalid friction rule catalogue:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
