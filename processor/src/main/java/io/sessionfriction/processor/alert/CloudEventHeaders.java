package io.sessionfriction.processor.alert;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * CloudEvents 1.0 attributes as headers on each alert record (the Kafka protocol binding's binary mode),
 * so a generic consumer (an event router, Knative's Kafka source) can route an alert without reading its
 * value, which stays the alert's JSON. {@code ce_id} is the alert id and the emission (first, then each
 * escalation), so (source, id) names one emission, as the spec asks.
 */
public final class CloudEventHeaders implements FixedKeyProcessor<String, FrictionAlert, FrictionAlert> {

    public static final String TYPE = "io.sessionfriction.friction-alert";
    public static final String DATA_SCHEMA = "https://sessionfriction.io/schemas/v1/friction-alert.schema.json";
    private static final String PREFIX = "ce_";

    private final String source;
    private FixedKeyProcessorContext<String, FrictionAlert> context;

    /** @param applicationId the processor's: the events' {@code ce_source} is {@code /session-friction/<applicationId>} */
    public CloudEventHeaders(String applicationId) {
        this.source = "/session-friction/" + applicationId;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, FrictionAlert> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, FrictionAlert> record) {
        FrictionAlert alert = record.value();
        // A copy: the record carries its triggering line's headers (user, file, offset, line), which it keeps.
        Headers headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(PREFIX) && !header.key().equals("content-type")) {
                headers.add(header);
            }
        }
        add(headers, "ce_specversion", "1.0");
        add(headers, "ce_id", alert.alertId() + "/" + alert.escalation());
        add(headers, "ce_source", source);
        add(headers, "ce_type", TYPE);
        add(headers, "ce_time", alert.timestamp().toString());
        add(headers, "ce_subject", alert.sessionId());
        add(headers, "ce_dataschema", DATA_SCHEMA);
        add(headers, "content-type", "application/json");
        context.forward(record.withHeaders(headers));
    }

    private static void add(Headers headers, String key, String value) {
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
