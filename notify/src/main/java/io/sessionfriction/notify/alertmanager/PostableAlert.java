package io.sessionfriction.notify.alertmanager;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One alert as Alertmanager's v2 API takes it ({@code postableAlert} in its OpenAPI spec). The label set
 * is the alert's identity: Alertmanager merges posts with equal labels into one alert, keeping the
 * earliest {@code startsAt}, the latest {@code endsAt} and the newest annotations.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PostableAlert(Map<String, String> labels, Map<String, String> annotations, Instant startsAt,
        Instant endsAt, @JsonProperty("generatorURL") String generatorUrl) {

    public PostableAlert {
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
    }

    public String label(String name) {
        return labels.get(name);
    }
}
