package io.sessionfriction.replay;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

import io.sessionfriction.processor.ProcessorSettings;
import io.sessionfriction.processor.rules.RuleCatalogue;
import io.sessionfriction.redaction.Redactor;
import io.sessionfriction.replay.catalogue.SessionSelection;
import io.sessionfriction.replay.report.DraftPolicy;

/**
 * A replay as the user asked for it, before anything is scanned; {@link ReplayPlan} turns it into the run.
 *
 * @param sessions           the sessions root, laid out as the collector expects
 * @param processor          the processor settings as configured (command line, environment, config file, defaults)
 * @param applicationIdGiven the application id was given explicitly for this replay, so it is kept; otherwise the run
 *                           takes its own (a configured one names the live processor, whose offsets it would resume)
 * @param latenessGiven      the allowed lateness was given explicitly for this replay, so it is kept; otherwise the
 *                           configured one is raised where the selection's time span needs more
 * @param catalogue          the rules the processor runs and the report describes
 * @param redactor           what the run's collector and processor take out of the lines (docs/security.md)
 * @param partitions         partitions of the topics the run creates, when given for this replay; otherwise
 *                           {@link ReplayPlan#partitions()} takes one per stream thread of the run
 * @param timeout            longest wait for the processor to catch up, and for reading its results back
 * @param keepTopics         on a shared cluster, keep the run's topics after the report instead of deleting them
 * @param out                folder for {@code replay.json} and the report
 * @param drafts             which friction points the report drafts as issues
 */
public record ReplayRequest(Path sessions, SessionSelection selection, ProcessorSettings processor,
                            boolean applicationIdGiven, boolean latenessGiven, RuleCatalogue catalogue,
                            Redactor redactor, OptionalInt partitions, Duration timeout, boolean keepTopics, Path out,
                            DraftPolicy drafts) {

    public ReplayRequest {
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(processor, "processor");
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(redactor, "redactor");
        Objects.requireNonNull(partitions, "partitions");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(drafts, "drafts");
    }
}
