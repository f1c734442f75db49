package io.sessionfriction.topology.fault;

import org.slf4j.LoggerFactory;

/**
 * The exact accounting a fault-suite case ends with (its assertions hold it), logged so that
 * docs/reliability.md quotes what the suite measured.
 *
 * @param duplicates enriched events seen more than once plus alert records (alertId and count) seen more than once
 */
record Accounting(String fault, long lines, long events, long deadLetters, long late, long enriched, long alerts, long duplicates) {

    void log() {
        LoggerFactory.getLogger(Accounting.class).info("{}: {} lines in, {} events, {} to the DLQ, {} late, {} enriched, {} alerts, "
                + "{} duplicated", fault, lines, events, deadLetters, late, enriched, alerts, duplicates);
    }
}
