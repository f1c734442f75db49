package io.sessionfriction.processor.alert;

import io.sessionfriction.processor.rules.Rule;

/** Looks for one stateful pattern on a line, given what the session showed before it. */
interface PatternDetector {

    /** Adds an occurrence of {@code rule} to the turn if the pattern shows, updating the state it keeps. */
    void detect(Rule rule, Turn turn);
}
