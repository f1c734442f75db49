package io.sessionfriction.notify;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Alertmanager's {@code POST /api/v2/alerts} and nothing else, answering the statuses a test plans
 * (then 200), and keeping every post. The real Alertmanager is tested in topology-tests; this one lets a
 * test make it fail on purpose.
 */
public final class StubAlertmanager implements AutoCloseable {

    /** One request as received, with the status it was answered. */
    public record Post(int status, JsonNode alerts) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Deque<Integer> planned = new ArrayDeque<>();
    private final List<Post> posts = new ArrayList<>();
    private Predicate<JsonNode> refuse = alert -> false;

    private StubAlertmanager(HttpServer server) {
        this.server = server;
    }

    public static StubAlertmanager start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        StubAlertmanager stub = new StubAlertmanager(server);
        server.createContext("/api/v2/alerts", stub::handle);
        server.start();
        return stub;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next posts are answered with these statuses, in order. */
    public synchronized StubAlertmanager answer(Integer... statuses) {
        planned.addAll(List.of(statuses));
        return this;
    }

    /** Forgets the planned statuses: every post from now on is accepted. */
    public synchronized StubAlertmanager recover() {
        planned.clear();
        return this;
    }

    /** A post holding an alert that matches is answered 400, as Alertmanager answers an invalid alert. */
    public synchronized StubAlertmanager refuse(Predicate<JsonNode> alert) {
        refuse = alert;
        return this;
    }

    public synchronized List<Post> posts() {
        return List.copyOf(posts);
    }

    /** Every alert of the posts answered 2xx, in order. */
    public synchronized List<JsonNode> accepted() {
        List<JsonNode> alerts = new ArrayList<>();
        posts.stream().filter(post -> post.status() / 100 == 2).forEach(post -> post.alerts().forEach(alerts::add));
        return alerts;
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode alerts;
        try (InputStream body = exchange.getRequestBody()) {
            alerts = JSON.readTree(body);
        }
        int status;
        synchronized (this) {
            boolean invalid = false;
            for (JsonNode alert : alerts) {
                invalid |= refuse.test(alert);
            }
            status = invalid ? 400 : planned.isEmpty() ? 200 : planned.poll();
            posts.add(new Post(status, alerts));
        }
        byte[] answer = (status == 200 ? "" : "{\"message\":\"planned failure\"}").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        try (var out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
