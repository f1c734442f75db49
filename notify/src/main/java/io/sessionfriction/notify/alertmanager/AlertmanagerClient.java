package io.sessionfriction.notify.alertmanager;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.sessionfriction.processor.Json;

/**
 * Posts alerts to Alertmanager's v2 API ({@code POST /api/v2/alerts}) on every configured instance, as
 * Prometheus does; a batch is delivered when one instance accepts it, since an HA cluster gossips alerts
 * to its peers.
 */
public final class AlertmanagerClient {

    private static final String PATH = "api/v2/alerts";
    private static final int REASON_CHARS = 300;

    private final List<URI> endpoints;
    private final HttpClient http;
    private final Duration requestTimeout;

    public AlertmanagerClient(List<URI> alertmanagers, Duration requestTimeout) {
        this.endpoints = alertmanagers.stream().map(AlertmanagerClient::alertsEndpoint).toList();
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
    }

    /** {@code base} with its route prefix kept: {@code http://host:9093/am} posts to {@code http://host:9093/am/api/v2/alerts}. */
    static URI alertsEndpoint(URI base) {
        String text = base.toString();
        return URI.create(text.endsWith("/") ? text + PATH : text + "/" + PATH);
    }

    public Delivery post(List<PostableAlert> alerts) throws InterruptedException {
        byte[] body = Json.write(alerts);
        long start = System.nanoTime();
        List<String> refused = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        boolean delivered = false;
        for (URI endpoint : endpoints) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint).timeout(requestTimeout)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status / 100 == 2) {
                    delivered = true;
                } else if (status / 100 == 4 && status != 408 && status != 429) {
                    refused.add(endpoint + " answered " + status + ": " + excerpt(response.body()));
                } else {
                    failed.add(endpoint + " answered " + status + ": " + excerpt(response.body()));
                }
            } catch (IOException e) {
                failed.add(endpoint + ": " + e);
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (delivered) {
            return new Delivery(Delivery.Result.DELIVERED, "", took);
        }
        List<String> reasons = new ArrayList<>(failed);
        reasons.addAll(refused);
        return new Delivery(failed.isEmpty() ? Delivery.Result.REJECTED : Delivery.Result.FAILED, String.join("; ", reasons), took);
    }

    private static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() <= REASON_CHARS ? flat : flat.substring(0, REASON_CHARS) + "…";
    }
}
