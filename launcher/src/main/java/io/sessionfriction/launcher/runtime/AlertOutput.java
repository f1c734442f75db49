package io.sessionfriction.launcher.runtime;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** How the alert printer writes alerts: a block of text each, or one JSON object per line (NDJSON) for machines. */
public enum AlertOutput {
    TEXT {
        @Override
        Lines to(PrintWriter out) {
            AlertFormat format = new AlertFormat();
            return new Lines() {
                @Override
                public void alert(JsonNode alert) {
                    out.println(format.format(alert));
                    out.flush();
                }

                @Override
                public void release() {
                    // Text is for people watching: every alert shows at once.
                }
            };
        }
    },
    JSON {
        @Override
        Lines to(PrintWriter out) {
            return new EventTimeOrder(out);
        }
    };

    /** Where the printer's alerts go, on its own thread. */
    interface Lines {

        void alert(JsonNode alert);

        /** Writes what was held back, and from now on each alert as it comes. */
        void release();
    }

    abstract Lines to(PrintWriter out);

    /**
     * NDJSON in event-time order within each session: the topology emits a session's alerts in the order of its
     * lines, and a file's lines are not always in time order (a subagent's, a resumed session's), so alerts are
     * held until {@link #release()}, then sorted by {@code timestamp} per session (sessions in the order their
     * first alert came). After that, as they come: what is followed arrives in time order.
     */
    private static final class EventTimeOrder implements Lines {

        private static final Comparator<JsonNode> BY_EVENT_TIME =
                Comparator.comparing(alert -> Instant.parse(alert.path("timestamp").asText(Instant.MIN.toString())));

        private final PrintWriter out;
        private final Map<String, List<JsonNode>> held = new LinkedHashMap<>();
        private boolean released;

        EventTimeOrder(PrintWriter out) {
            this.out = out;
        }

        @Override
        public synchronized void alert(JsonNode alert) {
            if (released) {
                out.println(alert.toString());
                out.flush();
                return;
            }
            held.computeIfAbsent(alert.path("sessionId").asText(""), session -> new ArrayList<>()).add(alert);
        }

        @Override
        public synchronized void release() {
            held.values().forEach(alerts -> alerts.stream().sorted(BY_EVENT_TIME).forEach(alert -> out.println(alert.toString())));
            held.clear();
            out.flush();
            released = true;
        }
    }
}
