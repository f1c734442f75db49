package io.sessionfriction.launcher.runtime.http;

import java.util.function.Supplier;

import com.sun.net.httpserver.HttpHandler;

/** {@code /health/live} and {@code /health/ready}: 200 when up, 503 with the reason when down. */
public final class HealthEndpoints {

    private HealthEndpoints() {
    }

    public static void install(OpsServer server, Health.Checks checks) {
        server.route("/health/live", probe(checks::live));
        server.route("/health/ready", probe(checks::ready));
    }

    private static HttpHandler probe(Supplier<Health> check) {
        return exchange -> {
            if (!Responses.requireGet(exchange)) {
                return;
            }
            Health health = check.get();
            Responses.json(exchange, health.isUp() ? 200 : 503, health);
        };
    }
}
