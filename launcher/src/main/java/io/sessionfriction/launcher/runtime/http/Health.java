package io.sessionfriction.launcher.runtime.http;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One probe's verdict, as the JSON body of {@code /health/live} and {@code /health/ready}:
 * {@code {"status":"UP"}} (HTTP 200) or {@code {"status":"DOWN","reason":"..."}} (HTTP 503).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Health(String status, String reason) {

    private static final Health UP = new Health("UP", null);

    public static Health up() {
        return UP;
    }

    public static Health down(String reason) {
        return new Health("DOWN", reason);
    }

    @JsonIgnore
    public boolean isUp() {
        return "UP".equals(status);
    }

    /** What a process reports to its probes. */
    public interface Checks {

        /** Down only when restarting the process is the cure (failed, or stuck). */
        Health live();

        /** Up only when the process does its job now. */
        Health ready();
    }
}
