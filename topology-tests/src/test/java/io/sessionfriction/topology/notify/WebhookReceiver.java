package io.sessionfriction.topology.notify;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** What Alertmanager's webhook receivers send, kept per receiver: the notifications people would get. */
final class WebhookReceiver implements AutoCloseable {

    /** One notification: the receiver it was routed to (the request path) and Alertmanager's payload. */
    record Notification(String receiver, JsonNode payload) {

        String groupLabel(String name) {
            return payload.path("groupLabels").path(name).asText(null);
        }

        List<String> firingAlertNames() {
            List<String> names = new ArrayList<>();
            payload.path("alerts").forEach(alert -> {
                if (alert.path("status").asText().equals("firing")) {
                    names.add(alert.path("labels").path("alertname").asText());
                }
            });
            return names;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Notification> received = new ArrayList<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        WebhookReceiver receiver = new WebhookReceiver(server);
        server.createContext("/", receiver::handle);
        server.start();
        return receiver;
    }

    /** Where receiver {@code name} posts. */
    URI url(String name) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + name);
    }

    synchronized List<Notification> notifications() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode payload;
        try (InputStream body = exchange.getRequestBody()) {
            payload = JSON.readTree(body);
        }
        synchronized (this) {
            received.add(new Notification(exchange.getRequestURI().getPath().substring(1), payload));
        }
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
